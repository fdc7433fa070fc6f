import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Anchor,
  Box,
  Button,
  Card,
  Checkbox,
  FileInput,
  Group,
  Input,
  List,
  Radio,
  Slider,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  TypographyStylesProvider,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconArrowLeft, IconMessageHeart } from '@tabler/icons-react';
import { useRef, useState, type ComponentPropsWithoutRef, type FormEvent, type MouseEvent } from 'react';
import { Link, useParams } from 'react-router';
import { apiErrorsOf, useFieldErrors } from '../../api/apollo-errors';
import { graphql } from '../../gql';
import type { ClientAssignmentQuery } from '../../gql/graphql';
import { PageHeader } from '../../ui/page';
import { ErrorState, LoadingState } from '../../ui/states';
import { DateTimeText } from '../../ui/time';
import { answerText, fieldMessage, homeworkStatus, initialAnswers, toResponses, type Answer, type Answers, type FieldSpec } from './homework';
import { autosaveMessage, useAutosave } from '../../lib/use-autosave';
import { ConfirmDialog } from '../../ui/confirm';
import { HomeworkStatusBadge } from './homework-status-badge';
import { ShareReflection } from '../circle/share-reflection';
import { HOMEWORK_QUERIES } from './queries';
import { ACCEPT, uploadHomeworkFile } from '../homework-files/files';
import { DownloadButton } from '../homework-files/download-button';

const ASSIGNMENT = graphql(`
  query ClientAssignment($id: ID!) {
    assignment(id: $id) {
      id
      title
      instructions
      dueAt
      cohort {
        id
        name
      }
      template {
        key
        title
        instructions
        fields {
          key
          label
          kind
          help
          required
          min
          max
          uploadKind
          options
        }
      }
      mySubmission {
        id
        status
        late
        submittedAt
        reviewedAt
        feedbackEditedAt
        feedback
        responses
      }
      myDraft {
        responses
        savedAt
      }
    }
  }
`);

const SAVE_DRAFT = graphql(`
  mutation ClientSaveHomeworkDraft($assignmentId: ID!, $responses: JSON!) {
    saveHomeworkDraft(assignmentId: $assignmentId, responses: $responses) {
      savedAt
    }
  }
`);

const DISCARD_DRAFT = graphql(`
  mutation ClientDiscardHomeworkDraft($assignmentId: ID!) {
    discardHomeworkDraft(assignmentId: $assignmentId)
  }
`);

const SUBMIT = graphql(`
  mutation ClientSubmitHomework($input: SubmitHomeworkInput!) {
    submitHomework(input: $input) {
      id
      status
      late
      submittedAt
      reviewedAt
      feedback
      responses
      assignment {
        id
        mySubmission {
          id
        }
      }
    }
  }
`);

type Assignment = ClientAssignmentQuery['assignment'];
type Submission = NonNullable<Assignment['mySubmission']>;

export function HomeworkPage() {
  const { assignmentId = '' } = useParams();
  const { data, loading, error } = useQuery(ASSIGNMENT, { variables: { id: assignmentId }, fetchPolicy: 'cache-and-network' });
  const [editing, setEditing] = useState(false);

  if (error && !data) {
    return (
      <>
        <PageHeader title="Homework" />
        <ErrorState error={error} title="We could not open this homework" action={<BackLink />} />
      </>
    );
  }
  if (!data) return <LoadingState />;
  const assignment = data.assignment;
  const submission = assignment.mySubmission;
  const { status, overdue } = homeworkStatus(assignment);
  const fields = assignment.template.fields as FieldSpec[];
  // Unsent changes to a sent answer reopen the form where the person left it.
  const showForm = !submission || ((editing || !!assignment.myDraft) && submission.status !== 'REVIEWED');

  return (
    <>
      <BackLink />
      <PageHeader
        title={assignment.title}
        description={
          <>
            {assignment.cohort.name} · Due <DateTimeText iso={assignment.dueAt} relative={!submission} />
            {overdue && ' · Overdue: you can still send it, it will be marked late'}
            {submission && (submission.late ? ' · Sent after the due time (late)' : ' · Sent on time')}
          </>
        }
        actions={<HomeworkStatusBadge status={status} />}
      />
      <Stack gap="lg" maw={760}>
        {submission?.status === 'REVIEWED' && <FeedbackCard submission={submission} />}
        {submission && !showForm && <SubmittedNotice submission={submission} onEdit={() => setEditing(true)} />}
        {showForm && <Instructions assignment={assignment} />}
        {showForm ? (
          <HomeworkForm
            key={submission?.submittedAt ?? 'new'}
            assignment={assignment}
            fields={fields}
            resubmitting={!!submission}
            onCancel={submission ? () => setEditing(false) : undefined}
            onSaved={() => setEditing(false)}
          />
        ) : (
          submission && <AnswersView fields={fields} responses={submission.responses} />
        )}
        {submission && !showForm && (
          <ShareReflection submissionId={submission.id} cohortId={assignment.cohort.id} fields={fields} responses={submission.responses} />
        )}
        {loading && <Text size="xs" c="dimmed">Refreshing…</Text>}
      </Stack>
    </>
  );
}

function BackLink() {
  return (
    <Anchor component={Link} to="/homework" size="sm" mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
      <IconArrowLeft size={16} aria-hidden /> All homework
    </Anchor>
  );
}

function Instructions({ assignment }: { assignment: Assignment }) {
  return (
    <Card>
      <Title order={2} size="h4" mb="xs">
        How to do this
      </Title>
      <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
        {assignment.template.instructions}
      </Text>
      {assignment.instructions && (
        <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-line' }}>
          <Text span fw={600}>
            From your coach:{' '}
          </Text>
          {assignment.instructions}
        </Text>
      )}
    </Card>
  );
}

function FeedbackCard({ submission }: { submission: Submission }) {
  return (
    <Card withBorder bg="var(--anchored-tint)" style={{ borderColor: 'var(--anchored-brand-border)' }} component="section" aria-labelledby="coach-feedback">
      <Group gap="xs" mb="xs">
        <IconMessageHeart aria-hidden size={22} color="var(--anchored-brand-text)" />
        <Title order={2} size="h4" id="coach-feedback">
          Feedback from your coach
        </Title>
      </Group>
      <TypographyStylesProvider p={0}>
        <Text size="md" style={{ whiteSpace: 'pre-line' }}>
          {submission.feedback}
        </Text>
      </TypographyStylesProvider>
      {submission.reviewedAt && (
        <Text size="xs" c="dimmed" mt="sm">
          Reviewed <DateTimeText iso={submission.reviewedAt} />
          {submission.feedbackEditedAt && (
            <>
              {' '}
              · edited <DateTimeText iso={submission.feedbackEditedAt} />
            </>
          )}
          . Reviewed answers can no longer be changed.
        </Text>
      )}
    </Card>
  );
}

function SubmittedNotice({ submission, onEdit }: { submission: Submission; onEdit: () => void }) {
  if (submission.status === 'REVIEWED') return null;
  return (
    <Alert color="blue" variant="light" title={submission.late ? 'Sent after the due time' : 'Sent to your coach'}>
      <Stack gap="xs">
        <Text size="sm">
          You sent this <DateTimeText iso={submission.submittedAt} />
          {submission.late ? ', after it was due, so it is marked late' : ''}. Your coach will read it and reply here. Until then you can still change
          your answers.
        </Text>
        <Group>
          <Button variant="light" onClick={onEdit}>
            Change my answers
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function AnswersView({ fields, responses }: { fields: FieldSpec[]; responses: Record<string, unknown> }) {
  return (
    <Card component="section" aria-labelledby="your-answers">
      <Title order={2} size="h4" mb="sm" id="your-answers">
        Your answers
      </Title>
      <Stack gap="md" component="dl" m={0}>
        {fields.map((f) => (
          <div key={f.key}>
            <Text component="dt" size="sm" fw={600}>
              {f.label}
            </Text>
            <Text component="dd" size="sm" m={0} style={{ whiteSpace: 'pre-line' }} c={answerText(f, responses[f.key]) === 'No answer' ? 'dimmed' : undefined}>
              {answerText(f, responses[f.key])}
              {f.kind === 'UPLOAD' && typeof responses[f.key] === 'string' && <DownloadButton id={responses[f.key] as string} label={f.label} />}
            </Text>
          </div>
        ))}
      </Stack>
    </Card>
  );
}

/**
 * The answers as a form. Nothing is checked here: the API validates every answer and names each
 * problem, which we show next to its field and in a summary at the top. What was typed stays.
 */
function HomeworkForm({
  assignment,
  fields,
  resubmitting,
  onCancel,
  onSaved,
}: {
  assignment: Assignment;
  fields: FieldSpec[];
  resubmitting: boolean;
  onCancel?: () => void;
  onSaved: () => void;
}) {
  const draft = assignment.myDraft;
  const [answers, setAnswers] = useState<Answers>(() => initialAnswers(fields, draft?.responses ?? assignment.mySubmission?.responses));
  const [submit, state] = useMutation(SUBMIT, { refetchQueries: HOMEWORK_QUERIES });
  const [saveDraft] = useMutation(SAVE_DRAFT);
  const [discardDraft, discardState] = useMutation(DISCARD_DRAFT, { refetchQueries: [{ query: ASSIGNMENT, variables: { id: assignment.id } }], awaitRefetchQueries: true });
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const autosave = useAutosave<Answers>(async (value) => {
    const result = await saveDraft({ variables: { assignmentId: assignment.id, responses: toResponses(fields, value) } });
    return result.data ? new Date(result.data.saveHomeworkDraft.savedAt) : null;
  });
  const hasDraft = !!draft || autosave.status !== 'idle';
  const summaryRef = useRef<HTMLDivElement>(null);
  const { errors: problems, clear } = useFieldErrors(state.error, 'responses.');
  const fieldKeys = new Set(fields.map((f) => f.key));
  const otherProblems = Object.entries(problems).filter(([key]) => !fieldKeys.has(key));
  const hasFieldProblems = Object.keys(problems).length > 0;
  const set = (key: string, value: Answer) => {
    const next = { ...answers, [key]: value };
    setAnswers(next);
    clear(key);
    autosave.changed(next);
  };
  const discard = async () => {
    autosave.reset();
    const done = await discardDraft({ variables: { assignmentId: assignment.id } }).catch(() => null);
    if (!done) return;
    setConfirmingDiscard(false);
    setAnswers(initialAnswers(fields, assignment.mySubmission?.responses));
    if (onCancel) onCancel();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await submit({ variables: { input: { assignmentId: assignment.id, responses: toResponses(fields, answers) } } }).catch(() => null);
    if (result?.data) {
      // Sent: the server has dropped the draft; nothing left to save on the way out.
      autosave.reset();
      const late = result.data.submitHomework.late;
      notifications.show({
        message: late ? 'Your answers are with your coach (marked late, and that is okay).' : 'Your answers are with your coach.',
        color: 'teal',
        closeButtonProps: { 'aria-label': 'Dismiss' },
      });
      onSaved();
    } else {
      // Move to the summary so keyboard and screen-reader users learn what to fix.
      requestAnimationFrame(() => summaryRef.current?.focus());
    }
  };

  return (
    <Card component="form" onSubmit={onSubmit} noValidate aria-labelledby="answer-form">
      <Title order={2} size="h4" mb="md" id="answer-form">
        {resubmitting ? 'Change your answers' : 'Your answers'}
      </Title>
      <div ref={summaryRef} tabIndex={-1} style={{ outline: 'none' }}>
        {hasFieldProblems ? (
          <Alert color="red" variant="light" title="Some answers need another look" icon={<IconAlertCircle aria-hidden />} role="alert" mb="md">
            <Text size="sm" mb={4}>
              Nothing was sent yet, and everything you wrote is still here.
            </Text>
            <List size="sm" spacing={2}>
              {fields
                .filter((f) => problems[f.key])
                .map((f) => (
                  <List.Item key={f.key}>
                    <Anchor href={`#field-${f.key}`} size="sm" onClick={(e) => focusField(e, f.key)}>
                      {f.label}
                    </Anchor>
                    : {fieldMessage(problems[f.key], f)}
                  </List.Item>
                ))}
              {otherProblems.map(([key, message]) => (
                <List.Item key={key}>{message}</List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          state.error && (
            <Box mb="md">
              <ErrorState error={state.error} title={apiErrorsOf(state.error).length ? 'Your answers were not sent' : 'We could not send your answers'} />
            </Box>
          )
        )}
      </div>
      {draft && (
        <Alert color="anchor" variant="light" title="Your unsent answers are back" mb="md">
          <Group justify="space-between" gap="sm">
            <Text size="sm">
              We kept what you wrote <DateTimeText iso={draft.savedAt} />. Nothing is sent until you press send.
            </Text>
            <Button variant="default" size="xs" onClick={() => setConfirmingDiscard(true)}>
              Discard draft
            </Button>
          </Group>
        </Alert>
      )}
      <Stack gap="lg">
        {fields.map((f) => (
          <FieldInput key={f.key} field={f} assignmentId={assignment.id} value={answers[f.key] ?? null} onChange={(v) => set(f.key, v)} error={problems[f.key] ? fieldMessage(problems[f.key], f) : undefined} />
        ))}
      </Stack>
      <Group mt="xl" gap="sm">
        <Button type="submit" loading={state.loading}>
          {resubmitting ? 'Send my new answers' : 'Send my answers'}
        </Button>
        {onCancel && (
          <Button variant="default" onClick={hasDraft ? () => setConfirmingDiscard(true) : onCancel}>
            Keep my earlier answers
          </Button>
        )}
        <Text size="xs" c="dimmed">
          Fields marked * are needed. Due <DateTimeText iso={assignment.dueAt} />.
        </Text>
      </Group>
      <Text size="xs" c="dimmed" mt="xs" aria-live="polite">
        {autosaveMessage(autosave.status, autosave.savedAt)}
      </Text>
      <ConfirmDialog
        opened={confirmingDiscard}
        title="Discard your unsent answers?"
        onClose={() => setConfirmingDiscard(false)}
        confirmLabel="Discard draft"
        loading={discardState.loading}
        error={discardState.error}
        errorTitle="The draft was not discarded"
        onConfirm={() => void discard()}
      >
        {assignment.mySubmission
          ? 'The changes you have not sent will be deleted, on every device. The answers you already sent stay as they are.'
          : 'What you have written so far will be deleted, on every device. This cannot be undone.'}
      </ConfirmDialog>
    </Card>
  );
}


function focusField(event: MouseEvent, key: string) {
  const el = document.getElementById(`field-${key}`);
  if (!el) return;
  event.preventDefault();
  const target = el.matches('input, textarea, [role="slider"]') ? el : el.querySelector<HTMLElement>('input, textarea, [role="slider"]');
  (target ?? el).focus();
  el.scrollIntoView({ block: 'center' });
}

// Mantine's default error red (shade 6) is 3.3:1 on white; shade 9 passes AA.

/**
 * One answer field as the client meets it. `assignmentId` is what an UPLOAD field sends its file
 * for; without it (the coach's preview) the file picker is shown but sends nothing.
 */
export function FieldInput({ field, value, onChange, error, assignmentId }: { field: FieldSpec; value: Answer; onChange: (v: Answer) => void; error?: string; assignmentId?: string }) {
  const common = { label: field.label, description: field.help ?? undefined, withAsterisk: field.required, error };
  switch (field.kind) {
    case 'DATE':
      return <TextInput id={`field-${field.key}`} {...common} type="date" value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value || null)} />;
    case 'UPLOAD':
      return <UploadInput field={field} value={typeof value === 'string' ? value : null} onChange={onChange} error={error} assignmentId={assignmentId} />;
    case 'TEXT':
      return <TextInput id={`field-${field.key}`} {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'LONG_TEXT':
      return (
        <Textarea
          id={`field-${field.key}`}
          {...common}
          autosize
          minRows={3}
          maxRows={14}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'CHOICE':
      return (
        <Radio.Group id={`field-${field.key}`} {...common} value={typeof value === 'string' ? value : null} onChange={(v) => onChange(v)}>
          <Stack gap="xs" mt="xs">
            {(field.options ?? []).map((o) => (
              <Radio key={o} value={o} label={o} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'CHECKLIST':
      return (
        <Checkbox.Group id={`field-${field.key}`} {...common} value={Array.isArray(value) ? value : []} onChange={(v) => onChange(v)}>
          <Stack gap="xs" mt="xs">
            {(field.options ?? []).map((o) => (
              <Checkbox key={o} value={o} label={o} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'SCALE':
      return <ScaleInput field={field} value={typeof value === 'number' ? value : null} onChange={onChange} error={error} />;
  }
}

/** Picks a file and uploads it at once; the answer is the stored file's id. */
function UploadInput({ field, value, onChange, error, assignmentId }: { field: FieldSpec; value: string | null; onChange: (v: Answer) => void; error?: string; assignmentId?: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const voice = field.uploadKind === 'VOICE_NOTE';
  const pick = async (chosen: File | null) => {
    setFile(chosen);
    setProblem(null);
    if (!chosen) return onChange(null);
    if (!assignmentId) return;
    setBusy(true);
    try {
      onChange((await uploadHomeworkFile(assignmentId, field.key, chosen)).id);
    } catch (e) {
      setFile(null);
      onChange(null);
      setProblem((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const status = busy ? 'Uploading…' : value ? (file ? `Uploaded: ${file.name}` : 'A file is attached. Choose another to replace it.') : null;
  return (
    <Stack gap={4}>
      <FileInput
        id={`field-${field.key}`}
        label={field.label}
        description={field.help ?? (voice ? 'A recorded voice note (WebM, Ogg, MP3, M4A or WAV), up to 5 MB.' : 'A PDF, PNG or JPEG file, up to 5 MB.')}
        withAsterisk={field.required}
        error={problem ?? error}
        accept={ACCEPT[voice ? 'VOICE_NOTE' : 'FILE']}
        placeholder={voice ? 'Choose a voice note' : 'Choose a file'}
        value={file}
        onChange={(f) => void pick(f)}
        clearable
        clearButtonProps={{ 'aria-label': `Remove the file: ${field.label}` }}
        disabled={busy}
      />
      {status && (
        <Text size="xs" c="dimmed" aria-live="polite">
          {status}
        </Text>
      )}
    </Stack>
  );
}

/**
 * A scale: up to eleven steps as a row of numbered radio buttons (one tab stop, arrow keys move),
 * wider ranges (e.g. minutes) as a slider. Both show the chosen value in words.
 */
function ScaleInput({ field, value, onChange, error }: { field: FieldSpec; value: number | null; onChange: (v: number) => void; error?: string }) {
  const min = field.min ?? 1;
  const max = field.max ?? 10;
  const valueText = value === null ? 'Not answered yet' : `Your answer: ${value} out of ${max}`;
  if (max - min <= 10) {
    const steps = Array.from({ length: max - min + 1 }, (_, i) => min + i);
    return (
      <Radio.Group
        id={`field-${field.key}`}
        label={field.label}
        description={field.help ?? `From ${min} (lowest) to ${max} (highest)`}
        withAsterisk={field.required}
        error={error}
        value={value === null ? null : String(value)}
        onChange={(v) => onChange(Number(v))}
      >
        <Group gap="md" mt="xs" wrap="wrap">
          {steps.map((n) => (
            <Radio key={n} value={String(n)} label={String(n)} />
          ))}
        </Group>
        <Text size="xs" c="dimmed" mt={6} aria-live="polite">
          {valueText}
        </Text>
      </Radio.Group>
    );
  }
  const mid = Math.round((min + max) / 2);
  return (
    <Input.Wrapper id={`field-${field.key}`} label={field.label} labelElement="div" description={field.help ?? `From ${min} to ${max}`} withAsterisk={field.required} error={error}>
      <Slider
        mt="sm"
        mb="lg"
        min={min}
        max={max}
        step={1}
        value={value ?? min}
        onChange={onChange}
        marks={[{ value: min, label: String(min) }, { value: mid, label: String(mid) }, { value: max, label: String(max) }]}
        thumbLabel={field.label}
        thumbProps={{ 'aria-invalid': error ? true : undefined, 'aria-valuetext': value === null ? 'Not answered yet' : String(value) } as ComponentPropsWithoutRef<'div'>}
        color={value === null ? 'gray' : undefined}
      />
      <Text size="xs" c="dimmed" aria-live="polite">
        {valueText}
      </Text>
    </Input.Wrapper>
  );
}
