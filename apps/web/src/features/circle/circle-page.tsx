import { useApolloClient, useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { humanError } from '../../api/apollo-errors';
import { useMe } from '../../auth/auth-context';
import type { CirclePostFragment } from '../../gql/graphql';
import { PageHeader } from '../../ui/page';
import { ErrorState, QueryState } from '../../ui/states';
import { DateTimeText } from '../../ui/time';
import { FEED_PAGE, POST_MAX_LENGTH, REACTIONS, REPLY_MAX_LENGTH, draftProblem, mergeFeed } from './circle';
import { COHORT_FEED, CREATE_POST, DELETE_POST, FEED_EVENTS, HIDE_POST, MY_CIRCLES, PIN_POST, REACT, REPLY_TO_POST, REPORT_POST } from './operations';

type Post = CirclePostFragment;

/** The circles the caller can open: their cohorts (clients: those they hold or held a seat in). */
export function CirclesPage() {
  const { data, loading, error } = useQuery(MY_CIRCLES);
  const cohorts = (data?.cohorts ?? []).filter((c) => c.status === 'ACTIVE' || c.status === 'COMPLETED');
  return (
    <>
      <PageHeader title="Circle" description="Your cohort's community: share, reply and support each other between sessions." />
      <QueryState loading={loading && !data} error={error} empty={cohorts.length === 0} emptyTitle="No circle yet" emptyText="Your circle opens when your cohort starts.">
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {cohorts.map((c) => (
            <li key={c.id}>
              <Anchor component={Link} to={`/circle/${c.id}`}>
                {c.name}
              </Anchor>
            </li>
          ))}
        </Stack>
      </QueryState>
    </>
  );
}

/** One cohort's circle: the composer, the feed (pinned first, newest first), live. */
export function CirclePage() {
  const { cohortId = '' } = useParams();
  const me = useMe();
  const client = useApolloClient();
  const { data, loading, error } = useQuery(COHORT_FEED, { variables: { cohortId, limit: FEED_PAGE }, fetchPolicy: 'network-only' });
  const [older, setOlder] = useState<Post[]>([]);
  const [live, setLive] = useState<Post[]>([]);
  const [hasOlder, setHasOlder] = useState(true);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const remember = (post: Post) => setLive((list) => [...list.filter((p) => p.id !== post.id), post]);

  useSubscription(FEED_EVENTS, {
    variables: { cohortId },
    onData: ({ data: event }) => {
      const post = event.data?.cohortFeedEvents.post;
      if (post) remember(post);
    },
  });

  const firstPage = data?.cohortFeed ?? [];
  const posts = mergeFeed(older, firstPage, live);
  const unpinned = posts.filter((p) => !p.pinned);

  const loadOlder = async () => {
    const oldest = unpinned[unpinned.length - 1];
    if (!oldest) return;
    setLoadingOlder(true);
    try {
      const result = await client.query({ query: COHORT_FEED, variables: { cohortId, limit: FEED_PAGE, before: oldest.createdAt }, fetchPolicy: 'network-only' });
      const page = result.data?.cohortFeed ?? [];
      setOlder((list) => [...list, ...page]);
      if (page.length < FEED_PAGE) setHasOlder(false);
    } finally {
      setLoadingOlder(false);
    }
  };

  const name = data?.cohort.name ?? 'Circle';
  return (
    <>
      <PageHeader title={`${name} circle`} description="Only your cohort's clients and coaches read this (admins moderate). Be kind; what is shared here stays here." />
      <QueryState loading={loading && !data} error={error}>
        <Stack gap="lg" maw={760}>
          {me.role !== 'ADMIN' && <Composer cohortId={cohortId} onPosted={remember} />}
          <section aria-label="Posts" aria-live="polite">
            <Stack gap="md" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {posts.length === 0 && (
                <li>
                  <Text c="dimmed">Nothing here yet. Start the conversation.</Text>
                </li>
              )}
              {posts.map((post) => (
                <li key={post.id}>
                  <PostCard post={post} onChange={remember} />
                </li>
              ))}
            </Stack>
          </section>
          {hasOlder && firstPage.length >= FEED_PAGE && (
            <Button variant="default" onClick={() => void loadOlder()} loading={loadingOlder} style={{ alignSelf: 'flex-start' }}>
              Show older posts
            </Button>
          )}
        </Stack>
      </QueryState>
    </>
  );
}

function Composer({ cohortId, onPosted }: { cohortId: string; onPosted: (post: Post) => void }) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [create, state] = useMutation(CREATE_POST);
  const submit = async () => {
    const why = draftProblem(draft, POST_MAX_LENGTH);
    setProblem(why);
    if (why) return;
    const result = await create({ variables: { cohortId, body: draft } }).catch(() => null);
    const post = result?.data?.createPost;
    if (!post) return;
    setDraft('');
    onPosted(post);
  };
  return (
    <Card withBorder padding="md" component="form" onSubmit={(event: React.FormEvent) => { event.preventDefault(); void submit(); }}>
      <Stack gap="xs">
        <Textarea
          label="Share with your circle"
          description="Ctrl+Enter posts."
          autosize
          minRows={3}
          maxRows={10}
          value={draft}
          onChange={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void submit();
            }
          }}
          error={problem ?? (state.error ? humanError(state.error) : undefined)}
          maxLength={POST_MAX_LENGTH + 1}
        />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {draft.trim().length} / {POST_MAX_LENGTH}
          </Text>
          <Button type="submit" loading={state.loading}>
            Post
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function PostCard({ post, onChange }: { post: Post; onChange: (post: Post) => void }) {
  const me = useMe();
  const [react] = useMutation(REACT);
  const [pin] = useMutation(PIN_POST);
  const [remove] = useMutation(DELETE_POST);
  const [action, setAction] = useState<'hide' | 'report' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const mine = !!post.author && post.author.id === me.id;
  const isCoach = me.role === 'COACH';
  const canModerate = me.role === 'COACH' || me.role === 'ADMIN';
  const author = post.kind === 'WEEKLY_PROMPT' ? 'This week’s prompt' : (post.author?.name ?? (post.kind === 'SHARED_REFLECTION' ? 'A member of your circle' : 'A deleted account'));
  const run = async (work: () => Promise<{ data?: unknown } | null | undefined>, pick: (data: never) => Post | undefined) => {
    setError(null);
    try {
      const result = await work();
      const updated = result?.data ? pick(result.data as never) : undefined;
      if (updated) onChange(updated);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Card withBorder padding="md" id={`post-${post.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="sm" fw={600}>
            {mine ? 'You' : author}
            <Text span c="dimmed" size="xs">
              {' · '}
              <DateTimeText iso={post.createdAt} relative />
              {post.editedAt ? ' · edited' : ''}
            </Text>
          </Text>
          <Group gap={4}>
            {post.pinned && <Badge variant="light">Pinned</Badge>}
            {post.kind === 'SHARED_REFLECTION' && <Badge variant="light" color="teal">Shared reflection</Badge>}
            {post.hidden && <Badge color="orange">Hidden</Badge>}
          </Group>
        </Group>
        {post.removed ? (
          <Text c="dimmed" size="sm" fs="italic">
            This post was removed.
          </Text>
        ) : post.hidden && !post.body ? (
          <Text c="dimmed" size="sm" fs="italic">
            A moderator hid this post.
          </Text>
        ) : (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {post.body}
          </Text>
        )}
        {post.hiddenReason && (
          <Text size="xs" c="var(--anchored-warning-text)">
            Hidden: {post.hiddenReason}
          </Text>
        )}
        {post.sharedAnswers && post.sharedAnswers.length > 0 && (
          <Stack gap={4} component="dl" style={{ margin: 0 }}>
            {post.sharedAnswers.map((a) => (
              <div key={a.fieldKey}>
                <Text component="dt" size="xs" c="dimmed">
                  {a.label}
                </Text>
                <Text component="dd" size="sm" m={0} style={{ whiteSpace: 'pre-wrap' }}>
                  {Array.isArray(a.value) ? a.value.join(', ') : String(a.value)}
                </Text>
              </div>
            ))}
          </Stack>
        )}
        {post.crisisResources && (
          <Alert color="orange" title="You are not alone" role="alert">
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {post.crisisResources}
            </Text>
          </Alert>
        )}
        {!post.removed && (
          <Group gap="xs" wrap="wrap" role="group" aria-label="Reactions">
            {REACTIONS.map(({ reaction, label, symbol }) => {
              const count = post.reactions.find((r) => r.reaction === reaction);
              return (
                <Button
                  key={reaction}
                  size="compact-sm"
                  variant={count?.mine ? 'filled' : 'default'}
                  aria-pressed={count?.mine ?? false}
                  disabled={me.role === 'ADMIN'}
                  onClick={() => void run(() => react({ variables: { postId: post.id, reaction } }), (d: { react: Post }) => d.react)}
                >
                  <span aria-hidden>{symbol}</span>&nbsp;{label} {count?.count ?? 0}
                </Button>
              );
            })}
          </Group>
        )}
        <Group gap="xs" wrap="wrap">
          {isCoach && !post.removed && !post.hidden && (
            <Button size="compact-sm" variant="subtle" onClick={() => void run(() => pin({ variables: { postId: post.id, pinned: !post.pinned } }), (d: { pinPost: Post }) => d.pinPost)}>
              {post.pinned ? 'Unpin' : 'Pin'}
            </Button>
          )}
          {canModerate && !post.removed && !post.hidden && (
            <Button size="compact-sm" variant="subtle" onClick={() => setAction(action === 'hide' ? null : 'hide')} aria-expanded={action === 'hide'}>
              Hide
            </Button>
          )}
          {me.role !== 'ADMIN' && !mine && !post.removed && (
            <Button size="compact-sm" variant="subtle" onClick={() => setAction(action === 'report' ? null : 'report')} aria-expanded={action === 'report'}>
              Report
            </Button>
          )}
          {(mine || canModerate) && !post.removed && (
            <Button size="compact-sm" variant="subtle" color="red" onClick={() => void run(() => remove({ variables: { postId: post.id } }), (d: { deletePost: Post }) => d.deletePost)}>
              Delete
            </Button>
          )}
        </Group>
        {action && <ReasonForm postId={post.id} action={action} onDone={(updated) => { setAction(null); if (updated) onChange(updated); }} />}
        {error !== null && <ErrorState error={error} />}
        <Replies post={post} onChange={onChange} />
      </Stack>
    </Card>
  );
}

function ReasonForm({ postId, action, onDone }: { postId: string; action: 'hide' | 'report'; onDone: (post?: Post) => void }) {
  const [reason, setReason] = useState('');
  const [hide, hideState] = useMutation(HIDE_POST);
  const [report, reportState] = useMutation(REPORT_POST);
  const [sent, setSent] = useState(false);
  const state = action === 'hide' ? hideState : reportState;
  const submit = async () => {
    if (!reason.trim()) return;
    if (action === 'hide') {
      const result = await hide({ variables: { postId, reason } }).catch(() => null);
      if (result?.data) onDone(result.data.hidePost);
    } else {
      const result = await report({ variables: { postId, reason } }).catch(() => null);
      if (result?.data) setSent(true);
    }
  };
  if (sent) return <Text size="sm">Thank you. The coaches have been told.</Text>;
  return (
    <form onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      <Group align="flex-end" gap="xs" wrap="wrap">
        <TextInput
          label={action === 'hide' ? 'Why hide it? (the author sees this)' : 'What is wrong with it? (only the coaches see this)'}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={500}
          required
          error={state.error ? humanError(state.error) : undefined}
          style={{ flex: 1, minWidth: 200 }}
        />
        <Button type="submit" size="sm" loading={state.loading}>
          {action === 'hide' ? 'Hide post' : 'Send report'}
        </Button>
      </Group>
    </form>
  );
}

function Replies({ post, onChange }: { post: Post; onChange: (post: Post) => void }) {
  const me = useMe();
  const [reply, state] = useMutation(REPLY_TO_POST);
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async () => {
    const why = draftProblem(draft, REPLY_MAX_LENGTH);
    setProblem(why);
    if (why) return;
    const result = await reply({ variables: { postId: post.id, body: draft } }).catch(() => null);
    if (!result?.data) return;
    setDraft('');
    onChange(result.data.replyToPost.post);
  };
  return (
    <Stack gap="xs" pl="md" style={{ borderLeft: '2px solid var(--mantine-color-default-border)' }}>
      {post.replies.length > 0 && (
        <Title order={3} size="h6">
          {post.replyCount === 1 ? '1 reply' : `${post.replyCount} replies`}
        </Title>
      )}
      <Stack gap={6} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Replies">
        {post.replies.map((r) => (
          <li key={r.id}>
            <Text size="xs" c="dimmed">
              {r.author?.id === me.id ? 'You' : (r.author?.name ?? 'A deleted account')} · <DateTimeText iso={r.createdAt} relative />
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} c={r.removed ? 'dimmed' : undefined} fs={r.removed ? 'italic' : undefined}>
              {r.removed ? 'This reply was removed.' : r.body}
            </Text>
          </li>
        ))}
      </Stack>
      {me.role !== 'ADMIN' && !post.removed && !post.hidden && (
        <form onSubmit={(event) => { event.preventDefault(); void submit(); }}>
          <Group align="flex-end" gap="xs" wrap="wrap">
            <TextInput
              label="Reply"
              value={draft}
              onChange={(e) => setDraft(e.currentTarget.value)}
              error={problem ?? (state.error ? humanError(state.error) : undefined)}
              maxLength={REPLY_MAX_LENGTH + 1}
              style={{ flex: 1, minWidth: 200 }}
            />
            <Button type="submit" size="sm" variant="light" loading={state.loading}>
              Send reply
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}
