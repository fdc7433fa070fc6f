import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Card, CopyButton, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCheck, IconCopy, IconLink } from '@tabler/icons-react';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { appendPage } from '../../lib/paging';
import { useShowMore } from '../../lib/use-show-more';
import { ShowMoreFooter } from '../../ui/show-more';
import { humanFieldErrors } from '../../api/apollo-errors';
import type { Role } from '../../gql/graphql';
import { isPast } from '../../lib/time';
import { PageHeader } from '../../ui/page';
import { ResponsiveTable } from '../../ui/responsive-table';
import { ErrorState, QueryState } from '../../ui/states';
import { humanize } from '../../ui/status';
import { DateTimeText } from '../../ui/time';
import { invitationLink } from './cohort-logic';
import { InvitationActions } from './invitation-actions';
import { ADMIN_INVITATIONS, ADMIN_INVITE_USER } from './operations';
import { notifySuccess } from '../../ui/notify';

const ROLES: { value: Role; label: string }[] = [
  { value: 'COACH', label: 'Coach' },
  { value: 'CLIENT', label: 'Client' },
  { value: 'ADMIN', label: 'Admin' },
];

type InvitationFilter = 'PENDING' | 'EXPIRED' | 'ACCEPTED' | 'REVOKED';
const FILTERS: { value: InvitationFilter; label: string }[] = [
  { value: 'PENDING', label: 'Not yet accepted' },
  { value: 'EXPIRED', label: 'Expired' },
  { value: 'ACCEPTED', label: 'Accepted' },
  { value: 'REVOKED', label: 'Revoked' },
];
const PAGE = 25;
const byId = (row: { id: string }) => row.id;

export function InvitationsPage() {
  const [status, setStatus] = useState<InvitationFilter>('PENDING');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);

  return (
    <>
      <PageHeader title="Invitations" description="Bring coaches, clients and other admins onto Anchored: each gets a personal sign-up link by email." />
      <Stack gap="xl">
        <InviteForm />
        <section aria-labelledby="pending-heading">
          <Title order={2} size="h3" mb="sm" id="pending-heading">
            Invitations
          </Title>
          <Group align="flex-end" gap="sm" wrap="wrap" mb="sm" role="search" aria-label="Filter invitations">
            <Select label="Status" data={FILTERS} value={status} onChange={(v) => setStatus((v as InvitationFilter | null) ?? 'PENDING')} allowDeselect={false} style={{ flex: '1 1 200px' }} />
            <TextInput label="Search" placeholder="Email address" value={search} onChange={(e) => setSearch(e.currentTarget.value)} style={{ flex: '2 1 240px' }} />
          </Group>
          <InvitationList key={`${status}:${debounced}`} status={status} search={debounced || null} />
        </section>
      </Stack>
    </>
  );
}

function InvitationList({ status, search }: { status: InvitationFilter; search: string | null }) {
  const list = useQuery(ADMIN_INVITATIONS, { variables: { status, search, limit: PAGE + 1, offset: 0 }, fetchPolicy: 'cache-and-network' });
  const paging = useShowMore(list.data?.invitations ?? [], PAGE, async (offset) => {
    const result = await list.fetchMore({
      variables: { status, search, limit: PAGE + 1, offset },
      updateQuery: (previous, { fetchMoreResult }) => ({ ...previous, invitations: appendPage(previous.invitations, fetchMoreResult.invitations, offset, byId) }),
    });
    return result.data?.invitations;
  });
  const invitations = paging.shown;

  return (
    <QueryState loading={list.loading && !list.data} error={list.error} empty={invitations.length === 0} emptyTitle="No invitations here" emptyText="Nothing matches these filters. Invitations you create stay listed until they are accepted or revoked.">
      <ResponsiveTable
        labelledBy="pending-heading"
        minWidth={600}
        rows={invitations.map((inv) => {
          const open = !inv.acceptedAt && !inv.revokedAt;
          return { inv, open, expired: open && isPast(inv.expiresAt) };
        })}
        rowKey={({ inv }) => inv.id}
        columns={[
          { header: 'Email', kind: 'title', cell: ({ inv }) => <span style={{ overflowWrap: 'anywhere' }}>{inv.email}</span> },
          { header: 'Role', cell: ({ inv }) => humanize(inv.role) },
          { header: 'Expires', cell: ({ inv }) => <DateTimeText iso={inv.expiresAt} /> },
          {
            header: 'Status',
            kind: 'status',
            cell: ({ inv, expired }) =>
              inv.acceptedAt ? (
                <Badge color="teal" variant="light">
                  Accepted
                </Badge>
              ) : inv.revokedAt ? (
                <Badge color="red" variant="light">
                  Revoked
                </Badge>
              ) : expired ? (
                <Badge color="gray" variant="light">
                  Expired
                </Badge>
              ) : (
                <Badge color="blue" variant="light">
                  Waiting
                </Badge>
              ),
          },
          { header: 'Actions', kind: 'actions', cell: ({ inv, open }) => (open ? <InvitationActions id={inv.id} email={inv.email} /> : null) },
        ]}
      />
      <ShowMoreFooter paging={paging} order="newest" errorTitle="More invitations could not be loaded" />
    </QueryState>
  );
}

function InviteForm() {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role | null>('COACH');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<{ email: string; role: Role; link: string } | null>(null);
  const [invite, state] = useMutation(ADMIN_INVITE_USER, { refetchQueries: ['AdminInvitations'] });
  const apiFields = humanFieldErrors(state.error, 'input.');
  const fields = { ...apiFields, ...local };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!email.trim()) problems['email'] = 'Enter the email address to invite.';
    if (!role) problems['role'] = 'Choose what they will do on Anchored.';
    setLocal(problems);
    if (Object.keys(problems).length || !role) return;
    const result = await invite({ variables: { input: { email: email.trim(), role } } }).catch(() => null);
    const inv = result?.data?.inviteUser;
    if (inv?.token) {
      setCreated({ email: inv.email, role: inv.role, link: invitationLink(window.location.origin, inv.token) });
      setEmail('');
      notifySuccess(`Invitation for ${inv.email} created. Copy the link and send it to them.`);
    }
  };

  return (
    <Card withBorder component="section" aria-labelledby="invite-heading">
      <Stack gap="md">
        <div>
          <Title order={2} size="h3" id="invite-heading">
            Invite someone
          </Title>
          <Text size="sm" c="dimmed">
            Anchored makes a personal link that is valid for 14 days. Send it to them yourself, by email or message; opening it lets them choose a password
            and join with the role you pick.
          </Text>
        </div>
        <form onSubmit={submit} noValidate>
          <Group align="flex-start" gap="sm" wrap="wrap">
            <TextInput
              label="Email"
              type="email"
              required
              placeholder="name@example.com"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={fields['email']}
              style={{ flex: '1 1 260px' }}
            />
            <Select label="Role" required data={ROLES} value={role} onChange={(v) => setRole(v as Role | null)} error={fields['role']} allowDeselect={false} style={{ flex: '0 1 180px' }} />
            <Button type="submit" loading={state.loading} mt={25}>
              Create invitation
            </Button>
          </Group>
        </form>
        {state.error && !Object.keys(apiFields).length && <ErrorState error={state.error} title="No invitation was created" />}
        {created && (
          <Alert color="anchor" variant="light" icon={<IconLink aria-hidden />} title={`Invitation link for ${created.email} (${humanize(created.role)})`} role="status">
            <Stack gap="xs">
              <Group align="flex-end" gap="xs" wrap="nowrap">
                <TextInput label="Invitation link" value={created.link} readOnly onFocus={(e) => e.currentTarget.select()} style={{ flex: 1, minWidth: 0 }} />
                <CopyButton value={created.link}>
                  {({ copied, copy }) => (
                    <Button variant={copied ? 'filled' : 'light'} onClick={copy} leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}>
                      {copied ? 'Copied' : 'Copy link'}
                    </Button>
                  )}
                </CopyButton>
              </Group>
              <Text size="sm">We emailed this link to them. It is shown here only now, if you want to pass it on yourself; if it gets lost, use Resend below.</Text>
            </Stack>
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
