import { useMutation } from '@apollo/client/react';
import { Button, Card, Checkbox, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { humanFieldErrors } from '../../api/apollo-errors';
import type { CoachCohortSessionsQuery } from '../../gql/graphql';
import { ConfirmBody } from '../../ui/confirm';
import { Dialog } from '../../ui/dialog';
import { notifySuccess } from '../../ui/notify';
import { ErrorState } from '../../ui/states';
import { DateTimeText } from '../../ui/time';
import { COACH_CANCEL_SERIES, COACH_COHORT_CHARTS, COACH_COHORT_PROGRESS, COACH_COHORT_SESSIONS, COACH_SKIP_SERIES_DATES, COACH_UPDATE_SESSION } from './operations';
import { dayIn, upcomingSeries } from './sessions';

type Cohort = CoachCohortSessionsQuery['cohort'];
type Session = Cohort['sessions'][number];
type Series = ReturnType<typeof upcomingSeries<Session>>[number];

const refetchFor = (cohortId: string) => [
  { query: COACH_COHORT_SESSIONS, variables: { id: cohortId } },
  { query: COACH_COHORT_PROGRESS, variables: { id: cohortId } },
  { query: COACH_COHORT_CHARTS, variables: { id: cohortId } },
];

/** Weekly series still running: skip some of their days (holidays) or cancel the rest of them. */
export function SeriesSection({ cohort }: { cohort: Cohort }) {
  const series = upcomingSeries(cohort.sessions);
  const [dialog, setDialog] = useState<{ kind: 'skip' | 'cancel'; seriesId: string } | null>(null);
  const close = () => setDialog(null);
  const open = series.find((s) => s.seriesId === dialog?.seriesId) ?? null;
  if (series.length === 0 && !dialog) return null;

  return (
    <section aria-labelledby="session-series">
      <Title order={2} size="h3" id="session-series" mb="sm">
        Weekly series
      </Title>
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {series.map((s) => (
          <Card component="li" key={s.seriesId} padding="md">
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Stack gap={2}>
                <Text fw={600}>{s.title}</Text>
                <Text size="sm" c="dimmed">
                  {s.sessions.length} still to come, next <DateTimeText iso={s.sessions[0].startsAt} />
                </Text>
              </Stack>
              <Group gap={6}>
                <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'skip', seriesId: s.seriesId })} aria-label={`Skip dates of the series ${s.title}`}>
                  Skip dates
                </Button>
                <Button size="xs" variant="subtle" color="red" onClick={() => setDialog({ kind: 'cancel', seriesId: s.seriesId })} aria-label={`Cancel series ${s.title}`}>
                  Cancel series
                </Button>
              </Group>
            </Group>
          </Card>
        ))}
      </Stack>
      <Dialog opened={dialog?.kind === 'skip' && open !== null} onClose={close} title={open ? `Skip dates: ${open.title}` : 'Skip dates'} size="lg">
        {open && dialog?.kind === 'skip' && <SkipDatesForm key={open.seriesId} cohort={cohort} series={open} onDone={close} />}
      </Dialog>
      <Dialog opened={dialog?.kind === 'cancel' && open !== null} onClose={close} title="Cancel the whole series?">
        {open && dialog?.kind === 'cancel' && <CancelSeriesConfirm cohortId={cohort.id} series={open} onDone={close} />}
      </Dialog>
    </section>
  );
}

function SkipDatesForm({ cohort, series, onDone }: { cohort: Cohort; series: Series; onDone: () => void }) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [localError, setLocalError] = useState<string | null>(null);
  const [skip, state] = useMutation(COACH_SKIP_SERIES_DATES, { refetchQueries: refetchFor(cohort.id), awaitRefetchQueries: true });
  const serverErrors = humanFieldErrors(state.error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (chosen.length === 0) {
      setLocalError('Tick at least one date to skip.');
      return;
    }
    setLocalError(null);
    const dates = series.sessions.filter((s) => chosen.includes(s.id)).map((s) => dayIn(s.startsAt, cohort.timezone));
    const result = await skip({ variables: { seriesId: series.seriesId, dates } }).catch(() => null);
    if (result?.data) {
      const n = result.data.skipSeriesDates.length;
      notifySuccess(`${n} session${n === 1 ? '' : 's'} of ${series.title} cancelled. Clients’ calendars show the change.`);
      onDone();
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Checkbox.Group
          label="Dates to skip"
          description="The chosen sessions are cancelled for everyone; the rest of the series stays."
          value={chosen}
          onChange={(v) => {
            setChosen(v);
            setLocalError(null);
          }}
          error={localError ?? serverErrors['dates']}
        >
          <Stack gap={6} mt={6}>
            {series.sessions.map((s) => (
              <Checkbox key={s.id} value={s.id} label={<DateTimeText iso={s.startsAt} />} />
            ))}
          </Stack>
        </Checkbox.Group>
        {state.error && !serverErrors['dates'] && <ErrorState error={state.error} title="No dates were skipped" />}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            Close
          </Button>
          <Button type="submit" color="red" loading={state.loading}>
            Skip {chosen.length || ''} date{chosen.length === 1 ? '' : 's'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CancelSeriesConfirm({ cohortId, series, onDone }: { cohortId: string; series: Series; onDone: () => void }) {
  const [cancel, state] = useMutation(COACH_CANCEL_SERIES, { refetchQueries: refetchFor(cohortId), awaitRefetchQueries: true });
  const confirm = async () => {
    const result = await cancel({ variables: { seriesId: series.seriesId } }).catch(() => null);
    if (result?.data) {
      notifySuccess(`${series.title}: ${result.data.cancelSessionSeries.length} sessions cancelled.`);
      onDone();
    }
  };
  return (
    <ConfirmBody
      keepLabel="Keep series"
      confirmLabel="Cancel series"
      loading={state.loading}
      error={state.error}
      errorTitle="The series was not cancelled"
      onKeep={onDone}
      onConfirm={() => void confirm()}
    >
      All {series.sessions.length} sessions of “{series.title}” still to come will be cancelled for everyone in the cohort. Sessions already held keep their attendance.
      This cannot be undone, but you can always schedule a new series.
    </ConfirmBody>
  );
}

/** Corrects a session's title or meeting link; calendars update like after a move. */
export function EditSessionForm({ cohortId, session, onDone }: { cohortId: string; session: Session; onDone: () => void }) {
  const [form, setForm] = useState({ title: session.title, meetingUrl: session.meetingUrl ?? '' });
  const [localError, setLocalError] = useState<string | null>(null);
  const [update, state] = useMutation(COACH_UPDATE_SESSION, { refetchQueries: refetchFor(cohortId), awaitRefetchQueries: true });
  const serverErrors = humanFieldErrors(state.error, 'input.');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form.title.trim()) {
      setLocalError('Give the session a title.');
      return;
    }
    setLocalError(null);
    const result = await update({ variables: { input: { sessionId: session.id, title: form.title.trim(), meetingUrl: form.meetingUrl.trim() } } }).catch(() => null);
    if (result?.data) {
      notifySuccess(`${result.data.updateSession.title} is updated.`);
      onDone();
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          <DateTimeText iso={session.startsAt} /> · {session.durationMinutes} minutes
        </Text>
        <TextInput label="Title" value={form.title} onChange={(e) => setForm({ ...form, title: e.currentTarget.value })} error={localError ?? serverErrors['title']} required data-autofocus />
        <TextInput
          label="Meeting link"
          description="Leave empty to remove the link."
          type="url"
          value={form.meetingUrl}
          onChange={(e) => setForm({ ...form, meetingUrl: e.currentTarget.value })}
          error={serverErrors['meetingUrl']}
        />
        {state.error && !Object.keys(serverErrors).length && <ErrorState error={state.error} title="The session was not changed" />}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            Close
          </Button>
          <Button type="submit" loading={state.loading}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
