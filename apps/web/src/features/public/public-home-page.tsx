import { useQuery } from '@apollo/client/react';
import { Anchor, Box, Button, Card, Container, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { Link, Navigate } from 'react-router';
import { HOME_BY_ROLE } from '../../auth/require-auth';
import { useAuth } from '../../auth/auth-context';
import { graphql } from '../../gql';
import { browserTimezone } from '../../lib/time';
import { EmptyState, LoadingState, QueryState } from '../../ui/states';
import { OpenCohortDetails } from './open-cohort-details';

const OPEN_COHORTS = graphql(`
  query PublicOpenCohorts {
    openCohorts {
      id
      name
      description
      startsOn
      endsOn
      seatsLeft
      capacity
      meetings {
        nextStartsAt
        durationMinutes
      }
      coaches {
        name
        bio
      }
    }
  }
`);

export function seatsLine(c: { seatsLeft: number; capacity: number }): string {
  if (c.seatsLeft <= 0) return 'Full for now: you can still apply and join the waitlist.';
  return `${c.seatsLeft} of ${c.capacity} ${c.capacity === 1 ? 'seat' : 'seats'} left`;
}

/** What a visitor sees at /: what Anchored is, and the circles they can apply to. */
export function PublicHomePage() {
  const { data, loading, error } = useQuery(OPEN_COHORTS);
  const zone = browserTimezone();
  useEffect(() => {
    document.title = 'Anchored · small circles for coming home to yourself';
  }, []);
  const cohorts = data?.openCohorts ?? [];
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <Box component="header" bg="var(--anchored-tint)" py="md">
        <Container size="lg">
          <Group justify="space-between">
            <Text fw={700} c="var(--anchored-brand-text)" size="lg">
              Anchored
            </Text>
            <Group gap="xs" component="nav" aria-label="Account">
              <Button component={Link} to="/login" variant="default">
                Log in
              </Button>
              <Button component={Link} to="/signup?next=/cohorts">
                Create an account
              </Button>
            </Group>
          </Group>
        </Container>
      </Box>
      <Container size="lg" component="main" id="main" py="xl">
        <Stack gap="xl">
          <Stack gap="sm" maw={720}>
            <Title order={1}>Six months in a small circle, learning to stand on your own ground together</Title>
            <Text size="lg">
              Anchored is where coaches and therapists run small groups of six to twenty people through a six-month program on interdependence: noticing when we
              hand our worth, safety and belonging to others, and practising the other way, where two people support each other and each stays themselves.
            </Text>
            <Text>
              Each circle meets live once or twice a week. Between sessions you try short practices (checking where you are right now, a soft way to raise what
              hurts, boundaries, breathing and grounding), write a little about how they went, and hear back from your coach. Everything you write is private to
              you and your coach.
            </Text>
          </Stack>
          <section aria-labelledby="open-circles">
            <Title order={2} id="open-circles" mb="sm">
              Circles open for applications
            </Title>
            <QueryState loading={loading && !data} error={error}>
              {cohorts.length === 0 ? (
                <EmptyState title="No circle is taking applications right now">New circles open a few weeks before they start. Create an account to be ready.</EmptyState>
              ) : (
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                  {cohorts.map((c) => (
                    <Card key={c.id} component="article" aria-labelledby={`open-${c.id}`}>
                      <Stack gap="xs" h="100%">
                        <Title order={3} size="h4" id={`open-${c.id}`}>
                          {c.name}
                        </Title>
                        <OpenCohortDetails cohort={c} viewerZone={zone} />
                        <Text size="sm" fw={500}>
                          {seatsLine(c)}
                        </Text>
                        <Group mt="auto" pt="xs">
                          <Button component={Link} to={`/signup?next=${encodeURIComponent('/cohorts')}`} aria-label={`Apply to ${c.name}`}>
                            Apply
                          </Button>
                          <Anchor component={Link} to={`/login?next=${encodeURIComponent('/cohorts')}`} size="sm">
                            I already have an account
                          </Anchor>
                        </Group>
                      </Stack>
                    </Card>
                  ))}
                </SimpleGrid>
              )}
            </QueryState>
          </section>
        </Stack>
      </Container>
    </>
  );
}

/** `/`: visitors read what Anchored is; anyone signed in goes straight to their own home. */
export function WelcomeOrHome() {
  const { user } = useAuth();
  if (user === undefined) return <LoadingState label="Opening Anchored…" />;
  if (!user) return <PublicHomePage />;
  return <Navigate to={HOME_BY_ROLE[user.role] ?? '/login'} replace />;
}
