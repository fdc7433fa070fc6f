import { useQuery } from '@apollo/client/react';
import { Group, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { EnrollmentStatus, Role } from '../../gql/graphql';
import { appendPage } from '../../lib/paging';
import { useShowMore } from '../../lib/use-show-more';
import { ShowMoreFooter } from '../../ui/show-more';
import { PageHeader } from '../../ui/page';
import { ResponsiveTable } from '../../ui/responsive-table';
import { QueryState } from '../../ui/states';
import { humanize } from '../../ui/status';
import { ADMIN_COHORT_NAMES, ADMIN_PEOPLE } from './operations';

const PAGE = 25;
const byId = (row: { id: string }) => row.id;
const ROLES: { value: Role; label: string }[] = [
  { value: 'CLIENT', label: 'Clients' },
  { value: 'COACH', label: 'Coaches' },
  { value: 'ADMIN', label: 'Admins' },
];

const STATUSES: { value: EnrollmentStatus; label: string }[] = [
  { value: 'APPLIED', label: 'Applied, waiting' },
  { value: 'WAITLISTED', label: 'Waitlisted' },
  { value: 'ENROLLED', label: 'Enrolled' },
  { value: 'GRADUATED', label: 'Graduated' },
  { value: 'REJECTED', label: 'Rejected' },
  { value: 'WITHDRAWN', label: 'Withdrawn' },
];

/** Everyone on Anchored by name: of one role, in one cohort (its clients and coaches), clients by enrollment status, or found by name or email. */
export function PeoplePage() {
  const [role, setRole] = useState<Role | null>(null);
  const [cohortId, setCohortId] = useState<string | null>(null);
  const [status, setStatus] = useState<EnrollmentStatus | null>(null);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const cohorts = useQuery(ADMIN_COHORT_NAMES);
  const filter = { role, cohortId, status, search: debounced || null };

  return (
    <>
      <PageHeader title="People" description="Everyone with an account, by name. Choose a role, a cohort or where clients stand in it, or search by name or email." />
      <Group align="flex-end" gap="sm" wrap="wrap" mb="md" role="search" aria-label="Filter people">
        <Select label="Role" placeholder="Any role" clearable data={ROLES} value={role} onChange={(v) => setRole(v as Role | null)} style={{ flex: '1 1 160px' }} />
        <Select
          label="Cohort"
          placeholder="All cohorts"
          clearable
          data={(cohorts.data?.cohorts ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={cohortId}
          onChange={setCohortId}
          style={{ flex: '1 1 200px' }}
        />
        <Select
          label="Enrollment"
          placeholder="Any enrollment"
          clearable
          data={STATUSES}
          value={status}
          onChange={(v) => setStatus(v as EnrollmentStatus | null)}
          style={{ flex: '1 1 180px' }}
        />
        <TextInput label="Search" placeholder="Name or email" value={search} onChange={(e) => setSearch(e.currentTarget.value)} style={{ flex: '2 1 240px' }} />
      </Group>
      <PeopleList key={JSON.stringify(filter)} filter={filter} />
    </>
  );
}

function PeopleList({ filter }: { filter: { role: Role | null; cohortId: string | null; status: EnrollmentStatus | null; search: string | null } }) {
  const list = useQuery(ADMIN_PEOPLE, { variables: { ...filter, limit: PAGE + 1, offset: 0 }, fetchPolicy: 'cache-and-network' });
  const paging = useShowMore(list.data?.users ?? [], PAGE, async (offset) => {
    const result = await list.fetchMore({
      variables: { ...filter, limit: PAGE + 1, offset },
      updateQuery: (previous, { fetchMoreResult }) => ({ ...previous, users: appendPage(previous.users, fetchMoreResult.users, offset, byId) }),
    });
    return result.data?.users;
  });
  const { shown } = paging;

  return (
    <QueryState loading={list.loading && !list.data} error={list.error} empty={shown.length === 0} emptyTitle="Nobody here" emptyText="Nobody matches these filters.">
      <ResponsiveTable
        caption="People, by name"
        rows={shown}
        rowKey={(u) => u.id}
        columns={[
          { header: 'Name', kind: 'title', cell: (u) => u.name },
          { header: 'Email', cell: (u) => <span style={{ overflowWrap: 'anywhere' }}>{u.email}</span> },
          { header: 'Role', cell: (u) => humanize(u.role) },
          { header: 'Timezone', cell: (u) => u.timezone },
        ]}
      />
      <ShowMoreFooter paging={paging} order="first" errorTitle="More people could not be loaded" />
    </QueryState>
  );
}
