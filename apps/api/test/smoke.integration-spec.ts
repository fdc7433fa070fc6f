import { Role } from '@anchored/domain';
import { TestApp } from './test-app';

describe('smoke', () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.start()));
  afterAll(() => t.close());

  it('signs up and reads me', async () => {
    const s = await t.user(Role.CLIENT);
    const data = await t.ok(`{ me { id email role timezone calendarUrl } }`, {}, s.token);
    expect(data.me.id).toBe(s.user.id);
    expect(data.me.role).toBe('CLIENT');
  });
});
