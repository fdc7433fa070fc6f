import { useMutation } from '@apollo/client/react';
import { Button, Group } from '@mantine/core';
import { humanError } from '../../api/apollo-errors';
import { graphql } from '../../gql';
import { notifications } from '@mantine/notifications';
import { notifySuccess } from '../../ui/notify';

const RESEND_INVITATION = graphql(`
  mutation AdminResendInvitation($id: ID!) {
    resendInvitation(id: $id) {
      id
      expiresAt
    }
  }
`);

const REVOKE_INVITATION = graphql(`
  mutation AdminRevokeInvitation($id: ID!) {
    revokeInvitation(id: $id) {
      id
      revokedAt
    }
  }
`);

const notifyError = (message: string) => {
  notifications.show({ message, color: 'red' });
};

/** Email a fresh link (the old one stops working), or revoke the invitation altogether. */
export function InvitationActions({ id, email }: { id: string; email: string }) {
  const [resend, resendState] = useMutation(RESEND_INVITATION);
  const [revoke, revokeState] = useMutation(REVOKE_INVITATION, { refetchQueries: ['AdminInvitations'] });

  const onResend = async () => {
    const result = await resend({ variables: { id } }).catch((error: unknown) => {
      notifyError(humanError(error));
      return null;
    });
    if (result?.data) notifySuccess(`A new link was emailed to ${email}. The old one no longer works.`);
  };
  const onRevoke = async () => {
    const result = await revoke({ variables: { id } }).catch((error: unknown) => {
      notifyError(humanError(error));
      return null;
    });
    if (result?.data) notifySuccess(`The invitation for ${email} was revoked.`);
  };

  return (
    <Group gap="xs" wrap="nowrap">
      <Button size="xs" variant="light" loading={resendState.loading} onClick={onResend} aria-label={`Resend the invitation for ${email}`}>
        Resend
      </Button>
      <Button size="xs" variant="subtle" color="red" loading={revokeState.loading} onClick={onRevoke} aria-label={`Revoke the invitation for ${email}`}>
        Revoke
      </Button>
    </Group>
  );
}
