import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { graphql } from '../../gql';
import { DateTimeText } from '../../ui/time';
import { ErrorState } from '../../ui/states';

const MY_LOGIN_SESSIONS = graphql(`
  query MyLoginSessions {
    myLoginSessions {
      id
      createdAt
      lastUsedAt
      userAgent
      current
    }
  }
`);

const REVOKE_LOGIN_SESSION = graphql(`
  mutation RevokeLoginSession($id: ID!) {
    revokeLoginSession(id: $id)
  }
`);

/** Every browser or device still logged in to this account; each can be logged out from here. */
export function LoginsSection() {
  const { data, error } = useQuery(MY_LOGIN_SESSIONS, { fetchPolicy: 'cache-and-network' });
  const [revoke, state] = useMutation(REVOKE_LOGIN_SESSION, { refetchQueries: [MY_LOGIN_SESSIONS], awaitRefetchQueries: true });
  const logins = data?.myLoginSessions ?? [];

  return (
    <Card aria-labelledby="logins-heading">
      <Title order={2} size="h4" mb="xs" id="logins-heading">
        Logins
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Where your account is logged in. Log out a browser you do not recognise or no longer use: it has to log in again with your password.
      </Text>
      {error && <ErrorState error={error} title="Your logins could not be loaded" />}
      {state.error && <ErrorState error={state.error} title="That login could not be logged out" />}
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Active logins">
        {logins.map((login) => {
          const name = login.userAgent ?? 'Unknown browser';
          return (
            <Group component="li" key={login.id} justify="space-between" wrap="nowrap" align="flex-start">
              <div>
                <Group gap="xs">
                  <Text fw={600}>{name}</Text>
                  {login.current && (
                    <Badge variant="light" color="teal">
                      This device
                    </Badge>
                  )}
                </Group>
                <Text size="sm" c="dimmed">
                  Last used <DateTimeText iso={login.lastUsedAt} />; logged in <DateTimeText iso={login.createdAt} />
                </Text>
              </div>
              {!login.current && (
                <Button
                  variant="default"
                  size="xs"
                  loading={state.loading && state.called}
                  aria-label={`Log out ${name}, last used ${new Date(login.lastUsedAt).toLocaleString()}`}
                  onClick={() => void revoke({ variables: { id: login.id } }).catch(() => undefined)}
                >
                  Log out
                </Button>
              )}
            </Group>
          );
        })}
      </Stack>
    </Card>
  );
}
