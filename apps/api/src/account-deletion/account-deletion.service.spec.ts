import { DomainError, ErrorCode, Role } from '@anchored/domain';
import type { UserEntity } from '@anchored/data';
import { AccountDeletionService } from './account-deletion.service';

/** The refusals that need a database state the shared test database cannot safely be put in (no other admin). */
describe('AccountDeletionService refusals', () => {
  const leave = (rows: unknown[], role: Role) => {
    const db = { query: jest.fn().mockResolvedValue(rows) };
    const service = new AccountDeletionService(db as never, {} as never, {} as never, {} as never);
    const user = { id: 'me', role } as UserEntity;
    return (service as unknown as { assertMayLeave(db: unknown, user: UserEntity): Promise<void> }).assertMayLeave(db, user);
  };

  it('refuses the last admin', async () => {
    await expect(leave([{ id: 'me' }], Role.ADMIN)).rejects.toEqual(expect.objectContaining({ code: ErrorCode.CONFLICT, message: expect.stringMatching(/^You are the last admin\./) }));
  });

  it('lets an admin go while another admin remains', async () => {
    await expect(leave([{ id: 'me' }, { id: 'someone else' }], Role.ADMIN)).resolves.toBeUndefined();
  });

  it('names the running cohorts a coach must hand over first', async () => {
    const refused = await leave([{ name: 'Spring Circle' }, { name: 'Autumn Circle' }], Role.COACH).catch((e: DomainError) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).message).toBe('You coach Spring Circle, Autumn Circle, which are running. Ask an admin to hand them to another coach before you delete your account.');
  });
});
