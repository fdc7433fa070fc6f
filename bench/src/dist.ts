import { join } from 'node:path';

/**
 * The benchmarks measure the built apps (dist/), loaded at run time: the same code `npm start`
 * runs, and no compile-time dependency from this project on the apps' sources.
 */
export function fromDist<T>(root: string, app: 'api' | 'worker', file: string): T {
  return require(join(root, `dist/${app}/apps/${app}/src/${file}`)) as T;
}

export function distMain(root: string, app: 'api' | 'worker'): string {
  return join(root, `dist/${app}/apps/${app}/src/main.js`);
}
