import { useQuery } from '@apollo/client/react';
import { Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { ErrorState, LoadingState } from '../../ui/states';
import { locationLabel, stateLabel } from './check-in-copy';
import { COHORT_WEATHER } from './operations';

/**
 * How the circle is doing over the last days: counts of locations and states and the mean of how
 * anchored people feel. Never shown while fewer than 3 people checked in (the API returns no
 * figures then), so no one can be singled out. Used on the client's week page, the coach's cohort
 * dashboard, and the circle page.
 */
export function WeatherCard({ cohortId, days = 7, order = 2 }: { cohortId: string; days?: number; order?: 2 | 3 | 4 }) {
  const { data, error } = useQuery(COHORT_WEATHER, { variables: { cohortId, days }, fetchPolicy: 'cache-and-network' });
  const headingId = `weather-${cohortId}`;
  const weather = data?.cohortWeather;
  return (
    <Card component="section" aria-labelledby={headingId}>
      <Title order={order} size="h4" id={headingId}>
        The circle’s weather
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Last {days} days, from everyone’s daily check-ins. Counts only: no names, no notes.
      </Text>
      {error && !data ? (
        <ErrorState error={error} title="We could not load the weather" />
      ) : !weather ? (
        <LoadingState label="Loading the weather…" />
      ) : !weather.locations || !weather.states ? (
        <Text size="sm">
          {weather.clientsCheckedIn === 0 ? 'Nobody has checked in yet.' : `${weather.clientsCheckedIn} of the circle checked in so far.`} The weather shows once at least three
          people have checked in, so no one can be singled out.
        </Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm">
            {weather.clientsCheckedIn} people checked in. On average they felt anchored <strong>{weather.averageAnchored} of 10</strong>.
          </Text>
          <Counts title="Where people were" rows={weather.locations.map((l) => ({ label: locationLabel(l.location), count: l.count }))} order={order} />
          <Counts title="Nervous systems" rows={weather.states.map((s) => ({ label: stateLabel(s.state), count: s.count }))} order={order} />
        </Stack>
      )}
    </Card>
  );
}

function Counts({ title, rows, order }: { title: string; rows: { label: string; count: number }[]; order: 2 | 3 | 4 }) {
  const total = rows.reduce((n, r) => n + r.count, 0) || 1;
  return (
    <div>
      <Title order={(order + 1) as 3 | 4 | 5} size="h6" mb={4}>
        {title}
      </Title>
      <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {rows.map((r) => (
          <li key={r.label}>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm">{r.label}</Text>
              <Text size="sm" fw={600}>
                {r.count}
              </Text>
            </Group>
            <Progress value={(r.count / total) * 100} color="anchor" size="sm" aria-hidden />
          </li>
        ))}
      </Stack>
    </div>
  );
}
