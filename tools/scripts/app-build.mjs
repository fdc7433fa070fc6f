import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Compiles the API with Nx (cached when nothing changed) and returns the folder of its entry points. */
export function buildApi(root, env = process.env) {
  const out = join(root, 'dist/api/apps/api/src');
  if (env.SKIP_BUILD === 'true' && existsSync(join(out, 'main.js'))) return out;
  const build = spawnSync('npx', ['nx', 'run', 'api:build', '--outputStyle=static'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
  if (build.status !== 0) throw new Error('The API build failed (run `npx nx run api:build` to see why).');
  return out;
}
