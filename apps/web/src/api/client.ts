import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { authFetch } from './auth-fetch';

export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: '/graphql', fetch: authFetch }),
    cache: new InMemoryCache({
      typePolicies: {
        // Lists are replaced wholesale by the API's answer; no merging needed, and saying so
        // silences Apollo's warnings about losing data on refetch.
        Cohort: { fields: { sessions: { merge: false }, assignments: { merge: false }, enrollments: { merge: false }, coaches: { merge: false } } },
        Session: { fields: { attendance: { merge: false } } },
        HomeworkAssignment: { fields: { submissions: { merge: false } } },
        Query: { fields: { myNotifications: { merge: false }, cohorts: { merge: false }, mySubmissions: { merge: false } } },
      },
    }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
