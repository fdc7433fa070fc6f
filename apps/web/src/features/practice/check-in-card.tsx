import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Card, Group, Radio, Slider, Stack, Text, Textarea, Title } from '@mantine/core';
import { DateTime } from 'luxon';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../auth/auth-context';
import type { Location, NervousSystemState } from '../../gql/graphql';
import { ErrorState } from '../../ui/states';
import { notifySuccess } from '../../ui/notify';
import { anchoredWords, LOCATIONS, locationLabel, stateLabel, STATES } from './check-in-copy';
import { CHECK_IN, MY_CHECK_INS_FROM } from './operations';

/**
 * The one-minute daily check-in: where am I, how is my nervous system, how anchored do I feel,
 * and a private note. One per local day; saving again the same day replaces it.
 */
export function CheckInCard({ order = 2 }: { order?: 2 | 3 }) {
  const me = useMe();
  const today = DateTime.now().setZone(me.timezone).toFormat('yyyy-MM-dd');
  const { data } = useQuery(MY_CHECK_INS_FROM, { variables: { from: today }, fetchPolicy: 'cache-and-network' });
  const done = data?.myCheckIns.find((c) => c.localDate === today) ?? null;
  const [editing, setEditing] = useState(false);
  const [location, setLocation] = useState<Location | ''>('');
  const [state, setState] = useState<NervousSystemState | ''>('');
  const [anchored, setAnchored] = useState(5);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const [checkIn, { loading, error }] = useMutation(CHECK_IN, {
    refetchQueries: ['MyCheckInsFrom', 'MyCheckInTrend', 'CohortWeather'],
    awaitRefetchQueries: true,
  });

  const startEditing = () => {
    if (done) {
      setLocation(done.location);
      setState(done.state);
      setAnchored(done.anchored);
      setNote(done.note ?? '');
    }
    setEditing(true);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!location || !state) {
      setMissing(!location ? 'Please choose where you are located right now.' : 'Please choose how your nervous system feels.');
      return;
    }
    setMissing(null);
    await checkIn({ variables: { input: { location, state, anchored, note: note.trim() || null } } });
    setEditing(false);
    notifySuccess('Checked in for today. Thank you for pausing.');
  };

  const headingId = 'check-in-heading';
  if (done && !editing) {
    return (
      <Card component="section" aria-labelledby={headingId}>
        <Title order={order} size="h4" id={headingId}>
          Today’s check-in
        </Title>
        <Text size="sm" mt="xs" role="status">
          You checked in today: {locationLabel(done.location).toLowerCase()}, {stateLabel(done.state).toLowerCase()}, anchored {done.anchored} of 10.
        </Text>
        <Group gap="md" mt="xs">
          <Button variant="subtle" px={0} onClick={startEditing}>
            Change today’s check-in
          </Button>
          <Anchor component={Link} to="/practice" size="sm">
            See my practice
          </Anchor>
        </Group>
      </Card>
    );
  }

  return (
    <Card component="section" aria-labelledby={headingId}>
      <form onSubmit={submit} noValidate aria-labelledby={headingId}>
        <Stack gap="md">
          <div>
            <Title order={order} size="h4" id={headingId}>
              Daily check-in
            </Title>
            <Text size="sm" c="dimmed">
              A minute to notice where you are. Saving again today replaces this one.
            </Text>
          </div>
          <Radio.Group label="Where am I located right now?" value={location} onChange={(v) => setLocation(v as Location)} required>
            <Stack gap="xs" mt="xs">
              {LOCATIONS.map((l) => (
                <Radio key={l.value} value={l.value} label={l.label} description={l.hint} />
              ))}
            </Stack>
          </Radio.Group>
          <Radio.Group label="How is my nervous system?" value={state} onChange={(v) => setState(v as NervousSystemState)} required>
            <Stack gap="xs" mt="xs">
              {STATES.map((s) => (
                <Radio key={s.value} value={s.value} label={s.label} description={s.hint} />
              ))}
            </Stack>
          </Radio.Group>
          <div>
            <Text size="sm" fw={500} aria-hidden>
              How anchored in myself do I feel? {anchored} of 10, {anchoredWords(anchored)}
            </Text>
            <Slider
              mt="xs"
              mb="lg"
              min={0}
              max={10}
              step={1}
              value={anchored}
              onChange={setAnchored}
              thumbLabel="How anchored in myself I feel, 0 to 10"
              thumbProps={{ 'aria-valuetext': `${anchored} of 10, ${anchoredWords(anchored)}` }}
              marks={[
                { value: 0, label: '0' },
                { value: 5, label: '5' },
                { value: 10, label: '10' },
              ]}
            />
          </div>
          <Textarea
            label="A note for yourself (optional)"
            description="Only you will ever read this. Your coach sees your check-in, never your note."
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
          />
          {missing && (
            <Alert color="orange" variant="light" role="alert">
              {missing}
            </Alert>
          )}
          {error && <ErrorState error={error} title="Your check-in was not saved" />}
          <Button type="submit" loading={loading} fullWidth>
            Save check-in
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
