import { useQuery } from '@apollo/client/react';
import { BarChart, LineChart } from '@mantine/charts';
import { Card, SimpleGrid, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { EmptyState, QueryState } from '../../ui/states';
import { cohortAttendance, describeSeries, weeklyRates, type ChartInput, type WeekPoint } from './charts';
import { COACH_COHORT_CHARTS } from './operations';

export function ChartsTab({ cohortId }: { cohortId: string }) {
  const { data, loading, error } = useQuery(COACH_COHORT_CHARTS, { variables: { id: cohortId }, fetchPolicy: 'cache-and-network' });
  const input: ChartInput | null = data ? { ...data.cohort, clientIds: data.cohortProgress.map((p) => p.client.id) } : null;
  const points = input ? weeklyRates(input) : [];

  return (
    <QueryState loading={loading && !data} error={error}>
      {points.length === 0 ? (
        <EmptyState title="No weeks to chart yet">Charts fill in week by week once the program has started.</EmptyState>
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="md">
            Rates are out of the {input?.clientIds.length} clients on the progress tab (excused absences left out), by program week (counted in the cohort’s timezone). Weeks without a
            session or without homework due are left empty.
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <ChartCard
              id="attendance-chart"
              title="Attendance by week"
              summary={describeSeries(points, 'attendance', 'attendance', input && cohortAttendance(input))}
              points={points}
              valueKey="attendance"
              kind="bar"
              columnLabel="Attendance"
            />
            <ChartCard
              id="submission-chart"
              title="Homework submitted by week"
              summary={describeSeries(points, 'submissions', 'homework submission')}
              points={points}
              valueKey="submissions"
              kind="line"
              columnLabel="Submitted"
            />
          </SimpleGrid>
        </>
      )}
    </QueryState>
  );
}

function ChartCard({
  id,
  title,
  summary,
  points,
  valueKey,
  kind,
  columnLabel,
}: {
  id: string;
  title: string;
  summary: string;
  points: WeekPoint[];
  valueKey: 'attendance' | 'submissions';
  kind: 'bar' | 'line';
  columnLabel: string;
}) {
  const series = [{ name: valueKey, label: columnLabel, color: kind === 'bar' ? 'anchor.6' : 'indigo.6' }];
  const common = {
    h: 240,
    data: points,
    dataKey: 'label',
    series,
    yAxisProps: { domain: [0, 100] },
    valueFormatter: (v: number) => `${v}%`,
    withLegend: false,
  };
  return (
    <Card component="figure" m={0} aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`}>
      <Title order={2} size="h4" id={`${id}-title`} mb={4}>
        {title}
      </Title>
      <Text component="figcaption" size="sm" c="dimmed" id={`${id}-summary`} mb="md">
        {summary}
      </Text>
      <div aria-hidden>
        {kind === 'bar' ? <BarChart {...common} /> : <LineChart {...common} connectNulls={false} curveType="linear" />}
      </div>
      <VisuallyHidden>
        <Table>
          <Table.Caption>{title}, as a table</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Week</Table.Th>
              <Table.Th scope="col">{columnLabel}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {points.map((p) => (
              <Table.Tr key={p.week}>
                <Table.Th scope="row">{p.label}</Table.Th>
                <Table.Td>{p[valueKey] === null ? (valueKey === 'attendance' ? 'No session held' : 'No homework due') : `${p[valueKey]}%`}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </VisuallyHidden>
    </Card>
  );
}
