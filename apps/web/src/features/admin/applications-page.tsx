import { useQuery } from '@apollo/client/react';
import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../ui/page';
import { QueryState } from '../../ui/states';
import { DateTimeText } from '../../ui/time';
import { CapacityBar } from './capacity-bar';
import { applicationQueue } from './cohort-logic';
import { DecisionButtons } from './decision-buttons';
import { ADMIN_APPLICATIONS } from './operations';

/** Every application still waiting for a decision, across all cohorts, oldest first. */
export function ApplicationsPage() {
  const { data, loading, error } = useQuery(ADMIN_APPLICATIONS, { fetchPolicy: 'cache-and-network' });
  const queue = useMemo(() => applicationQueue(data?.cohorts ?? []), [data]);

  return (
    <>
      <PageHeader
        title="Applications"
        description={
          queue.length
            ? `${queue.length} ${queue.length === 1 ? 'person is' : 'people are'} waiting to hear back, oldest first.`
            : 'Applications from every cohort, oldest first.'
        }
      />
      <QueryState loading={loading && !data} error={error} empty={queue.length === 0} emptyTitle="No applications waiting" emptyText="When clients apply to a cohort that is open for enrollment, their applications appear here.">
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Applications waiting">
          {queue.map(({ enrollment: e, cohort }) => (
            <Card key={e.id} component="li" withBorder>
              <Group justify="space-between" align="flex-start" gap="lg">
                <Stack gap={4} style={{ flex: '1 1 300px', minWidth: 0 }}>
                  <Text fw={600}>{e.client.name}</Text>
                  <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {e.client.email} · applied <DateTimeText iso={e.appliedAt} relative />
                  </Text>
                  <Text size="sm">
                    for{' '}
                    <Anchor component={Link} to={`/admin/cohorts/${cohort.id}`} fw={500}>
                      {cohort.name}
                    </Anchor>
                  </Text>
                  {e.motivation ? (
                    <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                      “{e.motivation}”
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed" fs="italic">
                      No note with the application.
                    </Text>
                  )}
                </Stack>
                <Stack gap="sm" style={{ flex: '0 1 280px' }} miw={220}>
                  <CapacityBar enrolledCount={cohort.enrolledCount} capacity={cohort.capacity} waitlistCount={cohort.waitlistCount} size="sm" />
                  <DecisionButtons enrollmentId={e.id} clientName={e.client.name} cohortName={cohort.name} />
                </Stack>
              </Group>
            </Card>
          ))}
        </Stack>
      </QueryState>
    </>
  );
}
