import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { PageHeader } from '../../ui/page';
import { ResponsiveTable } from '../../ui/responsive-table';
import { QueryState, EmptyState } from '../../ui/states';
import { DateTimeText } from '../../ui/time';
import { homeworkStatus, sortForList } from './homework';
import { HomeworkStatusBadge } from './homework-status-badge';
import { CLIENT_ENROLLMENTS, PROGRAM_STATUSES } from './queries';

const HOMEWORK_COHORT = graphql(`
  query ClientHomeworkCohort($id: ID!) {
    cohort(id: $id) {
      id
      name
      assignments {
        id
        title
        dueAt
        mySubmission {
          id
          status
          late
          submittedAt
        }
      }
    }
  }
`);

export function HomeworkListPage() {
  const { data, loading, error } = useQuery(CLIENT_ENROLLMENTS, { fetchPolicy: 'cache-and-network' });
  // Current seats first, then finished programs.
  const withSeat = (data?.myEnrollments ?? []).filter((e) => (PROGRAM_STATUSES as readonly string[]).includes(e.status));
  const cohorts = [...withSeat.filter((e) => e.status === 'ENROLLED'), ...withSeat.filter((e) => e.status !== 'ENROLLED')].map((e) => e.cohort);
  return (
    <>
      <PageHeader title="Homework" description="Every practice your coach has set, and where you are with each one." />
      <QueryState loading={loading && !data} error={error}>
        {cohorts.length === 0 ? (
          <EmptyState
            title="No homework yet"
            action={
              <Button component={Link} to="/cohorts" variant="light">
                See cohorts
              </Button>
            }
          >
            Homework appears here once you have a seat in a cohort and your coach sets some.
          </EmptyState>
        ) : (
          <Stack gap="xl">
            {cohorts.map((c) => (
              <CohortHomework key={c.id} cohortId={c.id} />
            ))}
          </Stack>
        )}
      </QueryState>
    </>
  );
}

function CohortHomework({ cohortId }: { cohortId: string }) {
  const { data, loading, error } = useQuery(HOMEWORK_COHORT, { variables: { id: cohortId }, fetchPolicy: 'cache-and-network' });
  const assignments = sortForList(data?.cohort.assignments ?? []);
  const name = data?.cohort.name ?? 'Your cohort';
  return (
    <section aria-label={name}>
      <Title order={2} size="h3" mb="sm">
        {name}
      </Title>
      <QueryState loading={loading && !data} error={error}>
        {assignments.length === 0 ? (
          <Text size="sm" c="dimmed">
            Your coach has not set homework for this cohort yet.
          </Text>
        ) : (
          <ResponsiveTable
            caption={`Homework for ${name}`}
            minWidth={480}
            framed
            rows={assignments.map((a) => ({ ...a, s: homeworkStatus(a) }))}
            rowKey={(a) => a.id}
            columns={[
              {
                header: 'Homework',
                kind: 'title',
                cell: (a) => (
                  <Anchor component={Link} to={`/homework/${a.id}`} fw={600}>
                    {a.title}
                  </Anchor>
                ),
              },
              {
                header: 'Due',
                cell: (a) => (
                  <>
                    <Text size="sm">
                      <DateTimeText iso={a.dueAt} />
                    </Text>
                    {a.s.overdue && (
                      <Text size="xs" c="var(--anchored-danger-text)" fw={600}>
                        Overdue
                      </Text>
                    )}
                  </>
                ),
              },
              {
                header: 'Status',
                kind: 'status',
                cell: (a) => (
                  <>
                    <HomeworkStatusBadge status={a.s.status} />
                    {a.s.status === 'REVIEWED' && a.s.late && (
                      <Text size="xs" c="dimmed" mt={2}>
                        Sent late
                      </Text>
                    )}
                  </>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </section>
  );
}
