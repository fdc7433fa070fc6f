import type { ApolloServerPlugin } from '@apollo/server';
import { ASTNode, GraphQLError, Kind, visit } from 'graphql';
import { DomainError, ErrorCode } from '@anchored/domain';
import { findInputProblem, hasControlCharacter } from '../common/text';

/**
 * graphql-js stops parsing after this many tokens. Its parser recurses, so without a cap a few
 * thousand nested brackets in one argument exhaust the stack. Our largest real operation is far
 * below 1,000 tokens (the web app's biggest has under 100).
 */
export const MAX_TOKENS = 1000;

function refuse(field: string, message: string): GraphQLError {
  // The DomainError carries the field list to formatGraphQLError; the status makes it an HTTP 400.
  return new GraphQLError(message, {
    originalError: new DomainError(ErrorCode.BAD_USER_INPUT, message, [{ field, message }]),
    extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } },
  });
}

/** The names of the arguments and input fields that lead to a literal, e.g. input.name. */
function pathOf(ancestors: readonly (ASTNode | readonly ASTNode[])[]): string {
  const names: string[] = [];
  for (const node of ancestors) {
    if (!Array.isArray(node) && (node as ASTNode).kind === Kind.ARGUMENT) names.push((node as { name: { value: string } }).name.value);
    if (!Array.isArray(node) && (node as ASTNode).kind === Kind.OBJECT_FIELD) names.push((node as { name: { value: string } }).name.value);
  }
  return names.join('.');
}

/**
 * The central check of everything a GraphQL caller sends, after validation and before any guard
 * or resolver runs (logIn's passport guard reads its input before pipes would): text in variables
 * and in the operation itself, and the shape of variables (see findInputProblem).
 */
export function inputGuardPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const problem = findInputProblem(request.variables ?? {});
          if (problem) throw refuse(problem.field, problem.message);
          let literal: string | null = null;
          visit(document, {
            StringValue(node, _key, parent, _path, ancestors) {
              if (literal === null && hasControlCharacter(node.value)) literal = pathOf(parent ? [...ancestors, parent] : ancestors) || 'the operation';
            },
          });
          if (literal !== null) throw refuse(literal, `${literal} contains a control character (such as a NUL byte); please remove it.`);
        },
      };
    },
  };
}
