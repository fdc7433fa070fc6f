import { PersonLabel } from '../../ui/person';
import { useQuery } from '@apollo/client/react';
import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { ResponsiveTable } from '../../ui/responsive-table';
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
          <ResponsiveTable
            caption="Homework, attendance and daily check-ins of each enrolled client"
            minWidth={760}
            rows={rows.map((r) => ({ ...r, why: r.row.reachOutReasons.map((reason) => reasonLabel(reason, r.row)) }))}
            rowKey={(r) => r.client.id}
            highlight={(r) => r.why.length > 0}
            columns={[
              {
                header: 'Client',
                kind: 'title',
                cell: ({ client }) => (
                  <Group gap="xs" wrap="nowrap">
                    <div style={{ minWidth: 0 }}>
                      <PersonLabel person={client} />
                    </div>
                    <MessageButton cohortId={cohortId} withUserId={client.id} name={client.name} />
                  </Group>
                ),
              },
              { header: 'Submitted', cell: ({ row }) => row.submitted },
              { header: 'Missing', cell: ({ row }) => row.missing },
              { header: 'Late', cell: ({ row }) => row.late },
              { header: 'Reviewed', cell: ({ row }) => row.reviewed },
              { header: 'Attendance', cell: ({ row }) => formatPercent(row.attendanceRate) },
              { header: 'Last check-in', cell: ({ lastCheckInOn }) => (lastCheckInOn ? formatDate(lastCheckInOn) : 'None yet') },
              {
                header: 'Check-in',
                kind: 'status',
                cell: ({ why }) =>
                  why.length ? (
                    <Group gap={4}>
                      {why.map((reason) => (
                        <Badge key={reason} color="red" variant="outline" size="sm" style={{ textTransform: 'none' }} data-wrap>
                          Reach out: {reason}
                        </Badge>
                      ))}
                    </Group>
                  ) : (
                    <Text size="sm" c="var(--anchored-success-text)">
                      On track
                    </Text>
                  ),
              },
            ]}
          />
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
