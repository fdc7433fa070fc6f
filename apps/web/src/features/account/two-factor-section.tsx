import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Code, CopyButton, Group, Image, List, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { humanFieldErrors } from '../../api/apollo-errors';
import { graphql } from '../../gql';
import { ErrorState, LoadingState } from '../../ui/states';

const TWO_FACTOR_STATUS = graphql(`
  query TwoFactorStatus {
    me {
      id
      twoFactorEnabled
    }
  }
`);

const START_SETUP = graphql(`
  mutation StartTwoFactorSetup {
    startTwoFactorSetup {
      secret
      otpauthUri
      qrCodeDataUrl
    }
  }
`);

const CONFIRM_SETUP = graphql(`
  mutation ConfirmTwoFactorSetup($code: String!) {
    confirmTwoFactorSetup(code: $code)
  }
`);

const REGENERATE_CODES = graphql(`
  mutation RegenerateRecoveryCodes($code: String!) {
    regenerateRecoveryCodes(code: $code)
  }
`);

const DISABLE = graphql(`
  mutation DisableTwoFactor($currentPassword: String!, $code: String!) {
    disableTwoFactor(currentPassword: $currentPassword, code: $code)
  }
`);

const CODE_HELP = 'The six digits your authenticator app shows now.';
const CODE_OR_RECOVERY_HELP = 'The six digits from your authenticator app, or one of your recovery codes.';

/**
 * Settings → Two-factor sign-in, for coaches and admins: set up an authenticator app (QR code, or
 * the key typed by hand), confirm with a code, keep the ten recovery codes (shown once), make new
 * ones, or turn it off. `required`: the platform requires it of this admin (ADMIN_REQUIRE_2FA).
 */
export function TwoFactorSection({ required = false }: { required?: boolean }) {
  const { data, loading, error } = useQuery(TWO_FACTOR_STATUS, { fetchPolicy: 'cache-and-network' });
  const [codes, setCodes] = useState<string[] | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (required) heading.current?.focus();
  }, [required]);

  const enabled = data?.me.twoFactorEnabled;
  return (
    <Card aria-labelledby="two-factor-heading" id="two-factor" component="section">
      <Title order={2} size="h4" mb="xs" id="two-factor-heading" ref={heading} tabIndex={-1}>
        Two-factor sign-in
      </Title>
      {required && !enabled && (
        <Alert color="orange" variant="light" title="Set this up to continue" mb="md" role="alert">
          Admins must use two-factor sign-in here. Until it is on, the rest of Anchored stays closed to your account.
        </Alert>
      )}
      {error && <ErrorState error={error} title="Could not load your two-factor settings" />}
      {loading && !data && <LoadingState />}
      {codes ? (
        <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />
      ) : enabled === false ? (
        <Setup onEnabled={setCodes} />
      ) : enabled ? (
        <Enabled onNewCodes={setCodes} />
      ) : null}
    </Card>
  );
}

function Setup({ onEnabled }: { onEnabled: (codes: string[]) => void }) {
  const [start, started] = useMutation(START_SETUP);
  const [confirm, confirmed] = useMutation(CONFIRM_SETUP, { refetchQueries: [TWO_FACTOR_STATUS], awaitRefetchQueries: true });
  const [code, setCode] = useState('');
  const codeInput = useRef<HTMLInputElement>(null);
  const setup = started.data?.startTwoFactorSetup;
  const fields = humanFieldErrors(confirmed.error);

  const begin = async () => {
    const result = await start().catch(() => null);
    if (result?.data) setTimeout(() => codeInput.current?.focus(), 0);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await confirm({ variables: { code: code.trim() } }).catch(() => null);
    if (result?.data) onEnabled(result.data.confirmTwoFactorSetup);
  };

  if (!setup) {
    return (
      <Stack gap="sm" align="flex-start">
        <Text size="sm">
          Off. With two-factor sign-in, logging in also asks for a code from an authenticator app on your phone (such as 1Password, Google
          Authenticator or Microsoft Authenticator), so your password alone is not enough to open your account.
        </Text>
        {started.error && <ErrorState error={started.error} title="Could not start the setup" />}
        <Button onClick={begin} loading={started.loading}>
          Set up two-factor sign-in
        </Button>
      </Stack>
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">1. In your authenticator app, add an account and scan this QR code.</Text>
        <Image src={setup.qrCodeDataUrl} alt="QR code to add your Anchored account to an authenticator app" w={200} h={200} />
        <Text size="sm" id="two-factor-key-label">
          Cannot scan it? Type this setup key into the app instead (time-based, six digits):
        </Text>
        <Group gap="xs">
          <Code aria-labelledby="two-factor-key-label" data-testid="two-factor-secret" style={{ fontSize: 'var(--mantine-font-size-md)', letterSpacing: '0.08em' }}>
            {setup.secret}
          </Code>
          <CopyButton value={setup.secret}>
            {({ copied, copy }) => (
              <Button size="xs" variant="light" onClick={copy}>
                {copied ? 'Copied' : 'Copy key'}
              </Button>
            )}
          </CopyButton>
        </Group>
        <TextInput
          ref={codeInput}
          label="2. Code from your app"
          description={CODE_HELP}
          autoComplete="one-time-code"
          inputMode="numeric"
          required
          value={code}
          error={fields['code']}
          onChange={(e) => setCode(e.currentTarget.value)}
        />
        {confirmed.error && !Object.keys(fields).length && <ErrorState error={confirmed.error} title="Two-factor sign-in is still off" />}
        <Group>
          <Button type="submit" loading={confirmed.loading}>
            Turn on two-factor sign-in
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Enabled({ onNewCodes }: { onNewCodes: (codes: string[]) => void }) {
  const [regenerate, regenerated] = useMutation(REGENERATE_CODES);
  const [disable, disabled] = useMutation(DISABLE, { refetchQueries: [TWO_FACTOR_STATUS], awaitRefetchQueries: true });
  const [regenCode, setRegenCode] = useState('');
  const [off, setOff] = useState({ currentPassword: '', code: '' });
  const regenFields = humanFieldErrors(regenerated.error);
  const offFields = humanFieldErrors(disabled.error);

  const submitRegenerate = async (event: FormEvent) => {
    event.preventDefault();
    const result = await regenerate({ variables: { code: regenCode.trim() } }).catch(() => null);
    if (result?.data) {
      setRegenCode('');
      onNewCodes(result.data.regenerateRecoveryCodes);
    }
  };
  const submitDisable = async (event: FormEvent) => {
    event.preventDefault();
    await disable({ variables: { currentPassword: off.currentPassword, code: off.code.trim() } }).catch(() => null);
  };

  return (
    <Stack gap="lg">
      <Text size="sm" role="status">
        On. Logging in asks for a code from your authenticator app (or one of your recovery codes).
      </Text>
      <form onSubmit={submitRegenerate} noValidate aria-labelledby="two-factor-regenerate-heading">
        <Stack gap="sm">
          <Title order={3} size="h5" id="two-factor-regenerate-heading">
            New recovery codes
          </Title>
          <Text size="sm" c="dimmed">
            Lost your recovery codes, or used most of them? Make ten new ones; the old ones stop working.
          </Text>
          <TextInput
            label="Code"
            description={CODE_OR_RECOVERY_HELP}
            autoComplete="one-time-code"
            required
            value={regenCode}
            error={regenFields['code']}
            onChange={(e) => setRegenCode(e.currentTarget.value)}
          />
          {regenerated.error && !Object.keys(regenFields).length && <ErrorState error={regenerated.error} title="No new codes were made" />}
          <Group>
            <Button type="submit" variant="light" loading={regenerated.loading}>
              Make new recovery codes
            </Button>
          </Group>
        </Stack>
      </form>
      <form onSubmit={submitDisable} noValidate aria-labelledby="two-factor-off-heading">
        <Stack gap="sm">
          <Title order={3} size="h5" id="two-factor-off-heading">
            Turn off two-factor sign-in
          </Title>
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            required
            value={off.currentPassword}
            error={offFields['currentPassword']}
            onChange={(e) => setOff({ ...off, currentPassword: e.currentTarget.value })}
          />
          <TextInput
            label="Code"
            description={CODE_OR_RECOVERY_HELP}
            autoComplete="one-time-code"
            required
            value={off.code}
            error={offFields['code']}
            onChange={(e) => setOff({ ...off, code: e.currentTarget.value })}
          />
          {disabled.error && !Object.keys(offFields).length && <ErrorState error={disabled.error} title="Two-factor sign-in is still on" />}
          <Group>
            <Button type="submit" color="red" variant="light" loading={disabled.loading}>
              Turn off two-factor sign-in
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

/** Shown once, right after they are made: copy or download them now. */
function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const text = `Anchored recovery codes (each works once)\n\n${codes.join('\n')}\n`;
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'anchored-recovery-codes.txt';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <Stack gap="sm">
      <Title order={3} size="h5" id="recovery-codes-heading" ref={heading} tabIndex={-1}>
        Your recovery codes
      </Title>
      <Alert color="teal" variant="light" role="status">
        Two-factor sign-in is on. Save these ten recovery codes somewhere safe, such as a password manager: if you lose your phone, each one
        logs you in once. They are shown only now.
      </Alert>
      <List aria-labelledby="recovery-codes-heading" data-testid="recovery-codes" spacing={2} listStyleType="none" ff="monospace">
        {codes.map((code) => (
          <List.Item key={code}>{code}</List.Item>
        ))}
      </List>
      <Group>
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button variant="light" onClick={copy}>
              {copied ? 'Copied' : 'Copy codes'}
            </Button>
          )}
        </CopyButton>
        <Button variant="light" onClick={download}>
          Download codes
        </Button>
        <Button onClick={onDone}>I have saved them</Button>
      </Group>
    </Stack>
  );
}
