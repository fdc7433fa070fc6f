import { useMutation } from '@apollo/client/react';
import { Button, Card, Group, PasswordInput, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { humanFieldErrors } from '../../api/apollo-errors';
import { graphql } from '../../gql';
import { ErrorState } from '../../ui/states';

const REQUEST_EMAIL_CHANGE = graphql(`
  mutation RequestEmailChange($newEmail: String!, $currentPassword: String!) {
    requestEmailChange(newEmail: $newEmail, currentPassword: $currentPassword)
  }
`);

/** A new address needs the current password and is used only once the link sent to it is followed. */
export function EmailSection({ currentEmail }: { currentEmail: string }) {
  const [form, setForm] = useState({ newEmail: '', currentPassword: '' });
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [change, state] = useMutation(REQUEST_EMAIL_CHANGE);
  const fields = humanFieldErrors(state.error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSentTo(null);
    const newEmail = form.newEmail.trim();
    const result = await change({ variables: { newEmail, currentPassword: form.currentPassword } }).catch(() => null);
    if (result?.data?.requestEmailChange) {
      setForm({ newEmail: '', currentPassword: '' });
      setSentTo(newEmail);
    }
  };

  return (
    <Card component="form" onSubmit={submit} noValidate aria-labelledby="email-heading">
      <Title order={2} size="h4" mb="xs" id="email-heading">
        Email address
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        You log in with {currentEmail}. To use another address, we send a link to it; nothing changes until you follow that link.
      </Text>
      <TextInput
        label="New email address"
        type="email"
        autoComplete="email"
        required
        value={form.newEmail}
        error={fields['newEmail']}
        onChange={(e) => setForm({ ...form, newEmail: e.currentTarget.value })}
      />
      <PasswordInput
        mt="sm"
        label="Current password"
        autoComplete="current-password"
        required
        value={form.currentPassword}
        error={fields['currentPassword']}
        onChange={(e) => setForm({ ...form, currentPassword: e.currentTarget.value })}
      />
      {state.error && !Object.keys(fields).length && <ErrorState error={state.error} title="Your address was not changed" />}
      <Group mt="md">
        <Button type="submit" loading={state.loading}>
          Send a link to the new address
        </Button>
        {sentTo && (
          <Text size="sm" c="var(--anchored-success-text)" role="status">
            Link sent to {sentTo}. Follow it to start using that address.
          </Text>
        )}
      </Group>
    </Card>
  );
}
