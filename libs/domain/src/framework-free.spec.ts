import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('libs/domain', () => {
  const sources = readdirSync(__dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));

  it('imports no framework, database or queue, so the API, the worker and the web app can all use it', () => {
    expect(sources.length).toBeGreaterThan(5);
    for (const file of sources) {
      expect(readFileSync(join(__dirname, file), 'utf8')).not.toMatch(/from '(@nestjs|typeorm|pg|bullmq|ioredis|react|@apollo|@mantine)/);
    }
  });

  it('uses no Node-only module, so it can run in the browser', () => {
    for (const file of sources) expect(readFileSync(join(__dirname, file), 'utf8')).not.toMatch(/from '(node:|fs'|crypto'|path')/);
  });
});
