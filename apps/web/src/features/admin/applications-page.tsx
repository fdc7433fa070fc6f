import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Card, Checkbox, Group, List, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import type { AdminApplicationsQuery, ApplicationDecision, EnrollmentStatus } from '../../gql/graphql';
import { appendPage } from '../../lib/paging';
import { useShowMore } from '../../lib/use-show-more';
import { ShowMoreFooter } from '../../ui/show-more';
import { ConfirmDialog } from '../../ui/confirm';
import { PageHeader } from '../../ui/page';
import { QueryState } from '../../ui/states';
import { StatusBadge } from '../../ui/status';
import { DateTimeText } from '../../ui/time';
import { notifySuccess } from '../../ui/notify';
import { CapacityBar } from './capacity-bar';
import { acceptBlockedReason } from './cohort-logic';
import { DecisionButtons, ENROLLMENT_QUERIES, NoteField } from './decision-buttons';
import { ADMIN_APPLICATIONS, ADMIN_COHORT_NAMES, ADMIN_DECIDE_APPLICATIONS } from './operations';

type Application = AdminApplicationsQuery['applications'][number];

const PAGE = 25;
const byId = (row: { id: string }) => row.id;

const STATUSES: { value: EnrollmentStatus | 'ALL'; label: string }[] = [
  { value: 'APPLIED', label: 'Waiting for a decision' },
  { value: 'WAITLISTED', label: 'Waitlisted' },
  { value: 'ENROLLED', label: 'Enrolled' },
  { value: 'REJECTED', label: 'Rejected' },
  { value: 'WITHDRAWN', label: 'Withdrawn' },
  { value: 'GRADUATED', label: 'Graduated' },
  { value: 'ALL', label: 'Any status' },
];

/** Applications across cohorts, oldest first: filtered by cohort, status and name or email, paged, decided one by one or several at once. */
export function ApplicationsPage() {
  const [cohortId, setCohortId] = useState<string | null>(null);
  const [status, setStatus] = useState<EnrollmentStatus | 'ALL'>('APPLIED');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const cohorts = useQuery(ADMIN_COHORT_NAMES);
  const filter = { cohortId, status: status === 'ALL' ? null : status, search: debounced || null };

  return (
    <>
      <PageHeader title="Applications" description="Applications from every cohort, oldest first. Choose a cohort or status, or search by name or email." />
      <Stack gap="md">
        <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label="Filter applications">
          <Select
            label="Cohort"
            placeholder="All cohorts"
            clearable
            data={(cohorts.data?.cohorts ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={cohortId}
            onChange={setCohortId}
            style={{ flex: '1 1 200px' }}
          />
          <Select label="Status" data={STATUSES} value={status} onChange={(v) => setStatus((v as EnrollmentStatus | 'ALL' | null) ?? 'APPLIED')} allowDeselect={false} style={{ flex: '1 1 200px' }} />
          <TextInput label="Search" placeholder="Name or email" value={search} onChange={(e) => setSearch(e.currentTarget.value)} style={{ flex: '2 1 240px' }} />
        </Group>
        {/* A new filter starts again from its first page, with nothing selected. */}
        <ApplicationList key={JSON.stringify(filter)} filter={filter} />
      </Stack>
    </>
  );
}

function ApplicationList({ filter }: { filter: { cohortId: string | null; status: EnrollmentStatus | null; search: string | null } }) {
  const list = useQuery(ADMIN_APPLICATIONS, { variables: { filter, limit: PAGE + 1, offset: 0 }, fetchPolicy: 'cache-and-network' });
  const paging = useShowMore<Application>(list.data?.applications ?? [], PAGE, async (offset) => {
    const result = await list.fetchMore({
      variables: { filter, limit: PAGE + 1, offset },
      updateQuery: (previous, { fetchMoreResult }) => ({ ...previous, applications: appendPage(previous.applications, fetchMoreResult.applications, offset, byId) }),
    });
    return result.data?.applications;
  });
  const { shown } = paging;
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const waiting = shown.filter((a) => a.status === 'APPLIED');
  const chosen = waiting.filter((a) => selected.has(a.id));
  const toggle = (id: string, on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <QueryState
      loading={list.loading && !list.data}
      error={list.error}
      empty={shown.length === 0}
      emptyTitle={filter.status === 'APPLIED' ? 'No applications waiting' : 'No applications here'}
      emptyText="Nothing matches these filters. When clients apply to a cohort that is open for enrollment, their applications appear here."
    >
      <Stack gap="sm">
        {waiting.length > 0 && (
          <BulkBar
            applications={chosen}
            allSelected={chosen.length === waiting.length}
            onSelectAll={(on) => setSelected(on ? new Set(waiting.map((a) => a.id)) : new Set())}
            onDone={() => setSelected(new Set())}
          />
        )}
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Applications">
          {shown.map((a) => (
            <ApplicationCard key={a.id} application={a} selected={selected.has(a.id)} onSelect={(on) => toggle(a.id, on)} />
          ))}
        </Stack>
        <ShowMoreFooter paging={paging} order="first" errorTitle="More applications could not be loaded" />
      </Stack>
    </QueryState>
  );
}

function ApplicationCard({ application: a, selected, onSelect }: { application: Application; selected: boolean; onSelect: (on: boolean) => void }) {
  const waiting = a.status === 'APPLIED';
  return (
    <Card component="li" withBorder>
      <Group justify="space-between" align="flex-start" gap="lg">
        <Group align="flex-start" gap="sm" wrap="nowrap" style={{ flex: '1 1 300px', minWidth: 0 }}>
          {waiting && <Checkbox mt={4} checked={selected} onChange={(e) => onSelect(e.currentTarget.checked)} aria-label={`Select ${a.client.name}`} />}
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Group gap="xs">
              <Text fw={600}>{a.client.name}</Text>
              {!waiting && <StatusBadge status={a.status} />}
            </Group>
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {a.client.email} · applied <DateTimeText iso={a.appliedAt} relative />
            </Text>
            <Text size="sm">
              for{' '}
              <Anchor component={Link} to={`/admin/cohorts/${a.cohort.id}`} fw={500}>
                {a.cohort.name}
              </Anchor>
            </Text>
            {a.motivation ? (
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                “{a.motivation}”
              </Text>
            ) : (
              <Text size="sm" c="dimmed" fs="italic">
                No note with the application.
              </Text>
            )}
          </Stack>
        </Group>
        {waiting && (
          <Stack gap="sm" style={{ flex: '0 1 280px' }} miw={220}>
            <CapacityBar enrolledCount={a.cohort.enrolledCount} capacity={a.cohort.capacity} waitlistCount={a.cohort.waitlistCount} size="sm" />
            <DecisionButtons enrollmentId={a.id} clientName={a.client.name} cohortName={a.cohort.name} acceptBlocked={acceptBlockedReason(a.cohort)} />
          </Stack>
        )}
      </Group>
    </Card>
  );
}

interface Failure {
  name: string;
  message: string;
}

/** Accept or reject the selected applications together; each is decided on its own, and the ones that could not be are listed with the reason. */
function BulkBar({ applications, allSelected, onSelectAll, onDone }: { applications: Application[]; allSelected: boolean; onSelectAll: (on: boolean) => void; onDone: () => void }) {
  const [decideMany, state] = useMutation(ADMIN_DECIDE_APPLICATIONS, { refetchQueries: ENROLLMENT_QUERIES, awaitRefetchQueries: true });
  const [confirming, setConfirming] = useState<ApplicationDecision | null>(null);
  const [note, setNote] = useState('');
  const [failures, setFailures] = useState<Failure[]>([]);
  const count = applications.length;
  const people = `${count} ${count === 1 ? 'application' : 'applications'}`;

  const run = async (decision: ApplicationDecision) => {
    setFailures([]);
    const result = await decideMany({
      variables: { input: { enrollmentIds: applications.map((a) => a.id), decision, note: decision === 'REJECT' ? note.trim() || null : null } },
    }).catch(() => null);
    const outcomes = result?.data?.decideApplications;
    if (!outcomes) return;
    const names = new Map(applications.map((a) => [a.id, a.client.name]));
    const failed = outcomes.filter((o) => o.errorCode).map((o) => ({ name: names.get(o.enrollmentId) ?? 'An application', message: o.errorMessage ?? 'It could not be decided.' }));
    const done = outcomes.length - failed.length;
    setConfirming(null);
    setNote('');
    setFailures(failed);
    onDone();
    if (done > 0) notifySuccess(`${decision === 'ACCEPT' ? 'Accepted' : 'Rejected'} ${done} ${done === 1 ? 'application' : 'applications'}.`);
  };

  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Checkbox label="Select all waiting applications shown" checked={allSelected && count > 0} indeterminate={count > 0 && !allSelected} onChange={(e) => onSelectAll(e.currentTarget.checked)} />
          <Group gap="xs">
            <Button size="xs" disabled={count === 0} onClick={() => {
                state.reset();
                setConfirming('ACCEPT');
              }}>
              Accept selected
            </Button>
            <Button size="xs" variant="light" color="red" disabled={count === 0} onClick={() => {
                state.reset();
                setConfirming('REJECT');
              }}>
              Reject selected
            </Button>
          </Group>
        </Group>
        {failures.length > 0 && (
          <Alert color="orange" variant="light" title={`${failures.length} could not be decided`} role="status">
            <List size="sm">
              {failures.map((f, i) => (
                <List.Item key={i}>
                  {f.name}: {f.message}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
      </Stack>
      <ConfirmDialog
        opened={!!confirming}
        onClose={() => setConfirming(null)}
        title={confirming === 'ACCEPT' ? `Accept ${people}?` : `Reject ${people}?`}
        confirmLabel={confirming === 'ACCEPT' ? 'Accept selected' : 'Reject selected'}
        color={confirming === 'ACCEPT' ? 'anchor' : 'red'}
        loading={state.loading}
        error={state.error}
        errorTitle="Nothing was decided"
        onConfirm={() => confirming && void run(confirming)}
        extra={confirming === 'REJECT' ? <NoteField value={note} onChange={setNote} /> : null}
      >
        {confirming === 'ACCEPT'
          ? 'Each is given a seat while its cohort has one; those that do not fit stay waiting, and you will see which.'
          : 'Each client is told by email that there is no place for them. This cannot be undone.'}
      </ConfirmDialog>
    </Card>
  );
}
