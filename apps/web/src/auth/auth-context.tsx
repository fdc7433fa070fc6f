import { useApolloClient, useQuery } from '@apollo/client/react';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { refreshTokens, restoreSession } from '../api/auth-fetch';
import { forgetTokens, getTokens, onOtherTab, onTokensChange, setTokens, type Tokens } from '../api/session';
import { graphql } from '../gql';
import type { MeQuery } from '../gql/graphql';

export const ME = graphql(`
  query Me {
    me {
      id
      name
      email
      role
      timezone
      calendarUrl
    }
  }
`);

const LOG_OUT = graphql(`
  mutation LogOut {
    logOut
  }
`);

export type Me = MeQuery['me'];

interface AuthState {
  /** Null while logged out; undefined while we are still finding out. */
  user: Me | null | undefined;
  signIn(tokens: Tokens): Promise<Me | null>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const [hasTokens, setHasTokens] = useState(() => getTokens() !== null);
  // The access token lives in memory: after a reload it is renewed through the cookie first.
  const [restoring, setRestoring] = useState(() => getTokens() === null);
  useEffect(() => onTokensChange((t) => setHasTokens(t !== null)), []);
  useEffect(() => {
    void restoreSession().finally(() => setRestoring(false));
  }, []);
  useEffect(
    () =>
      onOtherTab((event) => {
        if (event === 'logout') {
          forgetTokens();
          void client.clearStore();
        } else if (!getTokens()) void refreshTokens();
      }),
    [client],
  );
  const { data, loading } = useQuery(ME, { skip: !hasTokens, fetchPolicy: 'cache-first' });

  const signIn = useCallback(
    async (tokens: Tokens) => {
      setTokens(tokens, true);
      await client.resetStore().catch(() => undefined);
      const result = await client.query({ query: ME, fetchPolicy: 'network-only' });
      return result.data?.me ?? null;
    },
    [client],
  );

  const signOut = useCallback(async () => {
    // Revoke this login's refresh tokens on the server; forget them here whatever happens.
    await client.mutate({ mutation: LOG_OUT }).catch(() => undefined);
    setTokens(null, true);
    await client.clearStore();
  }, [client]);

  const user = restoring ? undefined : !hasTokens ? null : loading && !data ? undefined : (data?.me ?? null);
  const value = useMemo(() => ({ user, signIn, signOut }), [user, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}

/** The logged-in user; only for screens behind RequireAuth. */
export function useMe(): Me {
  const { user } = useAuth();
  if (!user) throw new Error('useMe on a public screen');
  return user;
}
