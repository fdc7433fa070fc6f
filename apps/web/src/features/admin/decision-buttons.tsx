import { useMutation } from '@apollo/client/react';
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useId, useState } from 'react';
import type { ApplicationDecision } from '../../gql/graphql';
import { ConfirmDialog } from '../../ui/confirm';
import { ErrorState } from '../../ui/states';
import { ADMIN_DECIDE_APPLICATION } from './operations';
import { notifySuccess } from '../../ui/notify';

/** Active queries that show enrollments or seat counts; refreshed after every enrollment change. */
export const ENROLLMENT_QUERIES = ['AdminCohortDetail', 'AdminApplications', 'AdminCohorts'];

export const MAX_NOTE_LENGTH = 2000;

const DONE: Record<ApplicationDecision, (name: string, cohort: string) => string> = {
  ACCEPT: (name, cohort) => `${name} now has a seat in ${cohort}.`,
  WAITLIST: (name, cohort) => `${name} is on the waitlist for ${cohort}.`,
  REJECT: (name, cohort) => `${name}'s application to ${cohort} was declined.`,
};

/**
 * Accept / Waitlist / Reject for one application. Accept is disabled, with the reason beside it,
 * when the cohort is full; Reject asks first and may carry a personal note for the email. A refusal
 * is shown in the API's words.
 */
export function DecisionButtons({
  enrollmentId,
  clientName,
  cohortName,
  acceptBlocked = null,
}: {
  enrollmentId: string;
  clientName: string;
  cohortName: string;
  /** Why Accept cannot be used now (e.g. the cohort is full), or null. */
  acceptBlocked?: string | null;
}) {
  const reasonId = useId();
  const [pending, setPending] = useState<ApplicationDecision | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [note, setNote] = useState('');
  const [decide, state] = useMutation(ADMIN_DECIDE_APPLICATION, { refetchQueries: ENROLLMENT_QUERIES, awaitRefetchQueries: true });

  const run = async (decision: ApplicationDecision, withNote?: string) => {
    setPending(decision);
    const result = await decide({ variables: { enrollmentId, decision, note: withNote?.trim() || null } }).catch(() => null);
    setPending(null);
    if (result?.data) {
      notifySuccess(DONE[decision](clientName, cohortName));
      setRejecting(false);
      setNote('');
    }
  };

  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="wrap">
        <Button
          size="xs"
          onClick={() => void run('ACCEPT')}
          loading={pending === 'ACCEPT'}
          disabled={!!acceptBlocked || (!!pending && pending !== 'ACCEPT')}
          aria-label={`Accept ${clientName}`}
          aria-describedby={acceptBlocked ? reasonId : undefined}
        >
          Accept
        </Button>
        <Button
          size="xs"
          variant="light"
          color="grape"
          onClick={() => void run('WAITLIST')}
          loading={pending === 'WAITLIST'}
          disabled={!!pending && pending !== 'WAITLIST'}
          aria-label={`Waitlist ${clientName}`}
        >
          Waitlist
        </Button>
        <Button
          size="xs"
          variant="light"
          color="red"
          onClick={() => {
            state.reset();
            setRejecting(true);
          }}
          disabled={!!pending}
          aria-label={`Reject ${clientName}`}
        >
          Reject
        </Button>
      </Group>
      {acceptBlocked && (
        <Text size="xs" c="dimmed" id={reasonId}>
          {acceptBlocked}
        </Text>
      )}
      {state.error && !rejecting && <ErrorState error={state.error} title={`Could not decide on ${clientName}`} />}
      <ConfirmDialog
        opened={rejecting}
        onClose={() => setRejecting(false)}
        title={`Reject ${clientName}?`}
        confirmLabel="Reject application"
        loading={pending === 'REJECT'}
        error={rejecting ? state.error : undefined}
        errorTitle="The application was not rejected"
        onConfirm={() => void run('REJECT', note)}
        extra={<NoteField value={note} onChange={setNote} />}
      >
        {clientName} is told by email that there is no place for them in {cohortName}. This cannot be undone.
      </ConfirmDialog>
    </Stack>
  );
}

/** The optional personal note of a rejection: emailed with it, never stored. */
export function NoteField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <Textarea
      label="Personal note (optional)"
      description="Added to the email in your words. It is not stored anywhere."
      autosize
      minRows={3}
      maxLength={MAX_NOTE_LENGTH}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}
