import { useMutation } from '@apollo/client/react';
import { Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import type { ApplicationDecision } from '../../gql/graphql';
import { ErrorState } from '../../ui/states';
import { ADMIN_DECIDE_APPLICATION } from './operations';
import { notifySuccess } from '../../ui/notify';

/** Active queries that show enrollments or seat counts; refreshed after every enrollment change. */
export const ENROLLMENT_QUERIES = ['AdminCohortDetail', 'AdminApplications', 'AdminCohorts'];

const DONE: Record<ApplicationDecision, (name: string, cohort: string) => string> = {
  ACCEPT: (name, cohort) => `${name} now has a seat in ${cohort}.`,
  WAITLIST: (name, cohort) => `${name} is on the waitlist for ${cohort}.`,
  REJECT: (name, cohort) => `${name}'s application to ${cohort} was declined.`,
};

/** Accept / Waitlist / Reject for one application; a refusal (e.g. a full cohort) is shown in the API's words. */
export function DecisionButtons({ enrollmentId, clientName, cohortName }: { enrollmentId: string; clientName: string; cohortName: string }) {
  const [pending, setPending] = useState<ApplicationDecision | null>(null);
  const [decide, state] = useMutation(ADMIN_DECIDE_APPLICATION, { refetchQueries: ENROLLMENT_QUERIES, awaitRefetchQueries: true });

  const run = async (decision: ApplicationDecision) => {
    setPending(decision);
    const result = await decide({ variables: { enrollmentId, decision } }).catch(() => null);
    setPending(null);
    if (result?.data) notifySuccess(DONE[decision](clientName, cohortName));
  };

  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="wrap">
        <Button size="xs" onClick={() => void run('ACCEPT')} loading={pending === 'ACCEPT'} disabled={!!pending && pending !== 'ACCEPT'} aria-label={`Accept ${clientName}`}>
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
          onClick={() => void run('REJECT')}
          loading={pending === 'REJECT'}
          disabled={!!pending && pending !== 'REJECT'}
          aria-label={`Reject ${clientName}`}
        >
          Reject
        </Button>
      </Group>
      {state.error && <ErrorState error={state.error} title={`Could not decide on ${clientName}`} />}
    </Stack>
  );
}
