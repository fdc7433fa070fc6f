import { useQuery } from '@apollo/client/react';
import { LineChart } from '@mantine/charts';
import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../auth/auth-context';
import { graphql } from '../../gql';
import { PageHeader } from '../../ui/page';
import { ErrorState, LoadingState, QueryState } from '../../ui/states';
import { DateTimeText } from '../../ui/time';
import { HomeworkStatusBadge } from './homework-status-badge';
import { chartSummary, scaleCharts, type ScaleChart } from './progress-series';

const SUBMISSIONS = graphql(`
  query ClientProgressSubmissions($limit: Int, $offset: Int) {
    mySubmissions(limit: $limit, offset: $offset) {
      id
      status
      late
      submittedAt
      reviewedAt
      feedbackEditedAt
      feedback
      assignment {
        id
        title
        dueAt
        cohort {
          id
          name
        }
      }
    }
  }
`);

const CHART = graphql(`
  query ClientProgressChart {
    mySubmissions(limit: 200) {
      id
      submittedAt
      responses
      assignment {
        id
        template {
          key
          title
          fields {
            key
            label
            kind
            min
            max
          }
        }
        cohort {
          id
          startsOn
          timezone
          programWeeks
        }
      }
    }
  }
`);

const PAGE = 10;
const COLORS = ['anchor.7', 'indigo.6', 'grape.7', 'cyan.8'];

export function ProgressPage() {
  return (
    <>
      <PageHeader title="My progress" description="Your check-ins over the weeks, everything you have sent and what your coach said." />
      <Stack gap="xl">
        <Charts />
        <History />
      </Stack>
    </>
  );
}

function Charts() {
  const { timezone } = useMe();
  const { data, error } = useQuery(CHART, { fetchPolicy: 'cache-and-network' });
  if (error && !data) return <ErrorState error={error} title="We could not draw your check-ins" />;
  if (!data) return <LoadingState label="Loading your check-ins…" />;
  const charts = scaleCharts(data.mySubmissions, timezone);
  return (
    <section aria-labelledby="checkins">
      <Title order={2} size="h3" mb="sm" id="checkins">
        Your check-ins over time
      </Title>
      {charts.length === 0 ? (
        <Text size="sm" c="dimmed">
          When you answer homework with a scale (like how settled you felt), your answers are drawn here week by week.
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: charts.length > 1 ? 2 : 1 }} spacing="md">
          {charts.map((c) => (
            <ChartCard key={c.templateKey} chart={c} />
          ))}
        </SimpleGrid>
      )}
    </section>
  );
}

function ChartCard({ chart }: { chart: ScaleChart }) {
  const min = Math.min(...chart.series.map((s) => s.min));
  const max = Math.max(...chart.series.map((s) => s.max));
  const summary = chartSummary(chart);
  const headingId = `chart-${chart.templateKey}`;
  return (
    <Card component="figure" m={0} aria-labelledby={headingId}>
      <Title order={3} size="h5" id={headingId} mb={4}>
        {chart.title}
      </Title>
      <Text component="figcaption" size="sm" c="dimmed" mb="sm">
        {summary}
      </Text>
      <div aria-hidden>
        <LineChart
          h={220}
          data={chart.points}
          dataKey="x"
          series={chart.series.map((s, i) => ({ name: s.name, label: s.label, color: COLORS[i % COLORS.length] }))}
          curveType="monotone"
          connectNulls
          withLegend={chart.series.length > 1}
          legendProps={{ verticalAlign: 'bottom' }}
          yAxisProps={{ domain: [min, max], allowDecimals: false }}
          tickLine="y"
        />
      </div>
      <VisuallyHidden>
        <table>
          <caption>{chart.title}: your answers by week</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              {chart.series.map((s) => (
                <th key={s.name} scope="col">
                  {s.label} ({s.min} to {s.max})
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {chart.points.map((p) => (
              <tr key={p.submittedAt}>
                <th scope="row">{p.x}</th>
                {chart.series.map((s) => (
                  <td key={s.name}>{p[s.name] ?? 'No answer'}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </Card>
  );
}

function History() {
  const [limit, setLimit] = useState(PAGE);
  // One more than shown tells us whether there is a further page.
  const { data, loading, error } = useQuery(SUBMISSIONS, { variables: { limit: limit + 1, offset: 0 }, fetchPolicy: 'cache-and-network' });
  const items = data?.mySubmissions ?? [];
  const shown = items.slice(0, limit);
  return (
    <section aria-labelledby="past-submissions">
      <Title order={2} size="h3" mb="sm" id="past-submissions">
        What you have sent
      </Title>
      <QueryState
        loading={loading && !data}
        error={error}
        empty={shown.length === 0}
        emptyTitle="Nothing sent yet"
        emptyText="Your answers and your coach’s feedback will collect here."
      >
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {shown.map((s) => (
            <Card key={s.id} component="li">
              <Group justify="space-between" align="flex-start" gap="xs">
                <Stack gap={2}>
                  <Anchor component={Link} to={`/homework/${s.assignment.id}`} fw={600}>
                    {s.assignment.title}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {s.assignment.cohort.name} · Sent <DateTimeText iso={s.submittedAt} />
                    {s.late ? ' · Sent after the due time' : ' · On time'}
                  </Text>
                </Stack>
                <HomeworkStatusBadge status={s.status === 'REVIEWED' ? 'REVIEWED' : s.late ? 'LATE' : 'SUBMITTED'} />
              </Group>
              {s.feedback ? (
                <Card bg="var(--anchored-tint)" mt="sm" p="sm">
                  <Text size="xs" fw={700} c="var(--anchored-brand-text)" mb={2}>
                    Feedback from your coach
                    {s.feedbackEditedAt && (
                      <Text span size="xs" fw={400}>
                        {' '}
                        (edited)
                      </Text>
                    )}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                    {s.feedback}
                  </Text>
                </Card>
              ) : (
                <Text size="sm" c="dimmed" mt="xs">
                  Waiting for your coach’s feedback.
                </Text>
              )}
            </Card>
          ))}
        </Stack>
        {items.length > limit && (
          <Group justify="center" mt="md">
            <Button variant="default" onClick={() => setLimit(limit + PAGE)} loading={loading}>
              Show more
            </Button>
          </Group>
        )}
      </QueryState>
    </section>
  );
}
