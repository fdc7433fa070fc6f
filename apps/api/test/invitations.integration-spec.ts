import { Role } from '@anchored/domain';
import { ReceivedMail, TestMailbox, tokenIn } from '@anchored/mail/testing';
import { PASSWORD, Session, TestApp, codes, uniqueEmail } from './test-app';

const PUBLIC_URL = 'https://anchored.example';
const INVITE = `mutation($input: InviteInput!) { inviteUser(input: $input) { id email role token expiresAt } }`;
const RESEND = `mutation($id: ID!) { resendInvitation(id: $id) { id email expiresAt acceptedAt revokedAt token } }`;
const REVOKE = `mutation($id: ID!) { revokeInvitation(id: $id) { id revokedAt } }`;
const LIST = `{ invitations { id email revokedAt } }`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { accessToken user { email role } } }`;

/**
 * Invitations travel by email: the API sends the link itself through @anchored/mail, to a real SMTP
 * server here, and the link (PUBLIC_URL/invite?token=…) is what the invitee uses.
 */
describe('invitations by email: invite, resend, revoke', () => {
  let t: TestApp;
  let smtp: TestMailbox;
  let admin: Session;

  beforeAll(async () => {
    smtp = await TestMailbox.start();
    t = await TestApp.start({ SMTP_URL: smtp.url, PUBLIC_URL, MAIL_FROM: 'Anchored <team@anchored.example>' });
    admin = await t.user(Role.ADMIN, 'Morgan Admin');
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const mailsTo = async (email: string, count: number): Promise<ReceivedMail[]> => {
    const deadline = Date.now() + 10_000;
    while (smtp.to(email).length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return smtp.to(email);
  };
  const linkToken = (mail: ReceivedMail) => {
    const token = tokenIn(mail.text, PUBLIC_URL, '/invite');
    expect(token).toBeTruthy();
    return decodeURIComponent(token!);
  };
  const accept = (token: string) => t.gql(ACCEPT, { input: { token, name: 'Invited Person', password: PASSWORD, timezone: 'Europe/Berlin' } });
  const invitationRow = async (id: string) => (await t.db.query(`SELECT token_hash, expires_at, accepted_at, revoked_at FROM invitations WHERE id = $1`, [id]))[0];

  it('emails the invitation link (PUBLIC_URL/invite?token=…), which creates the account', async () => {
    const email = uniqueEmail('coach');
    const { inviteUser } = await t.ok(INVITE, { input: { email, role: 'COACH' } }, admin.token);
    const [mail] = await mailsTo(email, 1);
    expect(mail.subject).toBe('You are invited to Anchored');
    expect(mail.text).toContain('Morgan Admin has invited you to join Anchored as a coach');
    expect(mail.html).toContain(`href="${PUBLIC_URL}/invite?token=`);
    const token = linkToken(mail);
    expect(token).toBe(inviteUser.token);

    const { data } = await accept(token);
    expect(data.acceptInvitation.user).toEqual({ email, role: 'COACH' });
    // Used once: the same link again is refused.
    expect(codes(await accept(token))).toEqual(['BAD_USER_INPUT']);
  });

  it('resends under a new token: the old link dies, the new one works', async () => {
    const email = uniqueEmail('client');
    const { inviteUser } = await t.ok(INVITE, { input: { email, role: 'CLIENT' } }, admin.token);
    const [first] = await mailsTo(email, 1);
    const before = await invitationRow(inviteUser.id);

    const { resendInvitation } = await t.ok(RESEND, { id: inviteUser.id }, admin.token);
    // The token is only ever in the email (and inviteUser's own answer), never in a later answer.
    expect(resendInvitation).toMatchObject({ id: inviteUser.id, email, acceptedAt: null, revokedAt: null, token: null });
    const mails = await mailsTo(email, 2);
    expect(mails).toHaveLength(2);
    const oldToken = linkToken(first);
    const newToken = linkToken(mails[1]);
    expect(newToken).not.toBe(oldToken);
    expect((await invitationRow(inviteUser.id)).token_hash).not.toBe(before.token_hash);

    expect(codes(await accept(oldToken))).toEqual(['BAD_USER_INPUT']);
    expect((await accept(newToken)).data.acceptInvitation.user).toEqual({ email, role: 'CLIENT' });
  });

  it('revokes: the link dies at once, the list drops it, and it can be neither resent nor revoked again', async () => {
    const email = uniqueEmail('revoked');
    const { inviteUser } = await t.ok(INVITE, { input: { email, role: 'COACH' } }, admin.token);
    const token = linkToken((await mailsTo(email, 1))[0]);

    const { revokeInvitation } = await t.ok(REVOKE, { id: inviteUser.id }, admin.token);
    expect(revokeInvitation.revokedAt).toBeTruthy();
    expect(codes(await accept(token))).toEqual(['BAD_USER_INPUT']);
    expect((await t.ok(LIST, {}, admin.token)).invitations.map((i: { id: string }) => i.id)).not.toContain(inviteUser.id);

    const row = await invitationRow(inviteUser.id);
    expect(codes(await t.gql(RESEND, { id: inviteUser.id }, admin.token))).toEqual(['CONFLICT']);
    expect(codes(await t.gql(REVOKE, { id: inviteUser.id }, admin.token))).toEqual(['CONFLICT']);
    expect(await invitationRow(inviteUser.id)).toEqual(row);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.to(email)).toHaveLength(1);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [email]);
    expect(n).toBe(0);
  });

  it('refuses to resend or revoke an accepted invitation, an unknown one or a malformed id, changing nothing', async () => {
    const email = uniqueEmail('accepted');
    const { inviteUser } = await t.ok(INVITE, { input: { email, role: 'CLIENT' } }, admin.token);
    await accept(linkToken((await mailsTo(email, 1))[0]));
    const row = await invitationRow(inviteUser.id);
    expect(codes(await t.gql(RESEND, { id: inviteUser.id }, admin.token))).toEqual(['CONFLICT']);
    expect(codes(await t.gql(REVOKE, { id: inviteUser.id }, admin.token))).toEqual(['CONFLICT']);
    expect(await invitationRow(inviteUser.id)).toEqual(row);
    expect(codes(await t.gql(RESEND, { id: '00000000-0000-4000-8000-000000000000' }, admin.token))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(REVOKE, { id: 'not-an-id' }, admin.token))).toEqual(['BAD_USER_INPUT']);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.to(email)).toHaveLength(1);
  });
});
