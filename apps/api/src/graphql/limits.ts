import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import type { AppConfig } from '@anchored/config';
import { listNestingRule } from './list-nesting.rule';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';

/**
 * graphql-armor throws from inside validation by default, which Apollo answers with an HTTP 500
 * "unexpected error". Reporting to the validation context instead makes a rejected operation an
 * ordinary validation failure: HTTP 400, GRAPHQL_VALIDATION_FAILED, nothing executed.
 */
const reject = {
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
};

/** Depth, alias, cost and list-nesting limits, checked while validating, before anything executes. */
export function operationLimitRules(limits: AppConfig['graphql']): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true, exposeLimits: true, ...reject }),
    maxAliasesRule({ n: limits.maxAliases, exposeLimits: true, ...reject }),
    costLimitRule({ maxCost: limits.maxCost, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5, ignoreIntrospection: true, exposeLimits: true, ...reject }),
    listNestingRule(limits.maxListNesting),
  ] as ValidationRule[];
}
