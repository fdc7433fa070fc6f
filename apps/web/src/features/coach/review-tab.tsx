import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Card, Divider, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifySuccess } from '../../ui/notify';
import { useState, type FormEvent } from 'react';
import { humanFieldErrors } from '../../api/apollo-errors';
import type { CoachCohortReviewQuery } from '../../gql/graphql';
import { Dialog } from '../../ui/dialog';
import { ErrorState, QueryState } from '../../ui/states';
import { DateTimeText } from '../../ui/time';
import { autosaveMessage, useAutosave } from '../../lib/use-autosave';
import { COACH_COHORT_HOMEWORK, COACH_COHORT_PROGRESS, COACH_COHORT_REVIEW, COACH_EDIT_FEEDBACK, COACH_REVIEW_SUBMISSION, COACH_SAVE_FEEDBACK_DRAFT } from './operations';
import { answersFor, reviewQueue, type QueueItem } from './review';
import { DownloadButton } from '../homework-files/download-button';

type Assignment = CoachCohortReviewQuery['cohort']['assignments'][number];
type Submission = Assignment['submissions'][number];
type Item = QueueItem<Assignment, Submission>;

export function ReviewTab({ cohortId }: { cohortId: string }) {
  const { data, loading, error } = useQuery(COACH_COHORT_REVIEW, { variables: { id: cohortId } });
  const [openId, setOpenId] = useState<string | null>(null);
  const { waiting, reviewed } = reviewQueue<Submission, Assignment>(data?.cohort.assignments ?? []);
  const open = [...waiting, ...reviewed].find((i) => i.submission.id === openId) ?? null;

  return (
    <QueryState loading={loading && !data} error={error}>
      <Stack gap="xl">
        <section aria-labelledby="awaiting-review">
          <Title order={2} size="h3" id="awaiting-review" mb={4}>
            Awaiting review ({waiting.length})
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            Oldest first, so no one waits longest. Clients are told as soon as your feedback is in.
          </Text>
          {waiting.length === 0 ? (
            <Text size="sm">You are all caught up: nothing is waiting for feedback.</Text>
          ) : (
            <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {waiting.map((item) => (
                <SubmissionRow key={item.submission.id} item={item} onOpen={() => setOpenId(item.submission.id)} />
              ))}
            </Stack>
          )}
        </section>
        <section aria-labelledby="reviewed">
          <Title order={2} size="h3" id="reviewed" mb="sm">
            Reviewed ({reviewed.length})
          </Title>
          {reviewed.length === 0 ? (
            <Text size="sm" c="dimmed">
              Submissions you have given feedback on appear here.
            </Text>
          ) : (
            <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {reviewed.map((item) => (
                <SubmissionRow key={item.submission.id} item={item} onOpen={() => setOpenId(item.submission.id)} />
              ))}
            </Stack>
          )}
        </section>
      </Stack>
      <Dialog opened={open !== null} onClose={() => setOpenId(null)} title={open ? `${open.submission.client.name}: ${open.assignment.title}` : ''} size="lg">
        {open && <SubmissionDetail key={open.submission.id} item={open} cohortId={cohortId} onDone={() => setOpenId(null)} />}
      </Dialog>
    </QueryState>
  );
}

function SubmissionRow({ item, onOpen }: { item: Item; onOpen: () => void }) {
  const { submission: s, assignment: a } = item;
  const isWaiting = s.status === 'SUBMITTED';
  return (
    <Card component="li" padding="md">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600}>{s.client.name}</Text>
            {s.late && (
              <Badge color="red" variant="light" size="sm">
                Late
              </Badge>
            )}
            {isWaiting && s.myFeedbackDraft && (
              <Badge color="anchor" variant="light" size="sm">
                Draft feedback
              </Badge>
            )}
          </Group>
          <Text size="sm">{a.title}</Text>
          <Text size="xs" c="dimmed">
            Submitted <DateTimeText iso={s.submittedAt} relative />
            {s.reviewedAt && (
              <>
                {' '}
                · Reviewed <DateTimeText iso={s.reviewedAt} />
                {s.feedbackEditedAt && ' (edited)'}
              </>
            )}
          </Text>
          {!isWaiting && s.feedback && (
            <Text size="sm" mt={4} style={{ whiteSpace: 'pre-line' }}>
              <Text span fw={600} size="sm">
                Your feedback:{' '}
              </Text>
              {s.feedback}
            </Text>
          )}
        </Stack>
        <Button variant={isWaiting ? 'filled' : 'default'} size="sm" onClick={onOpen} aria-label={`${isWaiting ? 'Review' : 'View answers of'} ${s.client.name}: ${a.title}`}>
          {isWaiting ? 'Review' : 'View answers'}
        </Button>
      </Group>
    </Card>
  );
}

function SubmissionDetail({ item, cohortId, onDone }: { item: Item; cohortId: string; onDone: () => void }) {
  const { submission: s, assignment: a } = item;
  const [feedback, setFeedback] = useState(s.myFeedbackDraft?.feedback ?? '');
  const [localError, setLocalError] = useState<string | null>(null);
  // Unsent feedback is kept on the server as the coach types, and on Close or Escape.
  const [saveDraft] = useMutation(COACH_SAVE_FEEDBACK_DRAFT);
  const autosave = useAutosave<string>(async (text) => {
    const result = await saveDraft({
      variables: { submissionId: s.id, feedback: text },
      // The queue shows which answers have draft feedback, without a refetch.
      update: (cache, { data }) => {
        cache.modify({ id: cache.identify({ __typename: 'Submission', id: s.id }), fields: { myFeedbackDraft: () => data?.saveFeedbackDraft ?? null } });
      },
    });
    return result.data ? new Date(result.data.saveFeedbackDraft.savedAt) : null;
  });
  const [review, state] = useMutation(COACH_REVIEW_SUBMISSION, {
    refetchQueries: [
      { query: COACH_COHORT_REVIEW, variables: { id: cohortId } },
      { query: COACH_COHORT_PROGRESS, variables: { id: cohortId } },
      { query: COACH_COHORT_HOMEWORK, variables: { id: cohortId } },
    ],
    awaitRefetchQueries: true,
  });
  const fieldErrors = humanFieldErrors(state.error);
  const feedbackError = localError ?? fieldErrors['feedback'];
  const answers = answersFor(a.template.fields, (s.responses ?? {}) as Record<string, unknown>);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!feedback.trim()) {
      setLocalError('Write a few words of feedback first.');
      return;
    }
    setLocalError(null);
    const result = await review({ variables: { submissionId: s.id, feedback: feedback.trim() } }).catch(() => null);
    if (result?.data) {
      autosave.reset();
      notifySuccess(`Feedback sent to ${s.client.name}.`);
      onDone();
    }
  };

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Submitted <DateTimeText iso={s.submittedAt} />
        {s.late ? ' (after the due time)' : ''} · due <DateTimeText iso={a.dueAt} />
      </Text>
      <Stack gap="sm" component="dl" style={{ margin: 0 }}>
        {answers.map((answer) => (
          <div key={answer.key}>
            <Text component="dt" size="sm" fw={600}>
              {answer.label}
            </Text>
            <Text component="dd" size="sm" ml={0} c={answer.answered ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-line' }}>
              {answer.text}
              {answer.uploadId && <DownloadButton id={answer.uploadId} label={answer.label} />}
            </Text>
          </div>
        ))}
      </Stack>
      <Divider />
      {s.status === 'REVIEWED' ? (
        <SentFeedback submission={s} onDone={onDone} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Textarea
            label="Feedback"
            description={`${s.client.name} reads this with their answers. Warm and specific goes a long way.`}
            autosize
            minRows={4}
            value={feedback}
            onChange={(e) => {
              setFeedback(e.currentTarget.value);
              autosave.changed(e.currentTarget.value);
              setLocalError(null);
            }}
            error={feedbackError}
            data-autofocus
          />
          <Text size="xs" c="dimmed" mt={4} aria-live="polite">
            {autosaveMessage(autosave.status, autosave.savedAt ?? (s.myFeedbackDraft ? new Date(s.myFeedbackDraft.savedAt) : null))}
          </Text>
          {state.error && !fieldErrors['feedback'] && <ErrorState error={state.error} title="The feedback was not sent" />}
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={onDone}>
              {feedback.trim() ? 'Close and keep draft' : 'Close'}
            </Button>
            <Button type="submit" loading={state.loading}>
              Send feedback
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}


/** Feedback already sent, and the way to correct it; the client sees that it was edited. */
function SentFeedback({ submission: s, onDone }: { submission: Submission; onDone: () => void }) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(s.feedback ?? '');
  const [localError, setLocalError] = useState<string | null>(null);
  const [edit, state] = useMutation(COACH_EDIT_FEEDBACK);
  const fieldErrors = humanFieldErrors(state.error);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setLocalError('Feedback cannot be empty.');
      return;
    }
    setLocalError(null);
    const result = await edit({ variables: { submissionId: s.id, feedback: text.trim() } }).catch(() => null);
    if (result?.data) {
      notifySuccess(`Feedback for ${s.client.name} is updated. They will see it was edited.`);
      onDone();
    }
  };

  if (!editing) {
    return (
      <div>
        <Group justify="space-between" align="center">
          <Text size="sm" fw={600}>
            Your feedback
            {s.feedbackEditedAt && (
              <Text span size="xs" c="dimmed" fw={400}>
                {' '}
                (edited <DateTimeText iso={s.feedbackEditedAt} />)
              </Text>
            )}
          </Text>
          <Button size="xs" variant="default" onClick={() => setEditing(true)}>
            Edit feedback
          </Button>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {s.feedback}
        </Text>
      </div>
    );
  }
  return (
    <form onSubmit={save} noValidate>
      <Textarea
        label="Feedback"
        description={`${s.client.name} is told the feedback changed and sees it marked as edited.`}
        autosize
        minRows={4}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setLocalError(null);
        }}
        error={localError ?? fieldErrors['feedback']}
        data-autofocus
      />
      {state.error && !fieldErrors['feedback'] && <ErrorState error={state.error} title="The feedback was not changed" />}
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={() => setEditing(false)}>
          Keep as sent
        </Button>
        <Button type="submit" loading={state.loading}>
          Save edited feedback
        </Button>
      </Group>
    </form>
  );
}
