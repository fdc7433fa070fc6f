import { useMutation } from '@apollo/client/react';
import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { humanFieldErrors } from '../../api/apollo-errors';
import { useMe } from '../../auth/auth-context';
import type { CoachCohortHomeworkQuery } from '../../gql/graphql';
import { isoToLocalInput, localInputToIso } from '../../lib/time';
import { ConfirmBody } from '../../ui/confirm';
import { notifySuccess } from '../../ui/notify';
import { ErrorState } from '../../ui/states';
import { DateTimeText } from '../../ui/time';
import { COACH_COHORT_CHARTS, COACH_COHORT_HOMEWORK, COACH_COHORT_PROGRESS, COACH_COHORT_REVIEW, COACH_DELETE_ASSIGNMENT, COACH_UPDATE_ASSIGNMENT } from './operations';

export type Assignment = CoachCohortHomeworkQuery['cohort']['assignments'][number];

const refetchFor = (cohortId: string) => [
  { query: COACH_COHORT_HOMEWORK, variables: { id: cohortId } },
  { query: COACH_COHORT_REVIEW, variables: { id: cohortId } },
  { query: COACH_COHORT_PROGRESS, variables: { id: cohortId } },
  { query: COACH_COHORT_CHARTS, variables: { id: cohortId } },
];

/** Corrects an assignment's title, note or due time; clients see the change at once. */
export function EditAssignmentForm({ cohortId, assignment, onDone }: { cohortId: string; assignment: Assignment; onDone: () => void }) {
  const { timezone } = useMe();
  const [form, setForm] = useState({ title: assignment.title, instructions: assignment.instructions ?? '', due: isoToLocalInput(assignment.dueAt, timezone) });
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [update, state] = useMutation(COACH_UPDATE_ASSIGNMENT, { refetchQueries: refetchFor(cohortId), awaitRefetchQueries: true });
  const serverErrors = humanFieldErrors(state.error, 'input.');
  const errors = { ...serverErrors, ...localErrors };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!form.title.trim()) problems['title'] = 'Give the homework a title.';
    const dueAt = form.due ? localInputToIso(form.due, timezone) : null;
    if (!dueAt) problems['dueAt'] = 'Choose when it is due.';
    setLocalErrors(problems);
    if (Object.keys(problems).length || !dueAt) return;
    const result = await update({ variables: { input: { assignmentId: assignment.id, title: form.title.trim(), instructions: form.instructions.trim(), dueAt } } }).catch(() => null);
    if (result?.data) {
      notifySuccess(`“${result.data.updateAssignment.title}” is updated.`);
      onDone();
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label="Title" value={form.title} onChange={(e) => setForm({ ...form, title: e.currentTarget.value })} error={errors['title']} required data-autofocus />
        <Textarea
          label="Instructions"
          description="Optional: a note for this cohort, shown with the template’s own instructions."
          autosize
          minRows={3}
          value={form.instructions}
          onChange={(e) => setForm({ ...form, instructions: e.currentTarget.value })}
          error={errors['instructions']}
        />
        <TextInput
          label="Due"
          type="datetime-local"
          description={`In your timezone (${timezone}). Reminders follow the new time.`}
          value={form.due}
          onChange={(e) => setForm({ ...form, due: e.currentTarget.value })}
          error={errors['dueAt']}
          required
        />
        {state.error && !Object.keys(serverErrors).length && <ErrorState error={state.error} title="The homework was not changed" />}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            Close
          </Button>
          <Button type="submit" loading={state.loading}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Asks before deleting; the API refuses once a client has answered, and that refusal shows here. */
export function DeleteAssignmentConfirm({ cohortId, assignment, onDone }: { cohortId: string; assignment: Assignment; onDone: () => void }) {
  const [remove, state] = useMutation(COACH_DELETE_ASSIGNMENT, { refetchQueries: refetchFor(cohortId), awaitRefetchQueries: true });
  const confirm = async () => {
    const result = await remove({ variables: { assignmentId: assignment.id } }).catch(() => null);
    if (result?.data) {
      notifySuccess(`“${assignment.title}” is deleted.`);
      onDone();
    }
  };
  return (
    <ConfirmBody
      keepLabel="Keep homework"
      confirmLabel="Delete homework"
      loading={state.loading}
      error={state.error}
      errorTitle="The homework was not deleted"
      onKeep={onDone}
      onConfirm={() => void confirm()}
    >
      “{assignment.title}”, due <DateTimeText iso={assignment.dueAt} />, disappears for every client in the cohort. This cannot be undone. Homework that someone has
      already answered cannot be deleted; change it instead.
    </ConfirmBody>
  );
}
