import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Card, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../auth/auth-context';
import { graphql } from '../../gql';
import { UNREAD_COUNT } from '../../layout/app-layout';
import { PageHeader } from '../../ui/page';
import { ErrorState, QueryState } from '../../ui/states';
import { DateTimeText } from '../../ui/time';
import { notificationKindLabel, notificationLink } from './notification-kinds';

export const MY_NOTIFICATIONS = graphql(`
  query MyNotifications($unreadOnly: Boolean, $limit: Int, $offset: Int) {
    myNotifications(unreadOnly: $unreadOnly, limit: $limit, offset: $offset) {
      id
      kind
      subject
      summary
      link
      createdAt
      readAt
    }
  }
`);

const MARK_READ = graphql(`
  mutation MarkNotificationRead($id: ID!) {
    markNotificationRead(id: $id) {
      id
      readAt
    }
  }
`);

const MARK_ALL_READ = graphql(`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead
  }
`);

const PAGE = 20;

export function NotificationsPage() {
  const { role } = useMe();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const [limit, setLimit] = useState(PAGE);
  const { data, loading, error, refetch } = useQuery(MY_NOTIFICATIONS, { variables: { unreadOnly: filter === 'unread', limit: limit + 1, offset: 0 } });
  const refetchQueries = [{ query: UNREAD_COUNT }];
  const [markRead, markReadState] = useMutation(MARK_READ, { refetchQueries });
  const [markAll, markAllState] = useMutation(MARK_ALL_READ, { refetchQueries, onCompleted: () => void refetch() });
  const items = data?.myNotifications ?? [];
  const shown = items.slice(0, limit);

  return (
    <>
      <PageHeader
        title="Notifications"
        description="Reminders, feedback, enrollment news and weekly notes."
        actions={
          <Button variant="light" onClick={() => markAll().catch(() => undefined)} loading={markAllState.loading}>
            Mark all as read
          </Button>
        }
      />
      <SegmentedControl
        mb="md"
        aria-label="Which notifications"
        value={filter}
        onChange={(v) => setFilter(v as 'all' | 'unread')}
        data={[
          { label: 'All', value: 'all' },
          { label: 'Unread', value: 'unread' },
        ]}
      />
      {(markReadState.error || markAllState.error) && <ErrorState error={markReadState.error ?? markAllState.error} />}
      <QueryState loading={loading && !data} error={error} empty={shown.length === 0} emptyTitle="You are all caught up" emptyText="New notifications appear here.">
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {shown.map((n) => {
            // Older clients of the API aside, every notification has its own link; the kind's screen is the fallback.
            const to = n.link ?? notificationLink(n.kind, role)?.to ?? null;
            const open = () => {
              if (!n.readAt) markRead({ variables: { id: n.id } }).catch(() => undefined);
            };
            return (
              <Card key={n.id} component="li" bg={n.readAt ? undefined : 'var(--anchored-tint)'}>
                {/* On a phone the text takes the card's whole width and "Mark read" goes below it. */}
                <Group justify="space-between" align="flex-start" gap="xs">
                  <Stack gap={4} style={{ flex: '1 1 16rem', minWidth: 0 }}>
                    <Group gap="xs" wrap="nowrap" align="flex-start">
                      {to ? (
                        <Anchor component={Link} to={to} fw={600} onClick={open} style={{ overflowWrap: 'anywhere' }}>
                          {n.summary}
                        </Anchor>
                      ) : (
                        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                          {n.summary}
                        </Text>
                      )}
                      {!n.readAt && (
                        <Badge size="sm" color="red" variant="light">
                          New
                        </Badge>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed">
                      {notificationKindLabel(n.kind)} · <DateTimeText iso={n.createdAt} />
                    </Text>
                  </Stack>
                  {!n.readAt && (
                    <Button size="xs" variant="subtle" style={{ flexShrink: 0 }} onClick={() => markRead({ variables: { id: n.id } }).catch(() => undefined)} aria-label={`Mark read: ${n.summary}`}>
                      Mark read
                    </Button>
                  )}
                </Group>
              </Card>
            );
          })}
        </Stack>
        {items.length > limit && (
          <Button variant="default" mt="md" onClick={() => setLimit(limit + PAGE)}>
            Show more
          </Button>
        )}
      </QueryState>
    </>
  );
}
