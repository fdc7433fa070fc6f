import { useMutation } from '@apollo/client/react';
import { Button, Card, Group, PasswordInput, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { humanFieldErrors } from '../../api/apollo-errors';
import { graphql } from '../../gql';
import { ErrorState } from '../../ui/states';

const CHANGE_PASSWORD = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

/** Needs the current password; every other login of the account ends, this one stays. */
export function PasswordSection() {
  const [form, setForm] = useState({ currentPassword: '', newPassword: '' });
  const [done, setDone] = useState(false);
  const [change, state] = useMutation(CHANGE_PASSWORD);
  const fields = humanFieldErrors(state.error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const result = await change({ variables: form }).catch(() => null);
    if (result?.data?.changePassword) {
      setForm({ currentPassword: '', newPassword: '' });
      setDone(true);
    }
  };

  return (
    <Card component="form" onSubmit={submit} noValidate aria-labelledby="password-heading">
      <Title order={2} size="h4" mb="xs" id="password-heading">
        Change password
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        You stay logged in here; every other browser or device where you are logged in will have to log in again.
      </Text>
      <PasswordInput
        label="Current password"
        autoComplete="current-password"
        required
        value={form.currentPassword}
        error={fields['currentPassword']}
        onChange={(e) => setForm({ ...form, currentPassword: e.currentTarget.value })}
      />
      <PasswordInput
        mt="sm"
        label="New password"
        description="At least 12 characters."
        autoComplete="new-password"
        required
        value={form.newPassword}
        error={fields['newPassword']}
        onChange={(e) => setForm({ ...form, newPassword: e.currentTarget.value })}
      />
      {state.error && !Object.keys(fields).length && <ErrorState error={state.error} title="Your password was not changed" />}
      <Group mt="md">
        <Button type="submit" loading={state.loading}>
          Change password
        </Button>
        {done && (
          <Text size="sm" c="var(--anchored-success-text)" role="status">
            Password changed. Other logins were ended.
          </Text>
        )}
      </Group>
    </Card>
  );
}
