import { useMutation } from '@apollo/client/react';
import { Button, Card, Group, List, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { humanFieldErrors } from '../../api/apollo-errors';
import { useAuth } from '../../auth/auth-context';
import { graphql } from '../../gql';
import { Dialog } from '../../ui/dialog';
import { ErrorState } from '../../ui/states';

const DELETE_MY_ACCOUNT = graphql(`
  mutation DeleteMyAccount($currentPassword: String!) {
    deleteMyAccount(currentPassword: $currentPassword)
  }
`);

/** "Delete my account": the current password, then a dialog that says what goes and what stays. */
export function DeleteAccountSection() {
  const [currentPassword, setCurrentPassword] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [remove, state] = useMutation(DELETE_MY_ACCOUNT);
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const fields = humanFieldErrors(state.error);

  const ask = (event: FormEvent) => {
    event.preventDefault();
    if (currentPassword) setConfirming(true);
  };

  const confirm = async () => {
    const result = await remove({ variables: { currentPassword } }).catch(() => null);
    setConfirming(false);
    if (result?.data?.deleteMyAccount) {
      await signOut();
      navigate('/login', { replace: true });
    }
  };

  return (
    <Card component="form" onSubmit={ask} noValidate aria-labelledby="delete-account-heading">
      <Title order={2} size="h4" mb="xs" id="delete-account-heading">
        Delete my account
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        This erases your account and what you wrote, for good. If you want a copy, download your data first.
      </Text>
      <PasswordInput
        label="Current password"
        autoComplete="current-password"
        required
        value={currentPassword}
        error={fields['currentPassword']}
        onChange={(e) => setCurrentPassword(e.currentTarget.value)}
      />
      {state.error && !Object.keys(fields).length && <ErrorState error={state.error} title="Your account was not deleted" />}
      <Group mt="md">
        <Button type="submit" color="red" variant="outline">
          Delete my account…
        </Button>
      </Group>
      <Dialog opened={confirming} onClose={() => setConfirming(false)} title="Delete your account for good?">
        <Stack gap="sm">
          <Text size="sm">This is erased and cannot be brought back:</Text>
          <List size="sm">
            <List.Item>your profile, email address, password and settings;</List.Item>
            <List.Item>your applications and your place in any cohort (a waiting client gets your seat);</List.Item>
            <List.Item>your homework answers, the feedback on them and your check-ins;</List.Item>
            <List.Item>your notifications, your data exports and every login (you are logged out everywhere).</List.Item>
          </List>
          <Text size="sm">
            What stays, without your name: session attendance counts, and records others keep of reads or changes you made (shown as &quot;a deleted
            account&quot;). Posts and replies you wrote in the community stay as &quot;removed&quot; so the threads still read.
          </Text>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Keep my account
            </Button>
            <Button color="red" onClick={confirm} loading={state.loading}>
              Delete my account
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </Card>
  );
}
