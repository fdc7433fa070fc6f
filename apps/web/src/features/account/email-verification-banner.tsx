import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { graphql } from '../../gql';
import { ErrorState } from '../../ui/states';

const EMAIL_STATUS = graphql(`
  query EmailStatus {
    me {
      id
      email
      emailVerified
    }
  }
`);

const RESEND_VERIFICATION = graphql(`
  mutation ResendVerificationEmail {
    resendVerificationEmail
  }
`);

/** Asks people to confirm their address; it never blocks anything (applying works without it). */
export function EmailVerificationBanner() {
  const { data } = useQuery(EMAIL_STATUS);
  const [resend, { loading, error }] = useMutation(RESEND_VERIFICATION);
  const [sent, setSent] = useState(false);
  if (!data || data.me.emailVerified) return null;

  const again = async () => {
    const result = await resend().catch(() => null);
    if (result?.data?.resendVerificationEmail) setSent(true);
  };

  return (
    <Alert color="anchor" variant="light" mb="md" title="Please confirm your email address" role="region" aria-label="Confirm your email address">
      <Text size="sm">
        We sent a link to <strong>{data.me.email}</strong>. Following it lets reminders and account emails reach you. Until then everything in Anchored still works.
      </Text>
      <Group mt="xs" gap="sm">
        <Button size="xs" variant="light" onClick={again} loading={loading}>
          Send again
        </Button>
        {sent && (
          <Text size="sm" role="status">
            A new link is on its way.
          </Text>
        )}
      </Group>
      {error && <ErrorState error={error} title="Could not send another link" />}
    </Alert>
  );
}
