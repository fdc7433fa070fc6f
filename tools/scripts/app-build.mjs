import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Compiles an app (api, worker or web) with Nx (cached when nothing changed) and returns the folder
 * of its entry points (for web: the static files the API serves).
 */
export function buildApp(root, app, env = process.env) {
  const out = app === 'web' ? join(root, 'dist/web') : join(root, `dist/${app}/apps/${app}/src`);
  if (env.SKIP_BUILD === 'true' && existsSync(join(out, app === 'web' ? 'index.html' : 'main.js'))) return out;
  const build = spawnSync('npx', ['nx', 'run', `${app}:build`, '--outputStyle=static'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
  if (build.status !== 0) throw new Error(`The ${app} build failed (run \`npx nx run ${app}:build\` to see why).`);
  return out;
}
