import { useMutation } from '@apollo/client/react';
import { Button, Card, Group, NativeSelect, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useFieldErrors } from '../../api/apollo-errors';
import { graphql } from '../../gql';
import { timezoneOptions } from '../../lib/time';
import { ErrorState } from '../../ui/states';

const UPDATE_PROFILE = graphql(`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      id
      name
      timezone
      bio
    }
  }
`);

/** The API's limit on a coach's public bio. */
export const BIO_MAX_LENGTH = 600;

/**
 * Name and timezone. The answer carries the user's id, so Apollo's cache updates `me` in place:
 * the header, and every time shown in the person's zone, follow without a reload. Coaches and
 * admins also write a short public bio, shown to visitors with the cohorts they lead.
 */
export function ProfileSection({ initial, role }: { initial: { name: string; timezone: string; bio: string }; role: string }) {
  const hasBio = role === 'COACH' || role === 'ADMIN';
  const [form, setForm] = useState(initial);
  const [saved, setSaved] = useState(false);
  const [update, state] = useMutation(UPDATE_PROFILE);
  const { errors: fields, clear } = useFieldErrors(state.error, 'input.');
  const zones = useMemo(() => Array.from(new Set([initial.timezone, ...timezoneOptions()])), [initial.timezone]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const result = await update({ variables: { input: { name: form.name.trim(), timezone: form.timezone, ...(hasBio ? { bio: form.bio.trim() } : {}) } } }).catch(() => null);
    if (result?.data) setSaved(true);
  };

  return (
    <Card component="form" onSubmit={submit} noValidate aria-labelledby="profile-heading">
      <Title order={2} size="h4" mb="xs" id="profile-heading">
        Profile
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Your name is shown to your coaches and your group. Every time in Anchored, your reminders and your quiet hours follow your timezone.
      </Text>
      <TextInput label="Your name" autoComplete="name" required value={form.name} error={fields['name']} onChange={(e) => (setForm({ ...form, name: e.currentTarget.value }), clear('name'))} />
      <NativeSelect mt="sm" label="Your timezone" data={zones} value={form.timezone} error={fields['timezone']} onChange={(e) => (setForm({ ...form, timezone: e.currentTarget.value }), clear('timezone'))} />
      {hasBio && (
        <Textarea
          mt="sm"
          label="Your bio"
          description={`A few sentences about you and your work, shown to people choosing a cohort you lead. ${form.bio.length} of ${BIO_MAX_LENGTH} characters.`}
          autosize
          minRows={3}
          maxLength={BIO_MAX_LENGTH}
          value={form.bio}
          error={fields['bio']}
          onChange={(e) => (setForm({ ...form, bio: e.currentTarget.value }), clear('bio'))}
        />
      )}
      {state.error && !Object.keys(fields).length && <ErrorState error={state.error} title="Your profile was not saved" />}
      <Group mt="md">
        <Button type="submit" loading={state.loading}>
          Save profile
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
