import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Button, Card, Checkbox, CopyButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { humanFieldErrors } from '../../api/apollo-errors';
import { graphql } from '../../gql';
import type { NotificationKind } from '../../gql/graphql';
import { PageHeader } from '../../ui/page';
import { ErrorState, LoadingState } from '../../ui/states';
import { AppearanceSection } from './appearance-section';
import { LoginsSection } from './logins-section';
import { DataExportSection } from './data-export-section';
import { DeleteAccountSection } from './delete-account-section';
import { EmailSection } from './email-section';
import { PasswordSection } from './password-section';
import { ProfileSection } from './profile-section';
import { TwoFactorSection } from './two-factor-section';

const SETTINGS = graphql(`
  query Settings {
    me {
      id
      email
      name
      role
      timezone
      bio
      calendarUrl
      notificationPreferences {
        emailKinds
        quietHoursStart
        quietHoursEnd
        checkInReminderTime
      }
    }
  }
`);

const UPDATE_PREFERENCES = graphql(`
  mutation UpdateNotificationPreferences($input: NotificationPreferencesInput!) {
    updateNotificationPreferences(input: $input) {
      emailKinds
      quietHoursStart
      quietHoursEnd
      checkInReminderTime
    }
  }
`);

const ROTATE_CALENDAR = graphql(`
  mutation RotateCalendarToken {
    rotateCalendarToken {
      id
      calendarUrl
    }
  }
`);

const KINDS: { kind: NotificationKind; label: string }[] = [
  { kind: 'SESSION_REMINDER', label: 'Session reminders' },
  { kind: 'HOMEWORK_DUE', label: 'Homework due soon' },
  { kind: 'HOMEWORK_OVERDUE', label: 'Homework overdue' },
  { kind: 'FEEDBACK_READY', label: 'Feedback from your coach' },
  { kind: 'ENROLLMENT_UPDATE', label: 'Application and enrollment news' },
  { kind: 'COACH_ASSIGNED', label: 'A new coach joins my cohort' },
  { kind: 'DATA_EXPORT_READY', label: 'My data export is ready' },
  { kind: 'WEEKLY_SUMMARY', label: 'Weekly summary or note' },
  { kind: 'CHECK_IN_REMINDER', label: 'My daily check-in reminder' },
];

type Preferences = { emailKinds: NotificationKind[]; quietHoursStart?: string | null; quietHoursEnd?: string | null; checkInReminderTime?: string | null };

export function SettingsPage() {
  const { data, loading, error } = useQuery(SETTINGS);
  const [rotate, rotateState] = useMutation(ROTATE_CALENDAR);
  const [params] = useSearchParams();
  if (error) return <ErrorState error={error} />;
  if (loading && !data) return <LoadingState />;
  const prefs = data?.me.notificationPreferences ?? { emailKinds: [] };

  return (
    <>
      <PageHeader title="Settings" description={`Signed in as ${data?.me.email}. Times are shown in ${data?.me.timezone}.`} />
      <Stack gap="lg" maw={640}>
        {data && <ProfileSection key={data.me.id} initial={{ name: data.me.name, timezone: data.me.timezone, bio: data.me.bio ?? '' }} role={data.me.role} />}
        {data && <EmailSection currentEmail={data.me.email} />}
        <EmailPreferences key={data?.me.id} initial={prefs} />
        <AppearanceSection />
        <Card>
          <Title order={2} size="h4" mb="xs">
            Calendar feed
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            Subscribe to this private address in Google, Apple or Outlook calendar to see every session of your cohorts. Anyone with it can read
            your schedule: make a new one if it leaked.
          </Text>
          {data?.me.calendarUrl ? (
            <Group align="flex-end">
              <TextInput label="Your calendar address" value={data.me.calendarUrl} readOnly style={{ flex: 1 }} />
              <CopyButton value={data.me.calendarUrl}>{({ copied, copy }) => <Button variant="light" onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>}</CopyButton>
            </Group>
          ) : null}
          {rotateState.error && <ErrorState error={rotateState.error} />}
          <Button mt="md" variant="default" loading={rotateState.loading} onClick={() => rotate().catch(() => undefined)}>
            Make a new address
          </Button>
        </Card>
        <PasswordSection />
        {(data?.me.role === 'COACH' || data?.me.role === 'ADMIN') && <TwoFactorSection required={params.get('two-factor') === 'required'} />}
        <LoginsSection />
        {data?.me.role === 'CLIENT' && (
          <Card>
            <Title order={2} size="h4" mb="xs">
              Privacy
            </Title>
            <Text size="sm" c="dimmed" mb="xs">
              Your coaches can read the homework you send. Every time someone other than you opens an answer, it is listed for you.
            </Text>
            <Anchor component={Link} to="/privacy" size="sm" fw={500}>
              See who has read your writing
            </Anchor>
          </Card>
        )}
        <DataExportSection />
        <DeleteAccountSection />
      </Stack>
    </>
  );
}

/** Starts from the saved preferences; keyed by user so another login never sees the last one’s. */
function EmailPreferences({ initial }: { initial: Preferences }) {
  const [kinds, setKinds] = useState<NotificationKind[]>(initial.emailKinds);
  const [quiet, setQuiet] = useState({ start: initial.quietHoursStart ?? '', end: initial.quietHoursEnd ?? '' });
  const [reminder, setReminder] = useState(initial.checkInReminderTime ?? '');
  const [saved, setSaved] = useState(false);
  const [update, updateState] = useMutation(UPDATE_PREFERENCES, { refetchQueries: [{ query: SETTINGS }] });
  const fields = humanFieldErrors(updateState.error, 'input.');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const result = await update({
      variables: { input: { emailKinds: kinds, quietHoursStart: quiet.start || null, quietHoursEnd: quiet.end || null, checkInReminderTime: reminder || null } },
    }).catch(() => null);
    if (result?.data) setSaved(true);
  };

  return (
    <Card component="form" onSubmit={submit} noValidate>
          <Title order={2} size="h4" mb="xs">
            Email
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            Every notification stays in the app; choose which ones also come by email.
          </Text>
          <Checkbox.Group value={kinds} onChange={(v) => setKinds(v as NotificationKind[])} label="Send me an email for" error={fields['emailKinds']}>
            <Stack gap="xs" mt="xs">
              {KINDS.map((k) => (
                <Checkbox key={k.kind} value={k.kind} label={k.label} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Group mt="md" grow>
            <TextInput label="Quiet hours from" type="time" value={quiet.start} onChange={(e) => setQuiet({ ...quiet, start: e.currentTarget.value })} error={fields['quietHoursStart']} />
            <TextInput label="until" type="time" value={quiet.end} onChange={(e) => setQuiet({ ...quiet, end: e.currentTarget.value })} error={fields['quietHoursEnd']} />
          </Group>
          <Text size="xs" c="dimmed" mt={4}>
            No email between these times in your timezone. Leave both empty for none.
          </Text>
          <TextInput
            mt="md"
            label="Daily check-in reminder"
            description="A gentle reminder at this time in your timezone, on days you have not checked in yet (never in your quiet hours). Leave empty for none."
            type="time"
            value={reminder}
            onChange={(e) => setReminder(e.currentTarget.value)}
            error={fields['checkInReminderTime']}
            maw={220}
          />
          {updateState.error && !Object.keys(fields).length && <ErrorState error={updateState.error} />}
          <Group mt="md">
            <Button type="submit" loading={updateState.loading}>
              Save preferences
            </Button>
            {saved && (
              <Text size="sm" c="var(--anchored-success-text)" role="status">
                Saved.
              </Text>
            )}
          </Group>
        </Card>
  );
}
