import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Box, Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconExternalLink, IconPlus } from '@tabler/icons-react';
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { humanFieldErrors } from '../../api/apollo-errors';
import { useMe } from '../../auth/auth-context';
import { formatDate } from '../../lib/time';
import { PageHeader } from '../../ui/page';
import { ErrorState, QueryState } from '../../ui/states';
import { StatusBadge } from '../../ui/status';
import { Dialog } from '../../ui/dialog';
import { CapacityBar } from './capacity-bar';
import { timezoneOptions } from '../../lib/time';
import { sortCohorts } from './cohort-logic';
import type { AdminCohortsQuery } from '../../gql/graphql';
import { ADMIN_COHORTS, ADMIN_CREATE_COHORT, ADMIN_QUEUE_DASHBOARD_URL } from './operations';
import { notifySuccess } from '../../ui/notify';

const PAST = new Set(['COMPLETED', 'ARCHIVED']);
type CohortRow = AdminCohortsQuery['cohorts'][number];

export function CohortsPage() {
  const { data, loading, error } = useQuery(ADMIN_COHORTS, { fetchPolicy: 'cache-and-network' });
  const [creating, { open, close }] = useDisclosure(false);
  const cohorts = useMemo(() => sortCohorts(data?.cohorts ?? []), [data]);
  const current = cohorts.filter((c) => !PAST.has(c.status));
  const past = cohorts.filter((c) => PAST.has(c.status));

  return (
    <>
      <PageHeader
        title="Cohorts"
        description="Every cohort on Anchored: who is enrolled, who is waiting, and who coaches it."
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
            New cohort
          </Button>
        }
      />
      <Stack gap="lg">
        <QueryState
          loading={loading && !data}
          error={error}
          empty={cohorts.length === 0}
          emptyTitle="No cohorts yet"
          emptyText="Create the first cohort, assign a coach and open enrollment so clients can apply."
        >
          <CohortSection title="Current cohorts" cohorts={current} emptyText="No cohort is running or open for enrollment. Create one to get started." />
          {past.length > 0 && <CohortSection title="Past cohorts" cohorts={past} />}
        </QueryState>
        <OperationsCard />
      </Stack>
      <Dialog opened={creating} onClose={close} title="New cohort" size="lg">
        {creating && <NewCohortForm onCancel={close} />}
      </Dialog>
    </>
  );
}

function CohortSection({ title, cohorts, emptyText }: { title: string; cohorts: CohortRow[]; emptyText?: string }) {
  const id = title.toLowerCase().replace(/\s+/g, '-');
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {cohorts.length === 0 ? (
        <Text size="sm" c="dimmed">
          {emptyText}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-labelledby={id}>
          {cohorts.map((c) => (
            <Card key={c.id} component="li" withBorder>
              <Stack gap="sm" h="100%">
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                  <Title order={3} size="h4">
                    <Anchor component={Link} to={`/admin/cohorts/${c.id}`} inherit>
                      {c.name}
                    </Anchor>
                  </Title>
                  <Box style={{ flexShrink: 0 }}>
                    <StatusBadge status={c.status} />
                  </Box>
                </Group>
                <Text size="sm" c="dimmed">
                  {formatDate(c.startsOn)} – {formatDate(c.endsOn)} · {c.programWeeks} weeks
                  <br />
                  {c.timezone}
                </Text>
                <CapacityBar enrolledCount={c.enrolledCount} capacity={c.capacity} waitlistCount={c.waitlistCount} />
                <Text size="sm">
                  <Text span fw={500}>
                    Coaches:{' '}
                  </Text>
                  {c.coaches.length ? c.coaches.map((coach) => coach.name).join(', ') : <Text span c="dimmed">none yet</Text>}
                </Text>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </section>
  );
}

function NewCohortForm({ onCancel }: { onCancel: () => void }) {
  const me = useMe();
  const navigate = useNavigate();
  const zones = useMemo(() => timezoneOptions(), []);
  const [form, setForm] = useState({ name: '', capacity: 12 as number | string, startsOn: '', timezone: me.timezone || 'UTC', programWeeks: 26 as number | string });
  const [local, setLocal] = useState<Record<string, string>>({});
  const [create, state] = useMutation(ADMIN_CREATE_COHORT, { refetchQueries: ['AdminCohorts', 'AdminApplications'] });
  const fields = { ...humanFieldErrors(state.error, 'input.'), ...local };
  const hasFieldErrors = Object.keys(humanFieldErrors(state.error, 'input.')).length > 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!form.name.trim()) problems['name'] = 'Give the cohort a name.';
    if (form.capacity === '' || form.capacity === undefined) problems['capacity'] = 'Enter how many seats the cohort has.';
    if (!form.startsOn) problems['startsOn'] = 'Choose the first day of the program.';
    if (!form.timezone) problems['timezone'] = 'Choose the timezone sessions are planned in.';
    setLocal(problems);
    if (Object.keys(problems).length) return;
    const result = await create({
      variables: {
        input: {
          name: form.name.trim(),
          capacity: Number(form.capacity),
          startsOn: form.startsOn,
          timezone: form.timezone,
          programWeeks: form.programWeeks === '' ? null : Number(form.programWeeks),
        },
      },
    }).catch(() => null);
    const cohort = result?.data?.createCohort;
    if (cohort) {
      notifySuccess(`${cohort.name} was created as a draft. Assign a coach, then open enrollment.`);
      onCancel();
      void navigate(`/admin/cohorts/${cohort.id}`);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
      <Text size="sm" c="dimmed">
        A new cohort starts as a draft: nobody can apply until you open enrollment.
      </Text>
      <TextInput label="Name" placeholder="Autumn Interdependence Circle" required value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} error={fields['name']} data-autofocus />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput label="Capacity" description="Seats for clients" required min={1} max={500} allowDecimal={false} value={form.capacity} onChange={(v) => setForm({ ...form, capacity: v })} error={fields['capacity']} />
        <NumberInput
          label="Program weeks"
          description="26 weeks is six months"
          min={1}
          max={104}
          allowDecimal={false}
          value={form.programWeeks}
          onChange={(v) => setForm({ ...form, programWeeks: v })}
          error={fields['programWeeks']}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Start date" description="First day of the program" type="date" required value={form.startsOn} onChange={(e) => setForm({ ...form, startsOn: e.currentTarget.value })} error={fields['startsOn']} />
        <Select
          label="Timezone"
          description="Sessions are planned in this zone"
          required
          searchable
          data={zones}
          value={form.timezone}
          onChange={(v) => setForm({ ...form, timezone: v ?? '' })}
          error={fields['timezone']}
          nothingFoundMessage="No timezone by that name"
          limit={100}
          comboboxProps={{ withinPortal: true }}
        />
      </SimpleGrid>
      {state.error && !hasFieldErrors && <ErrorState error={state.error} title="The cohort was not created" />}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={state.loading}>
          Create cohort
        </Button>
      </Group>
      </Stack>
    </form>
  );
}

/** The queue dashboard (reminders, emails, summaries) behind a short-lived signed link. */
function OperationsCard() {
  const client = useApolloClient();
  const [state, setState] = useState<{ loading: boolean; error?: unknown; url?: string }>({ loading: false });

  const openDashboard = async () => {
    setState({ loading: true });
    try {
      const { data } = await client.query({ query: ADMIN_QUEUE_DASHBOARD_URL, fetchPolicy: 'network-only' });
      const url = data?.queueDashboardUrl;
      if (!url) throw new Error('The API returned no dashboard address.');
      window.open(url, '_blank', 'noopener');
      setState({ loading: false, url });
    } catch (error) {
      setState({ loading: false, error });
    }
  };

  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={2} size="h4">
          Operations
        </Title>
        <Text size="sm" c="dimmed">
          The queue dashboard shows the background work: session reminders, homework nudges, weekly summaries and the emails waiting to go out. Open it to
          check that reminders and emails are being sent.
        </Text>
        <Group>
          <Button variant="light" leftSection={<IconExternalLink size={16} aria-hidden />} loading={state.loading} onClick={() => void openDashboard()}>
            Open queue dashboard
          </Button>
        </Group>
        {state.url && (
          <Text size="xs" c="dimmed" role="status">
            It opened in a new tab. If it did not,{' '}
            <Anchor href={state.url} target="_blank" rel="noopener noreferrer" size="xs">
              open the dashboard here
            </Anchor>{' '}
            (this link works for two minutes).
          </Text>
        )}
        {state.error ? <ErrorState error={state.error} title="The dashboard could not be opened" /> : null}
      </Stack>
    </Card>
  );
}
