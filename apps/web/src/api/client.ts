import { ApolloClient, HttpLink, InMemoryCache, split } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { Kind, OperationTypeNode } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { authFetch, refreshTokens } from './auth-fetch';
import { needsRefresh } from './jwt';
import { getTokens, onTokensChange } from './session';

/**
 * Subscriptions (docs/live-updates.md) go over one graphql-ws WebSocket on /graphql. Its
 * connectionParams are read at every (re)connection, so a reconnect always carries a fresh access
 * token: the server closes the socket when the token expires (4000) or the login ends (4403), and
 * the client reconnects with a renewed one. Logging in or out restarts the socket.
 */
export function createLiveClient(): Client {
  const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`;
  const client = createClient({
    url,
    lazy: true,
    retryAttempts: Infinity,
    shouldRetry: () => getTokens() !== null,
    connectionParams: async () => {
      let tokens = getTokens();
      if (tokens && needsRefresh(tokens.accessToken)) tokens = (await refreshTokens()) ?? null;
      return tokens ? { authorization: `Bearer ${tokens.accessToken}` } : {};
    },
  });
  let loggedIn = getTokens() !== null;
  onTokensChange((tokens) => {
    if (loggedIn !== (tokens !== null)) client.terminate();
    loggedIn = tokens !== null;
  });
  return client;
}

export function createApolloClient(): ApolloClient {
  const http = new HttpLink({ uri: '/graphql', fetch: authFetch });
  const live = typeof window === 'undefined' || typeof WebSocket === 'undefined' ? null : new GraphQLWsLink(createLiveClient());
  const isSubscription = ({ query }: { query: Parameters<typeof getMainDefinition>[0] }) => {
    const definition = getMainDefinition(query);
    return definition.kind === Kind.OPERATION_DEFINITION && definition.operation === OperationTypeNode.SUBSCRIPTION;
  };
  return new ApolloClient({
    link: live ? split(isSubscription, live, http) : http,
    cache: new InMemoryCache({
      typePolicies: {
        // Lists are replaced wholesale by the API's answer; no merging needed, and saying so
        // silences Apollo's warnings about losing data on refetch.
        Cohort: { fields: { sessions: { merge: false }, assignments: { merge: false }, enrollments: { merge: false }, coaches: { merge: false } } },
        Session: { fields: { attendance: { merge: false } } },
        HomeworkAssignment: { fields: { submissions: { merge: false } } },
        Conversation: { fields: { participants: { merge: false }, messages: { merge: false } } },
        Query: { fields: { myNotifications: { merge: false }, cohorts: { merge: false }, mySubmissions: { merge: false }, myConversations: { merge: false } } },
      },
    }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
