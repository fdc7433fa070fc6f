import { PersonLabel } from '../../ui/person';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft } from '@tabler/icons-react';
import { DateTime } from 'luxon';
import { useMemo, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { AdminCohortDetailQuery } from '../../gql/graphql';
import { formatDate } from '../../lib/time';
import { PageHeader } from '../../ui/page';
import { ResponsiveTable } from '../../ui/responsive-table';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { humanize, StatusBadge } from '../../ui/status';
import { DateTimeText } from '../../ui/time';
import { CapacityBar } from './capacity-bar';
import { coachesKey } from './coach-changes';
import { CoachChangesSection } from './coach-changes-section';
import { EditCohortDialog } from './edit-cohort-dialog';
import { acceptBlockedReason, earlyStartWarning, groupEnrollments, nextStep, type NextStep } from './cohort-logic';
import { ConfirmDialog } from '../../ui/confirm';
import { DecisionButtons, ENROLLMENT_QUERIES } from './decision-buttons';
import {
  ADMIN_ASSIGN_COACH,
  ADMIN_COACHES,
  ADMIN_COHORT_DETAIL,
  ADMIN_PROMOTE_FROM_WAITLIST,
  ADMIN_SET_COHORT_STATUS,
  ADMIN_UNASSIGN_COACH,
  ADMIN_WITHDRAW_ENROLLMENT,
} from './operations';
import { notifySuccess } from '../../ui/notify';

type Cohort = AdminCohortDetailQuery['cohort'];
type Enrollment = Cohort['enrollments'][number];

export function CohortDetailPage() {
  const { cohortId = '' } = useParams();
  const { data, error } = useQuery(ADMIN_COHORT_DETAIL, { variables: { id: cohortId }, fetchPolicy: 'cache-and-network' });
  const cohort = data?.cohort;

  return (
    <>
      <Anchor component={Link} to="/admin" size="sm" mb="sm" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={14} aria-hidden /> All cohorts
      </Anchor>
      {error && !cohort ? (
        <>
          <PageHeader title="Cohort" />
          <ErrorState error={error} />
        </>
      ) : !cohort ? (
        <LoadingState />
      ) : (
        <CohortDetail cohort={cohort} />
      )}
    </>
  );
}

function CohortDetail({ cohort }: { cohort: Cohort }) {
  const groups = useMemo(() => groupEnrollments(cohort.enrollments), [cohort.enrollments]);
  const closed = cohort.status === 'COMPLETED' || cohort.status === 'ARCHIVED';
  const [editing, setEditing] = useState(false);

  return (
    <>
      <PageHeader
        title={cohort.name}
        description={
          <>
            {formatDate(cohort.startsOn)} – {formatDate(cohort.endsOn)} · {cohort.programWeeks} weeks · sessions planned in {cohort.timezone}
            {cohort.description && (
              <Text span size="sm" display="block" mt={4}>
                {cohort.description}
              </Text>
            )}
          </>
        }
        actions={
          !closed && (
            <Button variant="default" onClick={() => setEditing(true)}>
              Edit cohort
            </Button>
          )
        }
      />
      <EditCohortDialog cohort={cohort} opened={editing} onClose={() => setEditing(false)} />
      <Stack gap="xl">
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <StatusCard cohort={cohort} />
          <Card withBorder>
            <Stack gap="sm">
              <Title order={2} size="h4">
                Seats
              </Title>
              <CapacityBar enrolledCount={cohort.enrolledCount} capacity={cohort.capacity} waitlistCount={cohort.waitlistCount} />
              <Text size="xs" c="dimmed">
                Accepting an application takes a seat; when the cohort is full, waitlist instead.
              </Text>
            </Stack>
          </Card>
          <CoachesCard cohort={cohort} />
        </SimpleGrid>

        <section aria-labelledby="applications-heading">
          <SectionTitle id="applications-heading" count={groups.applied.length}>
            Applications
          </SectionTitle>
          {groups.applied.length === 0 ? (
            <Text size="sm" c="dimmed">
              {cohort.status === 'ENROLLING' ? 'No applications waiting. New ones appear here as clients apply.' : 'No applications waiting.'}
            </Text>
          ) : (
            <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {groups.applied.map((e) => (
                <Card key={e.id} component="li" withBorder>
                  <Group justify="space-between" align="flex-start" gap="md">
                    <PersonSummary enrollment={e} />
                    {!closed && <DecisionButtons enrollmentId={e.id} clientName={e.client.name} cohortName={cohort.name} acceptBlocked={acceptBlockedReason(cohort)} />}
                  </Group>
                </Card>
              ))}
            </Stack>
          )}
        </section>

        <WaitlistSection cohort={cohort} waitlisted={groups.waitlisted} closed={closed} />
        <EnrolledSection cohort={cohort} enrolled={groups.enrolled} />

        {groups.past.length > 0 && (
          <section aria-labelledby="past-heading">
            <SectionTitle id="past-heading" count={groups.past.length}>
              Past decisions
            </SectionTitle>
            <ResponsiveTable
              labelledBy="past-heading"
              verticalSpacing="xs"
              rows={groups.past}
              rowKey={(e) => e.id}
              columns={[
                { header: 'Client', kind: 'title', cell: (e) => <PersonLabel person={e.client} /> },
                { header: 'Status', kind: 'status', cell: (e) => <StatusBadge status={e.status} /> },
                { header: 'Applied', cell: (e) => <DateTimeText iso={e.appliedAt} /> },
                { header: 'Decided', cell: (e) => (e.decidedAt ? <DateTimeText iso={e.decidedAt} /> : '—') },
              ]}
            />
          </section>
        )}

        {/* Keyed by the coaches: after an assignment or removal it starts again from the newest change. */}
        <CoachChangesSection key={coachesKey(cohort.coaches)} cohortId={cohort.id} />
      </Stack>
    </>
  );
}

function SectionTitle({ id, count, children, action }: { id: string; count: number; children: string; action?: ReactNode }) {
  return (
    <Group justify="space-between" mb="sm" gap="sm">
      <Group gap="xs">
        <Title order={2} size="h3" id={id}>
          {children}
        </Title>
        <Badge variant="light" color="gray" aria-label={`${count} ${children.toLowerCase()}`}>
          {count}
        </Badge>
      </Group>
      {action}
    </Group>
  );
}

function PersonSummary({ enrollment }: { enrollment: Enrollment }) {
  return (
    <Stack gap={4} style={{ flex: '1 1 280px', minWidth: 0 }}>
      <Text fw={600}>{enrollment.client.name}</Text>
      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {enrollment.client.email} · applied <DateTimeText iso={enrollment.appliedAt} relative />
      </Text>
      {enrollment.motivation ? (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          “{enrollment.motivation}”
        </Text>
      ) : (
        <Text size="sm" c="dimmed" fs="italic">
          No note with the application.
        </Text>
      )}
    </Stack>
  );
}

function StatusCard({ cohort }: { cohort: Cohort }) {
  const step = nextStep(cohort.status);
  // The step being confirmed is kept as it was when the modal opened, so the modal does not
  // change its words to the following step while it closes.
  const [confirming, setConfirming] = useState<NextStep | null>(null);
  const early = earlyStartWarning(confirming, cohort.startsOn, DateTime.now().setZone(cohort.timezone).toISODate() ?? cohort.startsOn);
  const [setStatus, state] = useMutation(ADMIN_SET_COHORT_STATUS, { refetchQueries: ['AdminCohortDetail', 'AdminCohorts', 'AdminApplications'], awaitRefetchQueries: true });

  const apply = async (target: NextStep) => {
    const result = await setStatus({ variables: { cohortId: cohort.id, status: target.status } }).catch(() => null);
    if (result?.data) {
      setConfirming(null);
      notifySuccess(`${cohort.name} is now ${humanize(target.status).toLowerCase()}.`);
    }
  };

  return (
    <Card withBorder>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4">
            Status
          </Title>
          <StatusBadge status={cohort.status} />
        </Group>
        {step ? (
          <>
            <Text size="sm" c="dimmed">
              Next: {step.explanation}
            </Text>
            <Group>
              <Button
                onClick={() => {
                  state.reset();
                  if (step.confirm) setConfirming(step);
                  else void apply(step);
                }}
                loading={state.loading && !confirming}
              >
                {step.label}
              </Button>
            </Group>
            {state.error && !confirming && <ErrorState error={state.error} title="The status did not change" />}
          </>
        ) : (
          <Text size="sm" c="dimmed">
            This cohort is archived. It stays here for the record.
          </Text>
        )}
        <ConfirmDialog
          opened={!!confirming}
          onClose={() => setConfirming(null)}
          title={confirming ? `${confirming.label}?` : ''}
          confirmLabel={confirming?.label ?? ''}
          color="violet"
          loading={state.loading}
          error={state.error}
          onConfirm={() => confirming && void apply(confirming)}
          extra={
            early ? (
              <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Before the start date">
                {early}
              </Alert>
            ) : null
          }
        >
          {confirming?.explanation}
        </ConfirmDialog>
      </Stack>
    </Card>
  );
}

function CoachesCard({ cohort }: { cohort: Cohort }) {
  const coaches = useQuery(ADMIN_COACHES);
  const [chosen, setChosen] = useState<string | null>(null);
  const [assign, assignState] = useMutation(ADMIN_ASSIGN_COACH, { refetchQueries: ['AdminCohorts'] });
  const [unassign, unassignState] = useMutation(ADMIN_UNASSIGN_COACH, { refetchQueries: ['AdminCohorts'] });
  const assigned = new Set(cohort.coaches.map((c) => c.id));
  const options = (coaches.data?.users ?? []).filter((u) => !assigned.has(u.id)).map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }));

  const doAssign = async () => {
    if (!chosen) return;
    const coach = coaches.data?.users.find((u) => u.id === chosen);
    const result = await assign({ variables: { cohortId: cohort.id, coachId: chosen } }).catch(() => null);
    if (result?.data) {
      setChosen(null);
      notifySuccess(`${coach?.name ?? 'The coach'} now coaches ${cohort.name}.`);
    }
  };

  const [removingId, setRemovingId] = useState<string | null>(null);
  const doRemove = async (coach: { id: string; name: string }) => {
    setRemovingId(coach.id);
    const result = await unassign({ variables: { cohortId: cohort.id, coachId: coach.id } }).catch(() => null);
    setRemovingId(null);
    if (result?.data) notifySuccess(`${coach.name} no longer coaches ${cohort.name}.`);
  };

  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h4">
          Coaches
        </Title>
        {cohort.coaches.length === 0 ? (
          <Text size="sm" c="dimmed">
            No coach yet. A coach runs the sessions and reviews homework.
          </Text>
        ) : (
          <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Assigned coaches">
            {cohort.coaches.map((c) => (
              <Group key={c.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={500}>
                    {c.name}
                  </Text>
                  <Text size="xs" c="dimmed" truncate>
                    {c.email}
                  </Text>
                </Stack>
                <Button size="xs" variant="subtle" color="red" onClick={() => void doRemove(c)} aria-label={`Remove ${c.name}`} loading={removingId === c.id}>
                  Remove
                </Button>
              </Group>
            ))}
          </Stack>
        )}
        {cohort.status !== 'ARCHIVED' && coaches.data && options.length === 0 ? (
          <Text size="sm" c="dimmed">
            Every coach on Anchored is assigned here. Invite another coach from Invitations.
          </Text>
        ) : cohort.status !== 'ARCHIVED' ? (
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <Select
              label="Assign a coach"
              placeholder={coaches.loading ? 'Loading coaches…' : 'Choose a coach'}
              data={options}
              value={chosen}
              onChange={setChosen}
              searchable
              style={{ flex: 1, minWidth: 0 }}
              nothingFoundMessage="No coach by that name"
            />
            <Button onClick={() => void doAssign()} disabled={!chosen} loading={assignState.loading}>
              Assign
            </Button>
          </Group>
        ) : null}
        {coaches.error && <ErrorState error={coaches.error} title="Coaches could not be loaded" />}
        {(assignState.error || unassignState.error) && <ErrorState error={assignState.error ?? unassignState.error} />}
      </Stack>
    </Card>
  );
}

function WaitlistSection({ cohort, waitlisted, closed }: { cohort: Cohort; waitlisted: Enrollment[]; closed: boolean }) {
  const [promote, state] = useMutation(ADMIN_PROMOTE_FROM_WAITLIST, { refetchQueries: ENROLLMENT_QUERIES, awaitRefetchQueries: true });
  const [pendingId, setPendingId] = useState<string | null | undefined>(undefined);

  const seat = async (enrollmentId: string | null) => {
    setPendingId(enrollmentId);
    const result = await promote({ variables: { cohortId: cohort.id, enrollmentId } }).catch(() => null);
    setPendingId(undefined);
    const seated = result?.data?.promoteFromWaitlist;
    if (seated) notifySuccess(`${seated.client.name} now has a seat in ${cohort.name}.`);
  };

  return (
    <section aria-labelledby="waitlist-heading">
      <SectionTitle
        id="waitlist-heading"
        count={waitlisted.length}
        action={
          waitlisted.length > 0 && !closed ? (
            <Button size="sm" variant="light" onClick={() => void seat(null)} loading={pendingId === null}>
              Seat next in line
            </Button>
          ) : undefined
        }
      >
        Waitlist
      </SectionTitle>
      {state.error && <ErrorState error={state.error} title="Nobody was seated" />}
      {waitlisted.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nobody is waiting for a seat.
        </Text>
      ) : (
        <ResponsiveTable
          labelledBy="waitlist-heading"
          rows={waitlisted.map((e, i) => ({ e, place: e.waitlistPosition ?? i + 1 }))}
          rowKey={({ e }) => e.id}
          columns={[
            { header: 'Place', width: 80, cell: ({ place }) => <Text fw={600} span size="sm">{place}</Text> },
            { header: 'Client', kind: 'title', cell: ({ e }) => <PersonLabel person={e.client} /> },
            { header: 'Applied', cell: ({ e }) => <DateTimeText iso={e.appliedAt} /> },
            ...(closed
              ? []
              : [
                  {
                    header: 'Actions',
                    hideHeader: true,
                    kind: 'actions' as const,
                    align: 'right' as const,
                    cell: ({ e }: { e: Enrollment }) => (
                      <Button size="xs" variant="default" onClick={() => void seat(e.id)} loading={pendingId === e.id} aria-label={`Seat ${e.client.name}`}>
                        Seat
                      </Button>
                    ),
                  },
                ]),
          ]}
        />
      )}
    </section>
  );
}

function EnrolledSection({ cohort, enrolled }: { cohort: Cohort; enrolled: Enrollment[] }) {
  const [withdrawing, setWithdrawing] = useState<Enrollment | null>(null);
  const [withdraw, state] = useMutation(ADMIN_WITHDRAW_ENROLLMENT, { refetchQueries: ENROLLMENT_QUERIES, awaitRefetchQueries: true });
  const canWithdraw = cohort.status !== 'COMPLETED' && cohort.status !== 'ARCHIVED';

  const confirm = async () => {
    if (!withdrawing) return;
    const result = await withdraw({ variables: { enrollmentId: withdrawing.id } }).catch(() => null);
    if (result?.data) {
      notifySuccess(`${withdrawing.client.name} was withdrawn from ${cohort.name}; the seat is free again.`);
      setWithdrawing(null);
    }
  };

  return (
    <section aria-labelledby="enrolled-heading">
      <SectionTitle id="enrolled-heading" count={enrolled.length}>
        Enrolled clients
      </SectionTitle>
      {enrolled.length === 0 ? (
        canWithdraw ? (
          <EmptyState title="Nobody enrolled yet">Accepted applications take a seat and show up here.</EmptyState>
        ) : (
          <Text size="sm" c="dimmed">
            Nobody is enrolled any more: when a cohort is completed, its enrolled clients graduate. See Past decisions.
          </Text>
        )
      ) : (
        <ResponsiveTable
          labelledBy="enrolled-heading"
          rows={enrolled}
          rowKey={(e) => e.id}
          columns={[
            { header: 'Client', kind: 'title', cell: (e) => <PersonLabel person={e.client} /> },
            { header: 'Seated', cell: (e) => (e.decidedAt ? <DateTimeText iso={e.decidedAt} /> : '—') },
            ...(canWithdraw
              ? [
                  {
                    header: 'Actions',
                    hideHeader: true,
                    kind: 'actions' as const,
                    align: 'right' as const,
                    cell: (e: Enrollment) => (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => {
                          state.reset();
                          setWithdrawing(e);
                        }}
                        aria-label={`Withdraw ${e.client.name}`}
                      >
                        Withdraw
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <ConfirmDialog
        opened={!!withdrawing}
        onClose={() => setWithdrawing(null)}
        title={withdrawing ? `Withdraw ${withdrawing.client.name}?` : 'Withdraw?'}
        confirmLabel="Withdraw"
        loading={state.loading}
        error={withdrawing ? state.error : undefined}
        onConfirm={() => void confirm()}
      >
        {withdrawing?.client.name} loses their seat in {cohort.name} and is told so. The seat becomes free for the next person; to fill it, seat someone from
        the waitlist.
      </ConfirmDialog>
    </section>
  );
}
