import { useMutation } from '@apollo/client/react';
import { Anchor, Button, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { apiErrorsOf, humanFieldErrors, useFieldErrors } from '../api/apollo-errors';
import { graphql } from '../gql';
import { browserTimezone, timezoneOptions } from '../lib/time';
import { ErrorState } from '../ui/states';
import { AuthCard } from './auth-card';
import { useAuth } from './auth-context';

const LOG_IN = graphql(`
  mutation LogIn($input: LogInInput!) {
    logIn(input: $input) {
      accessToken
      refreshToken
    }
  }
`);

const SIGN_UP = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      accessToken
      refreshToken
    }
  }
`);

const ACCEPT_INVITATION = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      accessToken
      refreshToken
    }
  }
`);

/** Only same-site paths are followed after login, never an arbitrary URL. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

function TimezoneSelect({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) {
  const zones = useMemo(() => Array.from(new Set([value, ...timezoneOptions()])), [value]);
  return (
    <Select
      label="Your timezone"
      description="Every time in Anchored is shown in this timezone."
      data={zones}
      value={value}
      onChange={(v) => v && onChange(v)}
      searchable
      allowDeselect={false}
      error={error}
    />
  );
}

function useAfterLogin() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  return () => navigate(safeNext(params.get('next')), { replace: true });
}

export function LoginPage() {
  const { user, signIn } = useAuth();
  const [params] = useSearchParams();
  const done = useAfterLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // The second step, when the account has two-factor sign-in on: the password is kept to send again with the code.
  const [askCode, setAskCode] = useState(false);
  const [code, setCode] = useState('');
  const codeInput = useRef<HTMLInputElement>(null);
  const [logIn, { loading, error, reset }] = useMutation(LOG_IN);
  // An empty form is finished here, never sent: it is not a wrong password, and it spends no attempt.
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});
  const { errors: apiFields, clear } = useFieldErrors(error, 'input.');
  useEffect(() => {
    if (askCode) codeInput.current?.focus();
  }, [askCode]);
  if (user) return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!askCode) {
      const empty = { ...(email.trim() ? {} : { email: 'Enter your email address.' }), ...(password ? {} : { password: 'Enter your password.' }) };
      setMissing(empty);
      if (empty.email || empty.password) {
        reset();
        return;
      }
    }
    const input = { email: email.trim(), password, ...(askCode ? { totpCode: code.trim() } : {}) };
    const result = await logIn({ variables: { input } }).catch((e: unknown) => {
      if (!askCode && apiErrorsOf(e).some((x) => x.extensions?.code === 'TWO_FACTOR_REQUIRED')) {
        reset();
        setAskCode(true);
      }
      return null;
    });
    if (result?.data) {
      await signIn(result.data.logIn);
      done();
    }
  };
  const back = () => {
    reset();
    setAskCode(false);
    setCode('');
    setPassword('');
  };

  if (askCode) {
    return (
      <AuthCard title="Enter your code" subtitle="Your account uses two-factor sign-in.">
        <form onSubmit={submit} noValidate>
          <Stack>
            {error && <ErrorState error={error} title="Could not log in" />}
            <TextInput
              ref={codeInput}
              label="Authentication code"
              description="The six digits from your authenticator app, or one of your recovery codes."
              autoComplete="one-time-code"
              required
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
            />
            <Button type="submit" loading={loading} fullWidth>
              Log in
            </Button>
            <Anchor component="button" type="button" size="sm" ta="center" onClick={back}>
              Use a different account
            </Anchor>
          </Stack>
        </form>
      </AuthCard>
    );
  }

  return (
    <AuthCard
      title="Log in"
      subtitle={params.get('expired') ? 'Your session ended. Log in again to pick up where you were.' : 'Welcome back. Log in to your cohort.'}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {error && !Object.keys(apiFields).length && <ErrorState error={error} title="Could not log in" />}
          <TextInput
            label="Email"
            type="email"
            autoComplete="email"
            required
            value={email}
            error={missing.email ?? apiFields['email']}
            onChange={(e) => {
              setEmail(e.currentTarget.value);
              setMissing((m) => ({ ...m, email: undefined }));
              clear('email');
            }}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            value={password}
            error={missing.password ?? apiFields['password']}
            onChange={(e) => {
              setPassword(e.currentTarget.value);
              setMissing((m) => ({ ...m, password: undefined }));
              clear('password');
            }}
          />
          <Button type="submit" loading={loading} fullWidth>
            Log in
          </Button>
          <Anchor component={Link} to="/forgot-password" size="sm" ta="center">
            Forgot your password?
          </Anchor>
          <Text size="sm" ta="center">
            New here?{' '}
            <Anchor component={Link} to={`/signup${params.get('next') ? `?next=${encodeURIComponent(params.get('next') ?? '')}` : ''}`}>
              Create an account
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}

export function SignUpPage() {
  const { user, signIn } = useAuth();
  const done = useAfterLogin();
  const [form, setForm] = useState({ name: '', email: '', password: '', timezone: browserTimezone() });
  const [signUp, { loading, error }] = useMutation(SIGN_UP);
  const { errors: fields, clear } = useFieldErrors(error, 'input.');
  if (user) return <Navigate to="/" replace />;
  const tooShort = form.password.length > 0 && form.password.length < 12;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await signUp({ variables: { input: { ...form, email: form.email.trim(), name: form.name.trim() } } }).catch(() => null);
    if (result?.data) {
      await signIn(result.data.signUp);
      done();
    }
  };

  return (
    <AuthCard title="Create your account" subtitle="Join Anchored to apply to a cohort and do the work with your group.">
      <form onSubmit={submit} noValidate>
        <Stack>
          {error && !Object.keys(fields).length && <ErrorState error={error} title="Could not create the account" />}
          <TextInput label="Your name" autoComplete="name" required value={form.name} error={fields['name']} onChange={(e) => (setForm({ ...form, name: e.currentTarget.value }), clear('name'))} />
          <TextInput label="Email" type="email" autoComplete="email" required value={form.email} error={fields['email']} onChange={(e) => (setForm({ ...form, email: e.currentTarget.value }), clear('email'))} />
          <PasswordInput
            label="Password"
            description="At least 12 characters. A few unrelated words make a strong one."
            autoComplete="new-password"
            required
            value={form.password}
            error={fields['password'] ?? (tooShort ? 'Use at least 12 characters.' : undefined)}
            onChange={(e) => (setForm({ ...form, password: e.currentTarget.value }), clear('password'))}
          />
          <TimezoneSelect value={form.timezone} onChange={(timezone) => (setForm({ ...form, timezone }), clear('timezone'))} error={fields['timezone']} />
          <Button type="submit" loading={loading} fullWidth>
            Create account
          </Button>
          <Text size="sm" ta="center">
            Already have an account?{' '}
            <Anchor component={Link} to="/login">
              Log in
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}

export function AcceptInvitationPage() {
  const { token: pathToken } = useParams();
  const [params] = useSearchParams();
  const token = params.get('token') ?? pathToken ?? '';
  const { signIn, signOut, user } = useAuth();
  const navigate = useNavigate();
  const [form, setForm] = useState({ name: '', password: '', timezone: browserTimezone() });
  const [accept, { loading, error }] = useMutation(ACCEPT_INVITATION);
  const fields = humanFieldErrors(error, 'input.');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Accepting an invitation starts a new login as the invited person.
    if (user) await signOut();
    const result = await accept({ variables: { input: { ...form, name: form.name.trim(), token } } }).catch(() => null);
    if (result?.data) {
      await signIn(result.data.acceptInvitation);
      navigate('/', { replace: true });
    }
  };

  return (
    <AuthCard title="Accept your invitation" subtitle="You have been invited to Anchored. Choose your name and a password to finish.">
      <form onSubmit={submit} noValidate>
        <Stack>
          {error && !Object.keys(fields).length && <ErrorState error={error} title="Could not accept the invitation" />}
          {!error && user && (
            <Text size="sm" c="dimmed">
              You are logged in as {user.email}; accepting logs you in as the invited person instead.
            </Text>
          )}
          <TextInput label="Your name" autoComplete="name" required value={form.name} error={fields['name']} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} />
          <PasswordInput
            label="Choose a password"
            description="At least 12 characters."
            autoComplete="new-password"
            required
            value={form.password}
            error={fields['password']}
            onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
          />
          <TimezoneSelect value={form.timezone} onChange={(timezone) => setForm({ ...form, timezone })} error={fields['timezone']} />
          <Button type="submit" loading={loading} fullWidth>
            Accept and continue
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}

