import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Group, Progress, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifySuccess } from '../../ui/notify';
import { useState, type FormEvent } from 'react';
import { humanFieldErrors } from '../../api/apollo-errors';
import { useMe } from '../../auth/auth-context';
import type { CoachCohortHomeworkQuery } from '../../gql/graphql';
import { ResponsiveTable } from '../../ui/responsive-table';
import { ConfirmDialog } from '../../ui/confirm';
import { Dialog } from '../../ui/dialog';
import { ErrorState, QueryState } from '../../ui/states';
import { DateTimeText } from '../../ui/time';
import { checkAssign, submissionShare } from './homework';
import { COACH_ASSIGN_HOMEWORK, COACH_COHORT_CHARTS, COACH_COHORT_HOMEWORK, COACH_COHORT_PROGRESS, COACH_COHORT_REVIEW } from './operations';
import { DeleteAssignmentConfirm, EditAssignmentForm, type Assignment } from './homework-edit';
import { TemplatePreview } from './template-preview';

type Template = CoachCohortHomeworkQuery['homeworkTemplates'][number];

export function HomeworkTab({ cohortId }: { cohortId: string }) {
  const { data, loading, error } = useQuery(COACH_COHORT_HOMEWORK, { variables: { id: cohortId } });
  const [formKey, setFormKey] = useState(0);
  const [dialog, setDialog] = useState<{ kind: 'edit' | 'delete'; assignment: Assignment } | null>(null);
  const cohort = data?.cohort;
  const close = () => setDialog(null);

  return (
    <QueryState loading={loading && !data} error={error}>
      {cohort && data && (
        <Stack gap="xl">
          <AssignHomeworkForm key={formKey} cohortId={cohortId} templates={[...data.myHomeworkTemplates, ...data.homeworkTemplates]} ownKeys={new Set(data.myHomeworkTemplates.map((t) => t.key))} assigned={cohort.assignments} onAssigned={() => setFormKey((k) => k + 1)} />
          <section aria-labelledby="assigned-homework">
            <Title order={2} size="h3" id="assigned-homework" mb="sm">
              Assigned homework
            </Title>
            {cohort.assignments.length === 0 ? (
              <Text c="dimmed" size="sm">
                Nothing assigned yet. Homework you assign appears here, with how many clients have sent it in.
              </Text>
            ) : (
              <ResponsiveTable
                caption="Homework assigned to this cohort, by due date"
                minWidth={620}
                rows={cohort.assignments.map((a) => ({
                  a,
                  share: submissionShare(a.submissions.length, cohort.enrolledCount),
                  waiting: a.submissions.filter((s) => s.status === 'SUBMITTED').length,
                }))}
                rowKey={({ a }) => a.id}
                columns={[
                  {
                    header: 'Homework',
                    kind: 'title',
                    cell: ({ a }) => (
                      <>
                        <Text fw={500} size="sm">
                          {a.title}
                        </Text>
                        {a.title !== a.template.title && (
                          <Text size="xs" c="dimmed">
                            From “{a.template.title}”
                          </Text>
                        )}
                      </>
                    ),
                  },
                  { header: 'Due', cell: ({ a }) => <DateTimeText iso={a.dueAt} relative /> },
                  {
                    header: 'Submitted',
                    cell: ({ a, share, waiting }) => (
                      <>
                        <Text size="sm">{share.text}</Text>
                        <Progress value={share.percent} size="sm" mt={4} aria-label={`${a.title}: ${share.text}`} />
                        {waiting > 0 && (
                          <Text size="xs" c="dimmed" mt={2}>
                            {waiting} waiting for your review
                          </Text>
                        )}
                      </>
                    ),
                  },
                  {
                    header: 'Actions',
                    kind: 'actions',
                    cell: ({ a }) => (
                      <Group gap={6} wrap="wrap">
                        <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'edit', assignment: a })} aria-label={`Edit ${a.title}`}>
                          Edit
                        </Button>
                        {a.submissions.length === 0 && (
                          <Button size="xs" variant="subtle" color="red" onClick={() => setDialog({ kind: 'delete', assignment: a })} aria-label={`Delete ${a.title}`}>
                            Delete
                          </Button>
                        )}
                      </Group>
                    ),
                  },
                ]}
              />
            )}
          </section>
        </Stack>
      )}
      <Dialog opened={dialog?.kind === 'edit'} onClose={close} title="Edit homework">
        {dialog?.kind === 'edit' && <EditAssignmentForm key={dialog.assignment.id} cohortId={cohortId} assignment={dialog.assignment} onDone={close} />}
      </Dialog>
      <Dialog opened={dialog?.kind === 'delete'} onClose={close} title="Delete this homework?">
        {dialog?.kind === 'delete' && <DeleteAssignmentConfirm cohortId={cohortId} assignment={dialog.assignment} onDone={close} />}
      </Dialog>
    </QueryState>
  );
}

function AssignHomeworkForm({ cohortId, templates, ownKeys, assigned, onAssigned }: { cohortId: string; templates: Template[]; ownKeys: ReadonlySet<string>; assigned: Assignment[]; onAssigned: () => void }) {
  const { timezone } = useMe();
  const [form, setForm] = useState({ templateKey: null as string | null, title: '', instructions: '', due: '' });
  // Assigning a template twice is allowed (e.g. a practice repeated later) but is often a slip: ask first.
  const [askAgain, setAskAgain] = useState(false);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const refetchQueries = [
    { query: COACH_COHORT_HOMEWORK, variables: { id: cohortId } },
    { query: COACH_COHORT_REVIEW, variables: { id: cohortId } },
    { query: COACH_COHORT_PROGRESS, variables: { id: cohortId } },
    { query: COACH_COHORT_CHARTS, variables: { id: cohortId } },
  ];
  const [assign, state] = useMutation(COACH_ASSIGN_HOMEWORK, { refetchQueries, awaitRefetchQueries: true });
  const serverErrors = humanFieldErrors(state.error, 'input.');
  const errors = { ...serverErrors, ...localErrors };
  const template = templates.find((t) => t.key === form.templateKey);
  const already = assigned.filter((a) => a.template.key === form.templateKey);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkAssign(form, timezone);
    if ('errors' in checked) {
      setLocalErrors(checked.errors);
      return;
    }
    setLocalErrors({});
    if (already.length > 0) setAskAgain(true);
    else await send();
  };

  const send = async () => {
    const checked = checkAssign(form, timezone);
    if ('errors' in checked) return;
    const result = await assign({ variables: { input: { cohortId, ...checked.input } } }).catch(() => null);
    setAskAgain(false);
    if (result?.data) {
      notifySuccess(`“${result.data.assignHomework.title}” is assigned. Every enrolled client can see it now.`);
      onAssigned();
    }
  };

  const set = (patch: Partial<typeof form>) => {
    setForm({ ...form, ...patch });
    setLocalErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(patch)) delete next[k === 'due' ? 'dueAt' : k];
      return next;
    });
  };

  return (
    <Card component="form" onSubmit={submit} noValidate aria-labelledby="assign-homework">
      <Title order={2} size="h3" id="assign-homework" mb={4}>
        Assign homework
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Pick a template from the curriculum or one of your own (My templates); every enrolled client gets it with a reminder before it is due.
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="sm">
          <Select
            label="Template"
            placeholder="Choose a template"
            data={[
              { group: 'My templates', items: templates.filter((t) => ownKeys.has(t.key)).map((t) => ({ value: t.key, label: t.title })) },
              { group: 'Curriculum', items: templates.filter((t) => !ownKeys.has(t.key)).map((t) => ({ value: t.key, label: t.title })) },
            ].filter((g) => g.items.length > 0)}
            value={form.templateKey}
            onChange={(v) => set({ templateKey: v })}
            error={errors['templateKey']}
            searchable
            nothingFoundMessage="No template by that name"
            required
          />
          {already.length > 0 && (
            <Alert color="orange" variant="light" title="Already assigned" role="status">
              This template is already assigned to this cohort as {already.map((a) => `“${a.title}”`).join(', ')}. You can assign it again, for example to repeat the
              practice later.
            </Alert>
          )}
          <TextInput
            label="Title"
            description={template ? `Leave empty to use “${template.title}”.` : 'Leave empty to use the template’s title.'}
            value={form.title}
            onChange={(e) => set({ title: e.currentTarget.value })}
            error={errors['title']}
          />
          <Textarea
            label="Instructions"
            description="Optional: a note for this cohort, shown with the template’s own instructions."
            autosize
            minRows={3}
            value={form.instructions}
            onChange={(e) => set({ instructions: e.currentTarget.value })}
            error={errors['instructions']}
          />
          <TextInput
            label="Due"
            type="datetime-local"
            description={`In your timezone (${timezone}).`}
            value={form.due}
            onChange={(e) => set({ due: e.currentTarget.value })}
            error={errors['dueAt']}
            required
          />
          {state.error && !Object.keys(serverErrors).length && <ErrorState error={state.error} title="The homework was not assigned" />}
          <Group>
            <Button type="submit" loading={state.loading}>
              Assign homework
            </Button>
          </Group>
        </Stack>
        <Card withBorder bg="var(--anchored-muted-surface)" padding="md" aria-live="polite">
          {template ? (
            <>
              <Title order={3} size="h5" mb="xs">
                Preview: {template.title}
              </Title>
              <TemplatePreview instructions={template.instructions} fields={template.fields} />
            </>
          ) : (
            <Text size="sm" c="dimmed">
              Choose a template to see its instructions and questions here.
            </Text>
          )}
        </Card>
      </SimpleGrid>
      <ConfirmDialog
        opened={askAgain}
        title="Assign this template again?"
        onClose={() => setAskAgain(false)}
        color="anchor"
        confirmLabel="Assign again"
        loading={state.loading}
        onConfirm={() => void send()}
      >
        {template?.title ?? 'This template'} is already assigned to this cohort. Clients will see it twice, each with its own due date and answers.
      </ConfirmDialog>
    </Card>
  );
}
