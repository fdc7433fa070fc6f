import { useApolloClient, useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Card, Grid, Group, Select, Stack, Text, Textarea, Title, VisuallyHidden } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { humanError } from '../../api/apollo-errors';
import { useMe } from '../../auth/auth-context';
import { UNREAD_COUNT } from '../../layout/app-layout';
import { PageHeader } from '../../ui/page';
import { ErrorState, QueryState } from '../../ui/states';
import { DateTimeText } from '../../ui/time';
import { type ChatMessage, MESSAGE_MAX_LENGTH, MESSAGE_PAGE, draftProblem, mergeMessages, otherPerson } from './messages';
import { CONVERSATION, MARK_CONVERSATION_READ, MESSAGE_ADDED, MY_CLIENTS, MY_COACHES, MY_CONVERSATIONS, SEND_MESSAGE, START_CONVERSATION } from './operations';

/**
 * Messages: the caller's private conversations (a client with their cohort's coaches, buddies with
 * each other), unread badges, one conversation at a time with older messages on request and a
 * composer; new messages arrive live (messageAdded). At phone width the list and the conversation
 * take turns.
 */
export function MessagesPage() {
  const { conversationId } = useParams();
  const me = useMe();
  const list = useQuery(MY_CONVERSATIONS);
  // Any message of the caller's conversations: the list (order, unread badges) follows.
  useSubscription(MESSAGE_ADDED, { onData: () => void list.refetch() });
  const conversations = list.data?.myConversations ?? [];

  return (
    <>
      <PageHeader title="Messages" description="Private conversations: only the two of you read them." />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 4 }} display={{ base: conversationId ? 'none' : 'block', md: 'block' }}>
          <Stack gap="md">
            <StartConversation />
            <QueryState loading={list.loading && !list.data} error={list.error} empty={conversations.length === 0} emptyTitle="No conversations yet" emptyText="Start one above.">
              <nav aria-label="Conversations">
                <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {conversations.map((c) => {
                    const other = otherPerson(c.participants, me.id);
                    const current = c.id === conversationId;
                    return (
                      <Card key={c.id} component="li" withBorder padding="sm" bg={current ? 'var(--anchored-tint)' : undefined}>
                        <Group justify="space-between" wrap="nowrap" gap="xs">
                          <Stack gap={2} style={{ minWidth: 0 }}>
                            <Anchor component={Link} to={`/messages/${c.id}`} fw={600} aria-current={current ? 'page' : undefined} truncate="end">
                              {other?.name ?? 'A deleted account'}
                              {c.unreadCount > 0 && <VisuallyHidden>, {c.unreadCount} unread</VisuallyHidden>}
                            </Anchor>
                            <Text size="xs" c="dimmed" truncate="end">
                              {c.cohort.name}
                              {c.lastMessageAt && (
                                <>
                                  {' · '}
                                  <DateTimeText iso={c.lastMessageAt} relative />
                                </>
                              )}
                            </Text>
                          </Stack>
                          {c.unreadCount > 0 && (
                            <Badge color="red" variant="filled" aria-hidden>
                              {c.unreadCount}
                            </Badge>
                          )}
                        </Group>
                      </Card>
                    );
                  })}
                </Stack>
              </nav>
            </QueryState>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }} display={{ base: conversationId ? 'block' : 'none', md: 'block' }}>
          {conversationId ? <ConversationView key={conversationId} id={conversationId} onRead={() => void list.refetch()} /> : <Text c="dimmed">Choose a conversation.</Text>}
        </Grid.Col>
      </Grid>
    </>
  );
}

/** "Message your coach" for clients, "Message a client" for coaches. */
function StartConversation() {
  const me = useMe();
  const navigate = useNavigate();
  const isClient = me.role === 'CLIENT';
  const coaches = useQuery(MY_COACHES, { skip: !isClient });
  const clients = useQuery(MY_CLIENTS, { skip: me.role !== 'COACH' });
  const [start, state] = useMutation(START_CONVERSATION);
  const [choice, setChoice] = useState<string | null>(null);
  const options = useMemo(() => {
    if (isClient) {
      return (coaches.data?.myEnrollments ?? [])
        .filter((e) => e.status === 'ENROLLED' || e.status === 'GRADUATED')
        .flatMap((e) => e.cohort.coaches.map((c) => ({ value: `${e.cohort.id}:${c.id}`, label: `${c.name} (${e.cohort.name})` })));
    }
    return (clients.data?.cohorts ?? []).flatMap((cohort) =>
      cohort.enrollments.filter((e) => e.status === 'ENROLLED' || e.status === 'GRADUATED').map((e) => ({ value: `${cohort.id}:${e.client.id}`, label: `${e.client.name} (${cohort.name})` })),
    );
  }, [isClient, coaches.data, clients.data]);
  if (me.role === 'ADMIN') return null;

  const open = async (value: string | null) => {
    if (!value) return;
    const [cohortId, withUserId] = value.split(':');
    const result = await start({ variables: { cohortId, withUserId }, refetchQueries: [{ query: MY_CONVERSATIONS }] }).catch(() => null);
    if (result?.data) navigate(`/messages/${result.data.startConversation.id}`);
  };

  return (
    <Card withBorder padding="sm">
      <Stack gap="xs">
        <Select
          label={isClient ? 'Message your coach' : 'Message a client'}
          placeholder={options.length ? 'Choose…' : isClient ? 'No coach to write to yet' : 'No clients yet'}
          data={options}
          value={choice}
          onChange={setChoice}
          disabled={options.length === 0}
          searchable
          selectFirstOptionOnChange
          nothingFoundMessage="Nobody by that name"
        />
        <Button onClick={() => void open(choice)} disabled={!choice} loading={state.loading}>
          Open conversation
        </Button>
        {state.error && <ErrorState error={state.error} />}
      </Stack>
    </Card>
  );
}

function ConversationView({ id, onRead }: { id: string; onRead: () => void }) {
  const me = useMe();
  const client = useApolloClient();
  const { data, loading, error } = useQuery(CONVERSATION, { variables: { id, limit: MESSAGE_PAGE }, fetchPolicy: 'network-only' });
  const [older, setOlder] = useState<ChatMessage[]>([]);
  const [live, setLive] = useState<ChatMessage[]>([]);
  const [hasOlder, setHasOlder] = useState(true);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [markRead] = useMutation(MARK_CONVERSATION_READ, { refetchQueries: [{ query: UNREAD_COUNT }] });
  const [send, sendState] = useMutation(SEND_MESSAGE);
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [resources, setResources] = useState<string | null>(null);
  const logRef = useRef<HTMLOListElement>(null);

  const read = () => {
    markRead({ variables: { conversationId: id } })
      .then(onRead)
      .catch(() => undefined);
  };
  useEffect(() => {
    if (data?.conversation && data.conversation.unreadCount > 0) read();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data?.conversation?.id, data?.conversation?.unreadCount]);

  useSubscription(MESSAGE_ADDED, {
    onData: ({ data: event }) => {
      const message = event.data?.messageAdded;
      if (!message || message.conversation.id !== id) return;
      setLive((list) => [...list, message]);
      if (message.author?.id !== me.id) read();
    },
  });

  const firstPage = data?.conversation?.messages ?? [];
  const messages = mergeMessages(older, firstPage, live);
  const other = data?.conversation ? otherPerson(data.conversation.participants, me.id) : undefined;
  const moreToLoad = hasOlder && firstPage.length === MESSAGE_PAGE;

  const loadOlder = async () => {
    const oldest = messages[0];
    if (!oldest) return;
    setLoadingOlder(true);
    try {
      const result = await client.query({ query: CONVERSATION, variables: { id, limit: MESSAGE_PAGE, before: oldest.createdAt }, fetchPolicy: 'network-only' });
      const page = result.data?.conversation.messages ?? [];
      setOlder((list) => [...page, ...list]);
      if (page.length < MESSAGE_PAGE) setHasOlder(false);
    } finally {
      setLoadingOlder(false);
    }
  };

  const submit = async () => {
    const why = draftProblem(draft);
    setProblem(why);
    if (why) return;
    const result = await send({ variables: { conversationId: id, body: draft } }).catch(() => null);
    const sent = result?.data?.sendMessage;
    if (!sent) return;
    setDraft('');
    setLive((list) => [...list, sent]);
    setResources(sent.crisisResources ?? null);
    onRead();
  };

  if (error) return <ErrorState error={error} />;
  return (
    <QueryState loading={loading && !data} error={error}>
      <Stack gap="md">
        <Group gap="xs">
          <Anchor component={Link} to="/messages" hiddenFrom="md" aria-label="Back to all conversations">
            <IconArrowLeft size={18} aria-hidden /> All conversations
          </Anchor>
        </Group>
        <Title order={2} size="h3">
          {other?.name ?? 'A deleted account'}{' '}
          <Text span c="dimmed" size="sm">
            · {data?.conversation?.cohort.name}
          </Text>
        </Title>
        {moreToLoad && (
          <Button variant="default" onClick={() => void loadOlder()} loading={loadingOlder} style={{ alignSelf: 'flex-start' }}>
            Show older messages
          </Button>
        )}
        <ol ref={logRef} aria-label={`Messages with ${other?.name ?? 'a deleted account'}`} aria-live="polite" style={{ listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: 8 }}>
          {messages.length === 0 && (
            <li>
              <Text c="dimmed">No messages yet. Say hello.</Text>
            </li>
          )}
          {messages.map((m) => {
            const mine = m.author?.id === me.id;
            return (
              <li key={m.id} style={{ alignSelf: mine ? 'flex-end' : 'flex-start', maxWidth: '85%' }}>
                <Card padding="xs" radius="md" bg={mine ? 'var(--anchored-tint-strong)' : 'var(--anchored-muted-surface-strong)'}>
                  <Text size="xs" c="dimmed">
                    {mine ? 'You' : (m.author?.name ?? 'A deleted account')} · <DateTimeText iso={m.createdAt} />
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {m.body}
                  </Text>
                </Card>
              </li>
            );
          })}
        </ol>
        {resources && (
          <Alert color="orange" title="You are not alone" role="alert" withCloseButton closeButtonLabel="Dismiss" onClose={() => setResources(null)}>
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {resources}
            </Text>
            <Text size="sm" mt="xs">
              Your coach has been told to reach out to you (without what you wrote).
            </Text>
          </Alert>
        )}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <Stack gap="xs">
            <Textarea
              label="Your message"
              description={`Only ${other?.name ?? 'the other participant'} and you read it. Ctrl+Enter sends.`}
              autosize
              minRows={2}
              maxRows={8}
              value={draft}
              onChange={(e) => setDraft(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  void submit();
                }
              }}
              error={problem ?? (sendState.error ? humanError(sendState.error) : undefined)}
              maxLength={MESSAGE_MAX_LENGTH + 1}
            />
            <Group justify="space-between">
              <Text size="xs" c="dimmed" aria-live="polite">
                {draft.trim().length} / {MESSAGE_MAX_LENGTH}
              </Text>
              <Button type="submit" loading={sendState.loading}>
                Send
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </QueryState>
  );
}
