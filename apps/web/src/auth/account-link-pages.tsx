import { useMutation } from '@apollo/client/react';
import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { humanFieldErrors } from '../api/apollo-errors';
import { graphql } from '../gql';
import { ErrorState } from '../ui/states';
import { AuthCard } from './auth-card';
import { useAuth } from './auth-context';

const REQUEST_PASSWORD_RESET = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

const RESET_PASSWORD = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword)
  }
`);

const CONFIRM_EMAIL = graphql(`
  mutation ConfirmEmail($token: String!) {
    confirmEmail(token: $token)
  }
`);

/** "Forgot your password?": always the same answer, so it never tells whether an address has an account. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [request, { loading, error }] = useMutation(REQUEST_PASSWORD_RESET);
  const fields = humanFieldErrors(error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await request({ variables: { email: email.trim() } }).catch(() => null);
    if (result?.data?.requestPasswordReset) setSent(true);
  };

  return (
    <AuthCard title="Forgot your password?" subtitle="Tell us the address you log in with, and we will email you a link to choose a new password.">
      {sent ? (
        <Stack>
          <Alert color="teal" role="status" title="Check your inbox">
            If an account exists for {email.trim()}, we&apos;ve sent a link to it. The link works once, for one hour.
          </Alert>
          <Anchor component={Link} to="/login" size="sm" ta="center">
            Back to log in
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            {error && !Object.keys(fields).length && <ErrorState error={error} title="Could not send the link" />}
            <TextInput label="Email" type="email" autoComplete="email" required value={email} error={fields['email']} onChange={(e) => setEmail(e.currentTarget.value)} />
            <Button type="submit" loading={loading} fullWidth>
              Email me a link
            </Button>
            <Anchor component={Link} to="/login" size="sm" ta="center">
              Back to log in
            </Anchor>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}

/** The page a reset link opens: choose a new password, then log in with it. */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { user, signOut } = useAuth();
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const [reset, { loading, error }] = useMutation(RESET_PASSWORD);
  const fields = humanFieldErrors(error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await reset({ variables: { token, newPassword: password } }).catch(() => null);
    if (result?.data?.resetPassword) {
      setDone(true);
      // Every login of the account has ended, this browser's too.
      if (user) await signOut();
    }
  };

  if (!token) {
    return (
      <AuthCard title="Choose a new password" subtitle="This page needs the link from your email.">
        <Anchor component={Link} to="/forgot-password">
          Ask for a new link
        </Anchor>
      </AuthCard>
    );
  }

  return (
    <AuthCard title="Choose a new password" subtitle="Pick a new password for your Anchored account. You will be logged out everywhere else.">
      {done ? (
        <Stack>
          <Alert color="teal" role="status" title="Your password is changed">
            You can now log in with your new password.
          </Alert>
          <Button component={Link} to="/login" fullWidth>
            Log in
          </Button>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            {error && !fields['newPassword'] && (
              <Stack gap="xs">
                <ErrorState error={error} title="Your password was not changed" />
                <Anchor component={Link} to="/forgot-password" size="sm">
                  Ask for a new link
                </Anchor>
              </Stack>
            )}
            <PasswordInput
              label="New password"
              description="At least 12 characters. A few unrelated words make a strong one."
              autoComplete="new-password"
              required
              value={password}
              error={fields['newPassword']}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" loading={loading} fullWidth>
              Save new password
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}

/**
 * The page a verification or email-change link opens. It asks for one click rather than confirming
 * on load, so a mail scanner that opens links cannot use the link up.
 */
export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { user } = useAuth();
  const [confirm, { data, loading, error, client }] = useMutation(CONFIRM_EMAIL);
  const done = !!data?.confirmEmail;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await confirm({ variables: { token } }).catch(() => null);
    if (result?.data?.confirmEmail && user) await client.refetchQueries({ include: 'active' });
  };

  return (
    <AuthCard title="Confirm your email address" subtitle="One click, and your address is confirmed (or your new address is in use).">
      {done ? (
        <Stack>
          <Alert color="teal" role="status" title="Thank you">
            Your email address is confirmed.
          </Alert>
          <Button component={Link} to={user ? '/' : '/login'} fullWidth>
            {user ? 'Continue to Anchored' : 'Log in'}
          </Button>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            {!token && <Text size="sm">This page needs the link from your email.</Text>}
            {error && <ErrorState error={error} title="Your address was not confirmed" />}
            <Button type="submit" loading={loading} disabled={!token} fullWidth>
              Confirm my email address
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
