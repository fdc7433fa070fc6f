import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriverConfig } from '@nestjs/apollo';
import type { AppConfig } from '@anchored/config';
import { GraphQLScalarType } from 'graphql';
import type { GqlContext } from '../common/gql-context';
import type { LoadersFactory } from '../loaders/loaders';
import { LiveConnectionAuth, graphqlWsOptions, isLiveContext } from '../realtime/live-connection';
import { DateScalar, DateTimeScalar } from './date.scalar';
import { formatGraphQLError } from './format-error';
import { MAX_TOKENS, inputGuardPlugin } from './input-guard.plugin';
import { operationLimitRules } from './limits';
import { type ResponseCache, responseCachePlugin } from './response-cache';

export function graphqlOptions(config: AppConfig, loaders: LoadersFactory, live: LiveConnectionAuth, responseCache: ResponseCache): ApolloDriverConfig {
  return {
    path: '/graphql',
    // Built in memory; apps/api/schema.graphql is its committed print, checked by schema.integration-spec.
    autoSchemaFile: true,
    sortSchema: true,
    resolvers: { Date: DateScalar },
    buildSchemaOptions: { dateScalarMode: 'isoDate' },
    // Strict DateTime input parsing (see DateTimeScalar); the printed schema stays the same.
    transformSchema: (schema) => {
      const dateTime = schema.getType('DateTime');
      if (dateTime instanceof GraphQLScalarType) Object.assign(dateTime, { parseValue: DateTimeScalar.parseValue, parseLiteral: DateTimeScalar.parseLiteral });
      return schema;
    },
    // Batched requests would multiply every limit below; keep them off.
    allowBatchedHttpRequests: false,
    introspection: !config.isProduction,
    playground: false,
    // A token cap keeps the recursive parser from running out of stack on absurd nesting.
    parseOptions: { maxTokens: MAX_TOKENS },
    plugins: [
      inputGuardPlugin(),
      config.isProduction ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
      // We send no cache hints; the default cache-control plugin would wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      // Coaches' cohort screens answered again without executing, until a write (response-cache.ts).
      responseCachePlugin(responseCache, live),
    ],
    validationRules: operationLimitRules(config.graphql),
    includeStacktraceInErrorResponses: false,
    formatError: formatGraphQLError,
    // Subscriptions: graphql-ws on the same path, authenticated in connectionParams (realtime/).
    subscriptions: { 'graphql-ws': graphqlWsOptions(config, live) as NonNullable<ApolloDriverConfig['subscriptions']>['graphql-ws'] },
    context: (arg: Pick<GqlContext, 'req' | 'res'> | unknown): GqlContext => {
      if (isLiveContext(arg)) return live.context(arg, loaders);
      const { req, res } = arg as Pick<GqlContext, 'req' | 'res'>;
      return { req, res, loaders: loaders.create() };
    },
  };
}
