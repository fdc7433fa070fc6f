import { PersonLabel } from '../../ui/person';
import { useQuery } from '@apollo/client/react';
import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { ErrorState, QueryState } from '../../ui/states';
import { formatDate } from '../../lib/time';
import { MessageButton } from '../messages/message-button';
import { WeatherCard } from '../practice/weather-card';
import { COACH_COHORT_PROGRESS } from './operations';
import { formatPercent, reasonLabel, REACH_OUT_RULE, summarizeProgress } from './progress-rules';

export function ProgressTab({ cohortId }: { cohortId: string }) {
  const { data, loading, error } = useQuery(COACH_COHORT_PROGRESS, { variables: { id: cohortId }, fetchPolicy: 'cache-and-network' });
  const rows = (data?.cohortProgress ?? []).map((p) => ({
    client: p.client,
    row: {
      clientId: p.client.id,
      submitted: p.submitted,
      missing: p.missing,
      late: p.late,
      reviewed: p.reviewed,
      attendanceRate: p.attendanceRate ?? null,
      reachOutReasons: p.reachOutReasons,
    },
    lastCheckInOn: p.lastCheckInOn ?? null,
  }));
  const summary = summarizeProgress(rows.map((r) => r.row));

  if (error && !data) return <ErrorState error={error} />;
  return (
    <QueryState loading={loading && !data} empty={rows.length === 0} emptyTitle="No clients enrolled yet" emptyText="Once clients are enrolled, their homework and attendance show up here.">
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm">
          <Stat label="Clients" value={String(summary.clients)} />
          <Stat label="Average attendance" value={formatPercent(summary.averageAttendance)} />
          <Stat label="Missing assignments" value={String(summary.missing)} />
          <Stat label="Awaiting your review" value={String(summary.awaitingReview)} />
          <Stat label="To reach out to" value={String(summary.toReachOut)} />
        </SimpleGrid>
        <WeatherCard cohortId={cohortId} />
        <section aria-labelledby="progress-by-client">
          <Title order={2} size="h3" id="progress-by-client" mb={4}>
            Progress by client
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {REACH_OUT_RULE}
          </Text>
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm">
              <Table.Caption>Homework, attendance and daily check-ins of each enrolled client</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Client</Table.Th>
                  <Table.Th scope="col">Submitted</Table.Th>
                  <Table.Th scope="col">Missing</Table.Th>
                  <Table.Th scope="col">Late</Table.Th>
                  <Table.Th scope="col">Reviewed</Table.Th>
                  <Table.Th scope="col">Attendance</Table.Th>
                  <Table.Th scope="col">Last check-in</Table.Th>
                  <Table.Th scope="col">Check-in</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map(({ client, row, lastCheckInOn }) => {
                  const why = row.reachOutReasons.map((reason) => reasonLabel(reason, row));
                  return (
                    <Table.Tr key={client.id} bg={why.length ? 'var(--mantine-color-red-0)' : undefined}>
                      <Table.Th scope="row" fw={500}>
                        <Group gap="xs" wrap="nowrap">
                          <PersonLabel person={client} />
                          <MessageButton cohortId={cohortId} withUserId={client.id} name={client.name} />
                        </Group>
                      </Table.Th>
                      <Table.Td>{row.submitted}</Table.Td>
                      <Table.Td>{row.missing}</Table.Td>
                      <Table.Td>{row.late}</Table.Td>
                      <Table.Td>{row.reviewed}</Table.Td>
                      <Table.Td>{formatPercent(row.attendanceRate)}</Table.Td>
                      <Table.Td>{lastCheckInOn ? formatDate(lastCheckInOn) : 'None yet'}</Table.Td>
                      <Table.Td>
                        {why.length ? (
                          <Group gap={4}>
                            {why.map((reason) => (
                              <Badge key={reason} color="red" variant="outline" size="sm" style={{ textTransform: 'none' }}>
                                Reach out: {reason}
                              </Badge>
                            ))}
                          </Group>
                        ) : (
                          <Text size="sm" c="teal.9">
                            On track
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </section>
      </Stack>
    </QueryState>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Card padding="md">
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
    </Card>
  );
}
