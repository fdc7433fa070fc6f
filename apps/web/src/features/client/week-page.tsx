import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconCalendarPlus, IconExternalLink, IconVideo } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useMe } from '../../auth/auth-context';
import { graphql } from '../../gql';
import type { ClientWeekCohortQuery } from '../../gql/graphql';
import { formatDate } from '../../lib/time';
import { PageHeader } from '../../ui/page';
import { ErrorState, LoadingState, QueryState, EmptyState } from '../../ui/states';
import { humanize } from '../../ui/status';
import { DateTimeText } from '../../ui/time';
import { enrollmentSentence } from './enrollment';
import { homeworkStatus, openHomework } from './homework';
import { HomeworkStatusBadge } from './homework-status-badge';
import { curriculumWeekOf } from '@anchored/curriculum';
import { programPosition, type ProgramPosition } from '@anchored/domain';
import { nextSession, webcalUrl } from './next-session';
import { CLIENT_ENROLLMENTS } from './queries';
import { CheckInCard } from '../practice/check-in-card';
import { WeatherCard } from '../practice/weather-card';

const WEEK_COHORT = graphql(`
  query ClientWeekCohort($id: ID!) {
    cohort(id: $id) {
      id
      name
      startsOn
      endsOn
      timezone
      programWeeks
      sessions {
        id
        title
        startsAt
        durationMinutes
        meetingUrl
        calendarFileUrl
        status
      }
      assignments {
        id
        title
        dueAt
        mySubmission {
          id
          status
          late
        }
      }
    }
  }
`);

const WEEK_MODULE = graphql(`
  query ClientWeekModule($week: Int!) {
    curriculumWeek(week: $week) {
      key
      title
      summary
      weeks
      practiceDetails {
        kind
        title
        description
      }
    }
  }
`);

type Cohort = ClientWeekCohortQuery['cohort'];

export function WeekPage() {
  const { data, loading, error } = useQuery(CLIENT_ENROLLMENTS, { fetchPolicy: 'cache-and-network' });
  const enrollments = data?.myEnrollments ?? [];
  const enrolled = enrollments.filter((e) => e.status === 'ENROLLED');
  const pending = enrollments.filter((e) => e.status === 'APPLIED' || e.status === 'WAITLISTED');

  return (
    <>
      <PageHeader
        title="This week"
        description={enrolled.length === 1 ? enrolled[0].cohort.name : 'What your circle is working on, your next session and the homework still open.'}
      />
      <QueryState loading={loading && !data} error={error}>
        {enrolled.length === 0 ? (
          <EmptyState
            title={pending.length ? 'Your place is not confirmed yet' : 'You are not in a cohort yet'}
            action={
              <Button component={Link} to="/cohorts" variant="light">
                {pending.length ? 'See your applications' : 'Find a cohort to join'}
              </Button>
            }
          >
            {pending.length
              ? pending.map((e) => `${e.cohort.name}: ${enrollmentSentence(e)}`).join(' ')
              : 'Once you have a seat in a cohort, this page shows the week’s module, your next session and your homework.'}
          </EmptyState>
        ) : (
          <Stack gap="xl">
            <CheckInCard />
            {enrolled.map((e) => (
              <CohortWeek key={e.cohort.id} cohortId={e.cohort.id} named={enrolled.length > 1} />
            ))}
            {pending.length > 0 && (
              <Text size="sm" c="dimmed">
                {pending.map((e) => `${e.cohort.name}: ${enrollmentSentence(e)}`).join(' ')}{' '}
                <Anchor component={Link} to="/cohorts" size="sm">
                  Your applications
                </Anchor>
              </Text>
            )}
          </Stack>
        )}
      </QueryState>
    </>
  );
}

function CohortWeek({ cohortId, named }: { cohortId: string; named: boolean }) {
  const { data, error } = useQuery(WEEK_COHORT, { variables: { id: cohortId }, fetchPolicy: 'cache-and-network' });
  if (error && !data) return <ErrorState error={error} />;
  if (!data) return <LoadingState />;
  const cohort = data.cohort;
  const position = programPosition(cohort);
  const h = named ? 3 : 2;
  const body = (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <ModuleCard position={position} cohort={cohort} order={h} />
      <Stack gap="md">
        <NextSessionCard cohort={cohort} order={h} />
        <OpenHomeworkCard cohort={cohort} order={h} />
        <WeatherCard cohortId={cohort.id} order={h} />
      </Stack>
    </SimpleGrid>
  );
  if (!named) return body;
  return (
    <section aria-labelledby={`week-${cohort.id}`}>
      <Title order={2} size="h3" mb="sm" id={`week-${cohort.id}`}>
        {cohort.name}
      </Title>
      {body}
    </section>
  );
}

function ModuleCard({ position, cohort, order }: { position: ProgramPosition; cohort: Cohort; order: 2 | 3 }) {
  const week = position.phase === 'during' ? curriculumWeekOf(position.week) : position.phase === 'before' ? 1 : null;
  const { data, error } = useQuery(WEEK_MODULE, { variables: { week: week ?? 1 }, skip: week === null });
  const heading =
    position.phase === 'during'
      ? `Week ${position.week} of ${cohort.programWeeks}`
      : position.phase === 'before'
        ? `Starts ${formatDate(cohort.startsOn)}`
        : 'Program complete';
  return (
    <Card component="section" aria-label={`${heading}, ${cohort.name}`}>
      <Text size="xs" tt="uppercase" fw={700} c="var(--anchored-brand-text)" mb={4}>
        {heading}
        {position.phase === 'before' && ` · in ${position.daysUntilStart} ${position.daysUntilStart === 1 ? 'day' : 'days'}`}
      </Text>
      {position.phase === 'after' ? (
        <Text size="sm">
          Your {cohort.programWeeks} weeks ended on {formatDate(cohort.endsOn)}. Your answers and your coach’s feedback stay in{' '}
          <Anchor component={Link} to="/history" size="sm">
            My progress
          </Anchor>
          .
        </Text>
      ) : error ? (
        <ErrorState error={error} title="We could not load this week’s module" />
      ) : !data ? (
        <LoadingState label="Loading the module…" />
      ) : (
        <Stack gap="sm">
          <Title order={order} size="h3">
            {position.phase === 'before' ? `First up: ${data.curriculumWeek.title}` : data.curriculumWeek.title}
          </Title>
          <Text size="sm">{data.curriculumWeek.summary}</Text>
          {data.curriculumWeek.practiceDetails.length > 0 && (
            <>
              <Title order={(order + 1) as 3 | 4} size="h5" mt="xs">
                Practices for the week
              </Title>
              <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {data.curriculumWeek.practiceDetails.map((p) => (
                  <li key={p.title}>
                    <Group gap="xs" mb={2}>
                      <Text fw={600} size="sm">
                        {p.title}
                      </Text>
                      <Badge variant="light" color="gray" size="sm">
                        {humanize(p.kind)}
                      </Badge>
                    </Group>
                    <Text size="sm" c="dimmed">
                      {p.description}
                    </Text>
                  </li>
                ))}
              </Stack>
            </>
          )}
        </Stack>
      )}
    </Card>
  );
}

function NextSessionCard({ cohort, order }: { cohort: Cohort; order: 2 | 3 }) {
  const me = useMe();
  const session = nextSession(cohort.sessions);
  return (
    <Card component="section" aria-label={`Next session, ${cohort.name}`}>
      <Title order={order} size="h4" mb="xs">
        Next session
      </Title>
      {!session ? (
        <Text size="sm" c="dimmed">
          No session is planned yet. Your coach will add one soon.
        </Text>
      ) : (
        <Stack gap="xs">
          <Text fw={600}>{session.title}</Text>
          <Text size="sm">
            <DateTimeText iso={session.startsAt} relative /> · {session.durationMinutes} minutes
          </Text>
          <Group gap="sm" mt={4}>
            {session.meetingUrl ? (
              <Button component="a" href={session.meetingUrl} target="_blank" rel="noopener noreferrer" leftSection={<IconVideo size={18} aria-hidden />}>
                Join session
                <VisuallyHidden> (opens in a new tab)</VisuallyHidden>
              </Button>
            ) : (
              <Text size="sm" c="dimmed">
                The meeting link will appear here.
              </Text>
            )}
            {/* This one session as an .ics file (opened by the device's calendar). */}
            <Button component="a" href={session.calendarFileUrl} variant="default" leftSection={<IconCalendarPlus size={18} aria-hidden />}>
              Add to calendar
            </Button>
          </Group>
          {me.calendarUrl && (
            <Text size="xs" c="dimmed">
              Or have every session of your cohorts in your calendar, kept up to date.{' '}
              <Anchor href={webcalUrl(me.calendarUrl)} size="xs" underline="always">
                Subscribe in your calendar app (webcal)
                <IconExternalLink size={12} aria-hidden style={{ marginLeft: 2, verticalAlign: 'middle' }} />
              </Anchor>
            </Text>
          )}
        </Stack>
      )}
    </Card>
  );
}

function OpenHomeworkCard({ cohort, order }: { cohort: Cohort; order: 2 | 3 }) {
  const open = openHomework(cohort.assignments);
  return (
    <Card component="section" aria-label={`Open homework, ${cohort.name}`}>
      <Title order={order} size="h4" mb="xs">
        Open homework
      </Title>
      {open.length === 0 ? (
        <Text size="sm" c="dimmed">
          You are all caught up. New homework appears here when your coach sets it.
        </Text>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {open.map((a) => {
            const s = homeworkStatus(a);
            return (
              <li key={a.id}>
                <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
                  <Stack gap={0}>
                    <Anchor component={Link} to={`/homework/${a.id}`} fw={600} size="sm">
                      {a.title}
                    </Anchor>
                    <Text size="xs" c={s.overdue ? 'var(--anchored-danger-text)' : 'dimmed'} fw={s.overdue ? 600 : undefined}>
                      {s.overdue ? 'Overdue, was due ' : 'Due '}
                      <DateTimeText iso={a.dueAt} />
                    </Text>
                  </Stack>
                  <HomeworkStatusBadge status={s.status} />
                </Group>
              </li>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}
