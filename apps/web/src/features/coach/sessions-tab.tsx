import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Button, Checkbox, Group, Radio, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { notifySuccess } from '../../ui/notify';
import { useState, type FormEvent } from 'react';
import { humanFieldErrors } from '../../api/apollo-errors';
import { useMe } from '../../auth/auth-context';
import type { AttendanceStatus, CoachCohortSessionsQuery } from '../../gql/graphql';
import { formatDateTime, isoToLocalInput, isPast, localInputToIso } from '../../lib/time';
import { ErrorState, QueryState } from '../../ui/states';
import { Dialog } from '../../ui/dialog';
import { ConfirmBody } from '../../ui/confirm';
import { ResponsiveTable } from '../../ui/responsive-table';
import { StatusBadge } from '../../ui/status';
import { DateTimeText } from '../../ui/time';
import {
  COACH_CANCEL_SESSION,
  COACH_COHORT_CHARTS,
  COACH_COHORT_PROGRESS,
  COACH_COHORT_SESSIONS,
  COACH_CREATE_SESSION,
  COACH_RECORD_ATTENDANCE,
  COACH_RESCHEDULE_SESSION,
  COACH_SCHEDULE_SERIES,
} from './operations';
import { EditSessionForm, SeriesSection } from './series-section';
import { changedMarks, checkDuration, checkSeries, initialMarks, splitSessions, WEEKDAYS } from './sessions';

type Cohort = CoachCohortSessionsQuery['cohort'];
type Session = Cohort['sessions'][number];
type Client = Cohort['enrollments'][number]['client'];

type Dialog = { kind: 'new' } | { kind: 'series' } | { kind: 'attendance' | 'reschedule' | 'cancel' | 'edit'; session: Session } | null;

const refetchFor = (cohortId: string) => [
  { query: COACH_COHORT_SESSIONS, variables: { id: cohortId } },
  { query: COACH_COHORT_PROGRESS, variables: { id: cohortId } },
  { query: COACH_COHORT_CHARTS, variables: { id: cohortId } },
];

const UPCOMING_SHOWN = 6;

export function SessionsTab({ cohortId }: { cohortId: string }) {
  const { data, loading, error } = useQuery(COACH_COHORT_SESSIONS, { variables: { id: cohortId } });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [showAll, setShowAll] = useState(false);
  const cohort = data?.cohort;
  const { upcoming, past } = splitSessions(cohort?.sessions ?? []);
  const clients = (cohort?.enrollments ?? []).map((e) => e.client);
  const close = () => setDialog(null);
  const sessionOf = (d: Dialog) => (d && 'session' in d ? (cohort?.sessions.find((s) => s.id === d.session.id) ?? d.session) : null);
  const current = sessionOf(dialog);

  return (
    <QueryState loading={loading && !data} error={error}>
      {cohort && (
        <Stack gap="xl">
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" c="dimmed">
              Times are shown in your timezone. Attendance can be taken once a session has started.
            </Text>
            <Group gap="sm">
              <Button onClick={() => setDialog({ kind: 'new' })}>New session</Button>
              <Button variant="light" onClick={() => setDialog({ kind: 'series' })}>
                Schedule a series
              </Button>
            </Group>
          </Group>
          <SeriesSection cohort={cohort} />
          <section aria-labelledby="upcoming-sessions">
            <Title order={2} size="h3" id="upcoming-sessions" mb="sm">
              Upcoming ({upcoming.length})
            </Title>
            {upcoming.length === 0 ? (
              <Text size="sm" c="dimmed">
                No sessions planned. Add one, or schedule a weekly series.
              </Text>
            ) : (
              <>
                <SessionTable caption="Upcoming sessions, soonest first" sessions={showAll ? upcoming : upcoming.slice(0, UPCOMING_SHOWN)} clients={clients} onAction={setDialog} />
                {upcoming.length > UPCOMING_SHOWN && (
                  <Button variant="subtle" mt="xs" onClick={() => setShowAll(!showAll)}>
                    {showAll ? 'Show fewer' : `Show all ${upcoming.length} upcoming sessions`}
                  </Button>
                )}
              </>
            )}
          </section>
          <section aria-labelledby="past-sessions">
            <Title order={2} size="h3" id="past-sessions" mb="sm">
              Past ({past.length})
            </Title>
            {past.length === 0 ? (
              <Text size="sm" c="dimmed">
                No sessions have taken place yet.
              </Text>
            ) : (
              <SessionTable caption="Past sessions, most recent first" sessions={past} clients={clients} onAction={setDialog} />
            )}
          </section>
        </Stack>
      )}
      <Dialog opened={dialog?.kind === 'new'} onClose={close} title="New session">
        {cohort && dialog?.kind === 'new' && <NewSessionForm cohortId={cohortId} onDone={close} />}
      </Dialog>
      <Dialog opened={dialog?.kind === 'series'} onClose={close} title="Schedule a weekly series" size="lg">
        {cohort && dialog?.kind === 'series' && <SeriesForm cohort={cohort} onDone={close} />}
      </Dialog>
      <Dialog opened={dialog?.kind === 'attendance'} onClose={close} title={current ? `Attendance: ${current.title}` : 'Attendance'} size="lg">
        {current && dialog?.kind === 'attendance' && <AttendanceForm key={current.id} session={current} clients={clients} onDone={close} />}
      </Dialog>
      <Dialog opened={dialog?.kind === 'reschedule'} onClose={close} title="Reschedule session">
        {current && dialog?.kind === 'reschedule' && <RescheduleForm cohortId={cohortId} session={current} onDone={close} />}
      </Dialog>
      <Dialog opened={dialog?.kind === 'edit'} onClose={close} title="Edit session">
        {current && dialog?.kind === 'edit' && <EditSessionForm key={current.id} cohortId={cohortId} session={current} onDone={close} />}
      </Dialog>
      <Dialog opened={dialog?.kind === 'cancel'} onClose={close} title="Cancel this session?">
        {current && dialog?.kind === 'cancel' && <CancelConfirm cohortId={cohortId} session={current} onDone={close} />}
      </Dialog>
    </QueryState>
  );
}

function SessionTable({ caption, sessions, clients, onAction }: { caption: string; sessions: Session[]; clients: Client[]; onAction: (d: Dialog) => void }) {
  const { timezone } = useMe();
  const rows = sessions.map((s) => ({
    s,
    when: formatDateTime(s.startsAt, timezone),
    started: isPast(s.startsAt),
    cancelled: s.status === 'CANCELLED',
    present: s.attendance.filter((a) => a.status === 'PRESENT').length,
  }));
  return (
    <ResponsiveTable
      caption={caption}
      minWidth={760}
      rows={rows}
      rowKey={(r) => r.s.id}
      columns={[
        {
          header: 'Session',
          kind: 'title',
          cell: ({ s, when, started, cancelled }) => (
            <>
              <Text size="sm" fw={500}>
                {s.title}
              </Text>
              <Group gap="sm">
                {s.meetingUrl && (
                  <Anchor href={s.meetingUrl} target="_blank" rel="noreferrer" size="xs">
                    Meeting link<VisuallyHidden> for {s.title} on {when}</VisuallyHidden>
                  </Anchor>
                )}
                {/* This one session as an .ics file; a cancelled or past one is not offered. */}
                {!cancelled && !started && (
                  <Anchor href={s.calendarFileUrl} size="xs">
                    Add to calendar<VisuallyHidden> for {s.title} on {when}</VisuallyHidden>
                  </Anchor>
                )}
              </Group>
            </>
          ),
        },
        {
          header: 'When',
          cell: ({ s }) => (
            <>
              <Text size="sm">
                <DateTimeText iso={s.startsAt} />
              </Text>
              <Text size="xs" c="dimmed">
                {s.durationMinutes} minutes
              </Text>
            </>
          ),
        },
        { header: 'Status', kind: 'status', cell: ({ s }) => <StatusBadge status={s.status} /> },
        {
          header: 'Present',
          cell: ({ s, cancelled, started, present }) => (
            <Text size="sm">{cancelled ? '—' : s.attendance.length ? `${present} of ${clients.length}` : started ? 'Not taken yet' : '—'}</Text>
          ),
        },
        {
          header: 'Actions',
          kind: 'actions',
          cell: ({ s, when, cancelled, started }) =>
            cancelled ? null : (
              <Group gap={6} wrap="wrap">
                <Button size="xs" variant="default" onClick={() => onAction({ kind: 'edit', session: s })} aria-label={`Edit ${s.title}, ${when}`}>
                  Edit
                </Button>
                {started && (
                  <Button size="xs" variant={s.attendance.length ? 'default' : 'light'} onClick={() => onAction({ kind: 'attendance', session: s })} aria-label={`Take attendance for ${s.title}, ${when}`}>
                    Take attendance
                  </Button>
                )}
                {!started && (
                  <>
                    <Button size="xs" variant="default" onClick={() => onAction({ kind: 'reschedule', session: s })} aria-label={`Reschedule ${s.title}, ${when}`}>
                      Reschedule
                    </Button>
                    <Button size="xs" variant="subtle" color="red" onClick={() => onAction({ kind: 'cancel', session: s })} aria-label={`Cancel ${s.title}, ${when}`}>
                      Cancel
                    </Button>
                  </>
                )}
              </Group>
            ),
        },
      ]}
    />
  );
}

const ATTENDANCE_OPTIONS: { value: AttendanceStatus; label: string }[] = [
  { value: 'PRESENT', label: 'Present' },
  { value: 'ABSENT', label: 'Absent' },
  { value: 'EXCUSED', label: 'Excused' },
];

function AttendanceForm({ session, clients, onDone }: { session: Session; clients: Client[]; onDone: () => void }) {
  const client = useApolloClient();
  const saved = initialMarks(
    clients.map((c) => c.id),
    session.attendance,
  );
  const [marks, setMarks] = useState(saved);
  const [record] = useMutation(COACH_RECORD_ATTENDANCE);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const changes = changedMarks(marks, saved);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setFailure(null);
    let ok = true;
    try {
      for (const change of changes) await record({ variables: { sessionId: session.id, ...change } });
    } catch (e) {
      ok = false;
      setFailure(e);
    }
    // Whatever was saved, also before a failure, shows in the lists and figures.
    await client.refetchQueries({ include: [COACH_COHORT_SESSIONS, COACH_COHORT_PROGRESS, COACH_COHORT_CHARTS] }).catch(() => undefined);
    setSaving(false);
    if (ok) {
      notifySuccess(`Attendance saved for ${session.title}.`);
      onDone();
    }
  };

  if (clients.length === 0) return <Text size="sm">No one is enrolled yet, so there is no attendance to take.</Text>;
  return (
    <form onSubmit={submit} noValidate>
      <Text size="sm" c="dimmed" mb="md">
        <DateTimeText iso={session.startsAt} /> · {session.durationMinutes} minutes
      </Text>
      <Stack gap="md">
        {clients.map((c) => (
          <Radio.Group key={c.id} label={c.name} value={marks[c.id] ?? ''} onChange={(v) => setMarks({ ...marks, [c.id]: v as AttendanceStatus })}>
            <Group gap="lg" mt={6}>
              {ATTENDANCE_OPTIONS.map((o) => (
                <Radio key={o.value} value={o.value} label={o.label} />
              ))}
            </Group>
          </Radio.Group>
        ))}
      </Stack>
      {failure !== null && <ErrorState error={failure} title="Some attendance was not saved" />}
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onDone}>
          Close
        </Button>
        <Button type="submit" loading={saving} disabled={changes.length === 0}>
          Save attendance
        </Button>
      </Group>
    </form>
  );
}

function NewSessionForm({ cohortId, onDone }: { cohortId: string; onDone: () => void }) {
  const { timezone } = useMe();
  const [form, setForm] = useState({ title: '', start: '', duration: '90', meetingUrl: '' });
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [create, state] = useMutation(COACH_CREATE_SESSION, { refetchQueries: refetchFor(cohortId), awaitRefetchQueries: true });
  const serverErrors = humanFieldErrors(state.error, 'input.');
  const errors = { ...serverErrors, ...localErrors };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!form.title.trim()) problems['title'] = 'Give the session a title.';
    const startsAt = form.start ? localInputToIso(form.start, timezone) : null;
    if (!startsAt) problems['startsAt'] = 'Choose when it starts.';
    const duration = checkDuration(form.duration);
    if (duration.error) problems['durationMinutes'] = duration.error;
    setLocalErrors(problems);
    if (Object.keys(problems).length || !startsAt || !duration.value) return;
    const result = await create({
      variables: { input: { cohortId, title: form.title.trim(), startsAt, durationMinutes: duration.value, meetingUrl: form.meetingUrl.trim() || null } },
    }).catch(() => null);
    if (result?.data) {
      notifySuccess(`“${form.title.trim()}” is on the calendar.`);
      onDone();
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label="Title" value={form.title} onChange={(e) => setForm({ ...form, title: e.currentTarget.value })} error={errors['title']} required data-autofocus />
        <TextInput
          label="Starts"
          type="datetime-local"
          description={`In your timezone (${timezone}).`}
          value={form.start}
          onChange={(e) => setForm({ ...form, start: e.currentTarget.value })}
          error={errors['startsAt']}
          required
        />
        <TextInput label="Length in minutes" type="number" min={5} max={600} value={form.duration} onChange={(e) => setForm({ ...form, duration: e.currentTarget.value })} error={errors['durationMinutes']} required />
        <TextInput label="Meeting link" description="Optional, e.g. a video call address." type="url" value={form.meetingUrl} onChange={(e) => setForm({ ...form, meetingUrl: e.currentTarget.value })} error={errors['meetingUrl']} />
        {state.error && !Object.keys(serverErrors).length && <ErrorState error={state.error} title="The session was not created" />}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            Close
          </Button>
          <Button type="submit" loading={state.loading}>
            Create session
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SeriesForm({ cohort, onDone }: { cohort: Cohort; onDone: () => void }) {
  const [form, setForm] = useState({ title: '', weekdays: [] as string[], localTime: '19:00', durationMinutes: '90', meetingUrl: '' });
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<number | null>(null);
  const [schedule, state] = useMutation(COACH_SCHEDULE_SERIES, { refetchQueries: refetchFor(cohort.id), awaitRefetchQueries: true });
  const serverErrors = humanFieldErrors(state.error, 'input.');
  const errors = { ...serverErrors, ...localErrors };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkSeries(form);
    if ('errors' in checked) {
      setLocalErrors(checked.errors);
      return;
    }
    setLocalErrors({});
    const result = await schedule({ variables: { input: { cohortId: cohort.id, ...checked.input } } }).catch(() => null);
    if (result?.data) {
      const n = result.data.scheduleSessionSeries.length;
      setCreated(n);
      notifySuccess(`${n} session${n === 1 ? '' : 's'} added to the calendar.`);
    }
  };

  if (created !== null) {
    return (
      <Stack gap="md">
        <Text role="status">
          {created === 0
            ? 'No new sessions were needed: none of the chosen days fall in the rest of the program.'
            : `${created} session${created === 1 ? ' was' : 's were'} created, one for each chosen weekday until the program ends.`}
        </Text>
        <Group justify="flex-end">
          <Button onClick={onDone}>Done</Button>
        </Group>
      </Stack>
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          One session on each chosen weekday, from the program’s first day to its last.
        </Text>
        <TextInput label="Title" value={form.title} onChange={(e) => setForm({ ...form, title: e.currentTarget.value })} error={errors['title']} required data-autofocus />
        <Checkbox.Group label="Days of the week" value={form.weekdays} onChange={(v) => setForm({ ...form, weekdays: v })} error={errors['weekdays']} required>
          <Group gap="md" mt={6}>
            {WEEKDAYS.map((d) => (
              <Checkbox key={d.value} value={String(d.value)} label={d.label} />
            ))}
          </Group>
        </Checkbox.Group>
        <TextInput
          label="Time of day"
          type="time"
          description={`In the cohort’s timezone (${cohort.timezone}), so it stays the same local time across daylight-saving changes.`}
          value={form.localTime}
          onChange={(e) => setForm({ ...form, localTime: e.currentTarget.value })}
          error={errors['localTime']}
          required
        />
        <TextInput
          label="Length in minutes"
          type="number"
          min={5}
          max={600}
          value={form.durationMinutes}
          onChange={(e) => setForm({ ...form, durationMinutes: e.currentTarget.value })}
          error={errors['durationMinutes']}
          required
        />
        <TextInput label="Meeting link" description="Optional, used for every session of the series." type="url" value={form.meetingUrl} onChange={(e) => setForm({ ...form, meetingUrl: e.currentTarget.value })} error={errors['meetingUrl']} />
        {state.error && !Object.keys(serverErrors).length && <ErrorState error={state.error} title="The series was not scheduled" />}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            Close
          </Button>
          <Button type="submit" loading={state.loading}>
            Schedule series
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RescheduleForm({ cohortId, session, onDone }: { cohortId: string; session: Session; onDone: () => void }) {
  const { timezone } = useMe();
  const [start, setStart] = useState(() => isoToLocalInput(session.startsAt, timezone));
  const [localError, setLocalError] = useState<string | null>(null);
  const [reschedule, state] = useMutation(COACH_RESCHEDULE_SESSION, { refetchQueries: refetchFor(cohortId), awaitRefetchQueries: true });
  const serverErrors = humanFieldErrors(state.error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const startsAt = start ? localInputToIso(start, timezone) : null;
    if (!startsAt) {
      setLocalError('Choose the new start time.');
      return;
    }
    setLocalError(null);
    const result = await reschedule({ variables: { sessionId: session.id, startsAt } }).catch(() => null);
    if (result?.data) {
      notifySuccess(`${session.title} moved to ${formatDateTime(startsAt, timezone)}. Clients will see the new time.`);
      onDone();
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          {session.title}, now <DateTimeText iso={session.startsAt} />.
        </Text>
        <TextInput
          label="New start"
          type="datetime-local"
          description={`In your timezone (${timezone}).`}
          value={start}
          onChange={(e) => setStart(e.currentTarget.value)}
          error={localError ?? serverErrors['startsAt']}
          required
          data-autofocus
        />
        {state.error && !serverErrors['startsAt'] && <ErrorState error={state.error} title="The session was not moved" />}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            Close
          </Button>
          <Button type="submit" loading={state.loading}>
            Save new time
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CancelConfirm({ cohortId, session, onDone }: { cohortId: string; session: Session; onDone: () => void }) {
  const [cancel, state] = useMutation(COACH_CANCEL_SESSION, { refetchQueries: refetchFor(cohortId), awaitRefetchQueries: true });
  const confirm = async () => {
    const result = await cancel({ variables: { sessionId: session.id } }).catch(() => null);
    if (result?.data) {
      notifySuccess(`${session.title} is cancelled.`);
      onDone();
    }
  };
  return (
    <ConfirmBody
      keepLabel="Keep session"
      confirmLabel="Cancel session"
      loading={state.loading}
      error={state.error}
      errorTitle="The session was not cancelled"
      onKeep={onDone}
      onConfirm={() => void confirm()}
    >
      {session.title} on <DateTimeText iso={session.startsAt} /> will be cancelled for everyone in the cohort. This cannot be undone, but you can always
      add a new session.
    </ConfirmBody>
  );
}
