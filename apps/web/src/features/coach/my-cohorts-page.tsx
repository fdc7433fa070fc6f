import { useQuery } from '@apollo/client/react';
import { Button, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate } from '../../lib/time';
import { PageHeader } from '../../ui/page';
import { QueryState } from '../../ui/states';
import { StatusBadge } from '../../ui/status';
import { COACH_COHORTS } from './operations';
import { programPosition } from '@anchored/domain';
import { describePosition } from '../../lib/program-week';

const ORDER: Record<string, number> = { ACTIVE: 0, ENROLLING: 1, DRAFT: 2, COMPLETED: 3, ARCHIVED: 4 };

export function MyCohortsPage() {
  const { data, loading, error } = useQuery(COACH_COHORTS, { fetchPolicy: 'cache-and-network' });
  const cohorts = [...(data?.cohorts ?? [])].sort((a, b) => (ORDER[a.status] ?? 9) - (ORDER[b.status] ?? 9) || a.startsOn.localeCompare(b.startsOn));

  return (
    <>
      <PageHeader title="My cohorts" description="The groups you coach: open one to see progress, review homework and run sessions." />
      <QueryState
        loading={loading && !data}
        error={error}
        empty={cohorts.length === 0}
        emptyTitle="No cohorts yet"
        emptyText="When an admin assigns you to a cohort, it appears here."
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {cohorts.map((c) => {
            const position = programPosition(c);
            const headingId = `cohort-${c.id}`;
            return (
              <Card key={c.id} component="article" aria-labelledby={headingId}>
                <Stack gap="sm" h="100%">
                  <Group justify="space-between" align="flex-start" wrap="nowrap">
                    <Title order={2} size="h4" id={headingId}>
                      {c.name}
                    </Title>
                    <div style={{ flexShrink: 0 }}>
                      <StatusBadge status={c.status} />
                    </div>
                  </Group>
                  <Text size="sm" c="dimmed">
                    {formatDate(c.startsOn)} – {formatDate(c.endsOn)} · {c.timezone}
                  </Text>
                  <Group gap="xl">
                    <div>
                      <Text size="xs" c="dimmed">
                        Program
                      </Text>
                      <Text fw={600}>{describePosition(position, c.programWeeks)}</Text>
                    </div>
                    <div>
                      <Text size="xs" c="dimmed">
                        Enrolled
                      </Text>
                      <Text fw={600}>
                        {c.enrolledCount} of {c.capacity}
                        {c.waitlistCount > 0 ? ` · ${c.waitlistCount} waiting` : ''}
                      </Text>
                    </div>
                  </Group>
                  {position.phase === 'during' && (
                    <Progress value={(position.week / c.programWeeks) * 100} size="sm" aria-label={`${c.name}: ${describePosition(position, c.programWeeks)}`} />
                  )}
                  <Group mt="auto">
                    <Button component={Link} to={`/coach/cohorts/${c.id}`} variant="light" aria-label={`Open dashboard of ${c.name}`}>
                      Open dashboard
                    </Button>
                  </Group>
                </Stack>
              </Card>
            );
          })}
        </SimpleGrid>
      </QueryState>
    </>
  );
}
