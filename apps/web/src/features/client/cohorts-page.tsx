import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Group, Progress, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { Link } from 'react-router';
import { notifySuccess } from '../../ui/notify';
import { useState, type FormEvent } from 'react';
import { humanFieldErrors } from '../../api/apollo-errors';
import { graphql } from '../../gql';
import type { ClientCohortsPageQuery } from '../../gql/graphql';
import { useAuth } from '../../auth/auth-context';
import { browserTimezone, formatDate } from '../../lib/time';
import { OpenCohortDetails, type OpenCohortInfo } from '../public/open-cohort-details';
import { PageHeader } from '../../ui/page';
import { EmptyState, ErrorState, QueryState } from '../../ui/states';
import { StatusBadge } from '../../ui/status';
import { DateTimeText } from '../../ui/time';
import { ConfirmBody } from '../../ui/confirm';
import { Dialog } from '../../ui/dialog';
import { enrollmentSentence, OPEN_STATUSES, sortEnrollments, spotsText } from './enrollment';
import { ENROLLMENT_QUERIES, HOMEWORK_QUERIES } from './queries';

const COHORTS_PAGE = graphql(`
  query ClientCohortsPage {
    cohorts {
      id
      name
      status
      startsOn
      endsOn
      programWeeks
      capacity
      enrolledCount
      waitlistCount
      coaches {
        id
        name
      }
    }
    openCohorts {
      id
      description
      startsOn
      endsOn
      meetings {
        nextStartsAt
        durationMinutes
      }
      coaches {
        name
        bio
      }
    }
    myEnrollments {
      id
      status
      withdrawnByTeam
      appliedAt
      decidedAt
      waitlistPosition
      motivation
      cohort {
        id
        name
        status
        startsOn
        endsOn
      }
    }
  }
`);

const APPLY = graphql(`
  mutation ClientApplyToCohort($input: ApplyInput!) {
    applyToCohort(input: $input) {
      id
      status
    }
  }
`);

const WITHDRAW = graphql(`
  mutation ClientWithdrawEnrollment($enrollmentId: ID!) {
    withdrawEnrollment(enrollmentId: $enrollmentId) {
      id
      status
      waitlistPosition
    }
  }
`);

type CohortRow = ClientCohortsPageQuery['cohorts'][number];
type EnrollmentRow = ClientCohortsPageQuery['myEnrollments'][number];

export function CohortsPage() {
  const { data, loading, error } = useQuery(COHORTS_PAGE, { fetchPolicy: 'cache-and-network' });
  const [applyingTo, setApplyingTo] = useState<CohortRow | null>(null);
  const [withdrawing, setWithdrawing] = useState<EnrollmentRow | null>(null);
  const enrollments = sortEnrollments(data?.myEnrollments ?? []);
  const open = (data?.cohorts ?? []).filter((c) => c.status === 'ENROLLING');
  const { user } = useAuth();
  const detailsOf = (cohortId: string) => data?.openCohorts.find((o) => o.id === cohortId);
  const openEnrollmentOf = (cohortId: string) => enrollments.find((e) => e.cohort.id === cohortId && OPEN_STATUSES.includes(e.status));

  return (
    <>
      <PageHeader title="Cohorts" description="Small circles that meet every week for six months. Apply to one that suits you; we will let you know what happens next." />
      <QueryState loading={loading && !data} error={error}>
        <Stack gap="xl">
          <section aria-labelledby="my-applications">
            <Title order={2} size="h3" id="my-applications" mb="sm">
              Your applications
            </Title>
            {enrollments.length === 0 ? (
              <Text c="dimmed" size="sm">
                You have not applied to a cohort yet. Choose one below when you are ready.
              </Text>
            ) : (
              <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {enrollments.map((e) => (
                  <Card key={e.id} component="li">
                    <Group justify="space-between" align="flex-start" gap="sm">
                      <Stack gap={4} style={{ flex: 1, minWidth: 220 }}>
                        <Group gap="xs">
                          <Title order={3} size="h5">
                            {e.cohort.name}
                          </Title>
                          <StatusBadge status={e.status} />
                        </Group>
                        <Text size="sm">{enrollmentSentence(e)}</Text>
                        <Text size="xs" c="dimmed">
                          Applied <DateTimeText iso={e.appliedAt} />
                          {e.decidedAt && (
                            <>
                              {' · '}Decided <DateTimeText iso={e.decidedAt} />
                            </>
                          )}
                          {' · '}Runs {formatDate(e.cohort.startsOn)} to {formatDate(e.cohort.endsOn)}
                        </Text>
                      </Stack>
                      {e.status === 'ENROLLED' && (
                        <Button component={Link} to={`/cohorts/${e.cohort.id}/buddy`} variant="light" aria-label={`My buddy in ${e.cohort.name}`}>
                          My buddy
                        </Button>
                      )}
                      {OPEN_STATUSES.includes(e.status) && (
                        <Button variant="default" color="red" onClick={() => setWithdrawing(e)} aria-label={`Withdraw from ${e.cohort.name}`}>
                          Withdraw
                        </Button>
                      )}
                    </Group>
                  </Card>
                ))}
              </Stack>
            )}
          </section>

          <section aria-labelledby="open-cohorts">
            <Title order={2} size="h3" id="open-cohorts" mb="sm">
              Open for applications
            </Title>
            {open.length === 0 ? (
              <EmptyState title="No cohorts are open right now">New circles open a few weeks before they start. Check back soon, or watch your notifications.</EmptyState>
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                {open.map((c) => {
                  const mine = openEnrollmentOf(c.id);
                  const filled = Math.min(100, (c.enrolledCount / Math.max(c.capacity, 1)) * 100);
                  return (
                    <Card key={c.id} component="article" aria-labelledby={`cohort-${c.id}`}>
                      <Stack gap="xs" h="100%">
                        <Title order={3} size="h4" id={`cohort-${c.id}`}>
                          {c.name}
                        </Title>
                        {detailsOf(c.id) ? (
                          <OpenCohortDetails cohort={detailsOf(c.id) as OpenCohortInfo} viewerZone={user?.timezone ?? browserTimezone()} />
                        ) : (
                          <Text size="sm">
                            {formatDate(c.startsOn)} to {formatDate(c.endsOn)} · {c.programWeeks} weeks
                          </Text>
                        )}
                        <Progress value={filled} aria-label={`${c.enrolledCount} of ${c.capacity} seats taken`} size="sm" mt={4} />
                        <Text size="sm">{spotsText(c)}</Text>
                        <Group mt="auto" pt="xs">
                          {mine ? (
                            <Group gap="xs">
                              <StatusBadge status={mine.status} />
                              <Text size="sm" c="dimmed">
                                {mine.status === 'ENROLLED' ? 'You have a seat.' : 'You have applied.'}
                              </Text>
                            </Group>
                          ) : (
                            <Button onClick={() => setApplyingTo(c)} aria-label={`Apply to ${c.name}`}>
                              Apply
                            </Button>
                          )}
                        </Group>
                      </Stack>
                    </Card>
                  );
                })}
              </SimpleGrid>
            )}
          </section>
        </Stack>
      </QueryState>

      <Dialog opened={applyingTo !== null} onClose={() => setApplyingTo(null)} title={applyingTo ? `Apply to ${applyingTo.name}` : ''}>
        {applyingTo && <ApplyForm key={applyingTo.id} cohort={applyingTo} onDone={() => setApplyingTo(null)} />}
      </Dialog>
      <Dialog opened={withdrawing !== null} onClose={() => setWithdrawing(null)} title={withdrawing ? `Withdraw from ${withdrawing.cohort.name}?` : ''}>
        {withdrawing && <WithdrawConfirm key={withdrawing.id} enrollment={withdrawing} onDone={() => setWithdrawing(null)} />}
      </Dialog>
    </>
  );
}

function ApplyForm({ cohort, onDone }: { cohort: CohortRow; onDone: () => void }) {
  const [motivation, setMotivation] = useState('');
  const [apply, state] = useMutation(APPLY, { refetchQueries: ENROLLMENT_QUERIES, awaitRefetchQueries: true });
  const fields = humanFieldErrors(state.error, 'input.');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await apply({ variables: { input: { cohortId: cohort.id, motivation: motivation.trim() || null } } }).catch(() => null);
    if (result?.data) {
      notifySuccess(`Application sent to ${cohort.name}. We will let you know as soon as it is decided.`);
      onDone();
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">
          Starts {formatDate(cohort.startsOn)}, {cohort.programWeeks} weeks. {spotsText(cohort)}
        </Text>
        <Textarea
          label="Why do you want to join?"
          description="Optional. A few words help your coach get to know you."
          autosize
          minRows={3}
          maxRows={8}
          value={motivation}
          onChange={(e) => setMotivation(e.currentTarget.value)}
          error={fields['motivation']}
          data-autofocus
        />
        {state.error && !fields['motivation'] && <ErrorState error={state.error} title="Your application was not sent" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={state.loading}>
            Send application
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function WithdrawConfirm({ enrollment, onDone }: { enrollment: EnrollmentRow; onDone: () => void }) {
  const [withdraw, state] = useMutation(WITHDRAW, { refetchQueries: [...ENROLLMENT_QUERIES, ...HOMEWORK_QUERIES], awaitRefetchQueries: true });
  const confirm = async () => {
    const result = await withdraw({ variables: { enrollmentId: enrollment.id } }).catch(() => null);
    if (result?.data) {
      notifySuccess(`You have withdrawn from ${enrollment.cohort.name}.`);
      onDone();
    }
  };
  return (
    <ConfirmBody keepLabel="Keep my place" confirmLabel="Withdraw" loading={state.loading} error={state.error} errorTitle="You are still in" onKeep={onDone} onConfirm={() => void confirm()}>
      {enrollment.status === 'ENROLLED'
        ? 'Your seat will go to someone on the waitlist. You would need to apply again to come back.'
        : 'Your application will be closed. You can apply again while the cohort is open.'}
    </ConfirmBody>
  );
}
