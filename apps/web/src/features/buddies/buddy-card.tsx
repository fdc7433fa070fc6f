import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Card, Group, List, Stack, Switch, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useMe } from '../../auth/auth-context';
import { formatDate } from '../../lib/time';
import { ErrorState, LoadingState } from '../../ui/states';
import { LOCATION_WORDS, MY_BUDDY, MY_CONVERSATIONS, SHARE_WEATHER, STATE_WORDS } from './operations';

const names = (list: string[]) => (list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`);

/** The client's buddy in one cohort: who, since when, the share-my-weather switch and the buddy's weather when shared. */
export function BuddyCard({ cohortId }: { cohortId: string }) {
  const me = useMe();
  const { data, loading, error } = useQuery(MY_BUDDY, { variables: { cohortId } });
  const [share, sharing] = useMutation(SHARE_WEATHER);
  const conversations = useQuery(MY_CONVERSATIONS, { skip: !data?.myBuddy });
  if (loading && !data) return <LoadingState label="Finding your buddy…" />;
  if (error) return <ErrorState error={error} />;
  const pair = data?.myBuddy;
  const headingId = `buddy-${cohortId}`;
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb="xs">
        Your buddy
      </Title>
      {!pair ? (
        <Text size="sm" c="dimmed">
          Your coach has not paired this cohort yet. When they do, your buddy will show here.
        </Text>
      ) : (
        <Stack gap="sm">
          <Text>
            {names(
              pair.members
                .filter((m) => m.id !== me.id)
                .map((m) => m.name)
                .sort((a, b) => a.localeCompare(b)),
            )}
            <Text span c="dimmed" size="sm">
              {' '}
              · buddies since {formatDate(pair.startsOn)}
            </Text>
          </Text>
          {pair.members
            .filter((m) => m.id !== me.id)
            .map((buddy) => {
              const conversation = conversations.data?.myConversations.find((c) => c.cohort.id === cohortId && c.participants.some((p) => p.id === buddy.id));
              return conversation ? (
                <Anchor key={buddy.id} component={Link} to={`/messages/${conversation.id}`} size="sm">
                  Message {buddy.name}
                </Anchor>
              ) : null;
            })}
          <Switch
            label="Share my daily weather with my buddy"
            description="Where you are and your nervous-system state from your latest check-in. Never your note or your score."
            checked={pair.sharingMyWeather === true}
            disabled={sharing.loading}
            onChange={(event) => void share({ variables: { cohortId, share: event.currentTarget.checked } })}
          />
          {sharing.error && <ErrorState error={sharing.error} />}
          {pair.buddyWeather.length > 0 ? (
            <List size="sm" spacing={4} aria-label="Your buddy's weather">
              {pair.buddyWeather.map((w) => {
                const who = pair.members.find((m) => m.id === w.buddy.id)?.name ?? 'Your buddy';
                return (
                  <List.Item key={w.buddy.id}>
                    {w.localDate && w.location && w.state
                      ? `${who} was ${LOCATION_WORDS[w.location] ?? w.location} and ${STATE_WORDS[w.state] ?? w.state} (${formatDate(w.localDate)}).`
                      : `${who} shares their weather but has not checked in yet.`}
                  </List.Item>
                );
              })}
            </List>
          ) : (
            <Group>
              <Text size="sm" c="dimmed">
                Your buddy's weather shows here when they choose to share it.
              </Text>
            </Group>
          )}
        </Stack>
      )}
    </Card>
  );
}
