import { useQuery } from '@apollo/client/react';
import { Card, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { PageHeader } from '../../ui/page';
import { EmptyState, ErrorState, LoadingState, QueryState } from '../../ui/states';
import { formatDate } from '../../lib/time';
import type { MyCheckInTrendQuery } from '../../gql/graphql';
import { CLIENT_ENROLLMENTS } from '../client/queries';
import { CheckInCard } from './check-in-card';
import { LOCATIONS, locationLabel, STATES, stateLabel, streakSentence } from './check-in-copy';
import { MY_CHECK_IN_TREND } from './operations';

type Trend = MyCheckInTrendQuery['myCheckInTrend'];

/** My practice: the client's own check-ins over the program, as charts with a table alternative. */
export function PracticePage() {
  const { data, loading, error } = useQuery(CLIENT_ENROLLMENTS, { fetchPolicy: 'cache-and-network' });
  const seats = (data?.myEnrollments ?? []).filter((e) => e.status === 'ENROLLED' || e.status === 'GRADUATED');
  const [chosen, setChosen] = useState<string | null>(null);
  const cohortId = chosen ?? seats[0]?.cohort.id ?? null;
  return (
    <>
      <PageHeader title="My practice" description="Your daily check-ins over the program: how anchored you felt, where you were and how your body was." />
      <QueryState loading={loading && !data} error={error}>
        {!cohortId ? (
          <EmptyState title="Your practice starts with a seat in a cohort">Once you are in a cohort, your daily check-ins show here.</EmptyState>
        ) : (
          <Stack gap="lg">
            {seats.length > 1 && (
              <Select
                label="Program"
                data={seats.map((s) => ({ value: s.cohort.id, label: s.cohort.name }))}
                value={cohortId}
                onChange={(v) => v && setChosen(v)}
                allowDeselect={false}
                maw={360}
              />
            )}
            <TrendView cohortId={cohortId} />
          </Stack>
        )}
      </QueryState>
    </>
  );
}

function TrendView({ cohortId }: { cohortId: string }) {
  const { data, error } = useQuery(MY_CHECK_IN_TREND, { variables: { cohortId }, fetchPolicy: 'cache-and-network' });
  if (error && !data) return <ErrorState error={error} />;
  if (!data) return <LoadingState label="Loading your practice…" />;
  const trend = data.myCheckInTrend;
  return (
    <Stack gap="lg">
      <Card component="section" aria-labelledby="streak-heading">
        <Title order={2} size="h4" id="streak-heading">
          Your rhythm
        </Title>
        <Text size="sm" mt={4}>
          {streakSentence(trend.streak)}
        </Text>
      </Card>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <AnchoredChart trend={trend} />
        <CheckInCard />
      </SimpleGrid>
      <WeeksTable trend={trend} />
    </Stack>
  );
}

/** Anchored by day as bars, with the weekly mean written under; the table below is the same data in words. */
function AnchoredChart({ trend }: { trend: Trend }) {
  const days = trend.days.slice(-28);
  const width = 320;
  const height = 120;
  const bar = days.length ? width / days.length : width;
  const summary = days.length
    ? `Bar chart of how anchored you felt on your last ${days.length} check-ins, from ${days[0].anchored} on ${formatDate(days[0].localDate)} to ${days[days.length - 1].anchored} on ${formatDate(days[days.length - 1].localDate)}, out of 10.`
    : 'No check-ins yet.';
  return (
    <Card component="section" aria-labelledby="anchored-heading">
      <Title order={2} size="h4" id="anchored-heading">
        How anchored you felt
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        Last {days.length || 'few'} check-ins, 0 to 10
      </Text>
      {days.length === 0 ? (
        <Text size="sm">Your first check-in will draw the first bar.</Text>
      ) : (
        <>
          <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={summary} style={{ maxHeight: 160 }}>
            {days.map((d, i) => {
              const h = Math.max(2, (d.anchored / 10) * (height - 10));
              return <rect key={d.localDate} x={i * bar + 1} y={height - h} width={Math.max(1, bar - 2)} height={h} rx={2} fill="var(--mantine-color-anchor-6)" />;
            })}
          </svg>
          <Table mt="sm" verticalSpacing={4} fz="sm">
            <Table.Caption>Your check-ins, one row per day</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Day</Table.Th>
                <Table.Th scope="col">Anchored</Table.Th>
                <Table.Th scope="col">Where</Table.Th>
                <Table.Th scope="col">Nervous system</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...days].reverse().slice(0, 7).map((d) => (
                <Table.Tr key={d.localDate}>
                  <Table.Th scope="row" fw={400}>
                    {formatDate(d.localDate)}
                  </Table.Th>
                  <Table.Td>{d.anchored}</Table.Td>
                  <Table.Td>{locationLabel(d.location)}</Table.Td>
                  <Table.Td>{stateLabel(d.state)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Card>
  );
}

/** Per program week: check-ins, mean anchored, and how often each location and state came up. */
function WeeksTable({ trend }: { trend: Trend }) {
  const weeks = trend.weeks.filter((w) => w.checkIns > 0).reverse();
  return (
    <Card component="section" aria-labelledby="weeks-heading">
      <Title order={2} size="h4" id="weeks-heading" mb="xs">
        Week by week
      </Title>
      {weeks.length === 0 ? (
        <Text size="sm">Weeks with check-ins will show here.</Text>
      ) : (
        // A keyboard-reachable scroll area (axe: scrollable-region-focusable): on a phone the five columns scroll sideways inside it.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        <div tabIndex={0} role="region" aria-label="Week by week, scrollable" style={{ overflowX: 'auto' }}>
          <Table verticalSpacing="xs" fz="sm" miw={560}>
            <Table.Caption>Program weeks with at least one check-in, newest first</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Week</Table.Th>
                <Table.Th scope="col">Check-ins</Table.Th>
                <Table.Th scope="col">Mean anchored</Table.Th>
                <Table.Th scope="col">Where you were</Table.Th>
                <Table.Th scope="col">Nervous system</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {weeks.map((w) => (
                <Table.Tr key={w.week}>
                  <Table.Th scope="row" fw={500}>
                    Week {w.week}
                  </Table.Th>
                  <Table.Td>{w.checkIns}</Table.Td>
                  <Table.Td>{w.meanAnchored ?? '–'}</Table.Td>
                  <Table.Td>
                    {LOCATIONS.map((l) => ({ label: l.label, count: w.locations.find((x) => x.location === l.value)?.count ?? 0 }))
                      .filter((x) => x.count > 0)
                      .map((x) => `${x.label} ${x.count}`)
                      .join(', ')}
                  </Table.Td>
                  <Table.Td>
                    {STATES.map((s) => ({ label: s.label, count: w.states.find((x) => x.state === s.value)?.count ?? 0 }))
                      .filter((x) => x.count > 0)
                      .map((x) => `${x.label} ${x.count}`)
                      .join(', ')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Card>
  );
}
