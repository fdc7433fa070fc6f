import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, loadConfig } from '@anchored/config';
import { DEMO_ADMIN, DEMO_CLIENTS, DEMO_COACH, DEMO_PASSWORD } from './bootstrap/demo-data.service';
import { createApp } from './create-app';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Anchored API cannot start.\n${error.message}`);
      process.exit(78);
    }
    throw error;
  }
  const app = await createApp(config);
  await app.listen(config.port);
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  const lines = [`Anchored API is listening: GraphQL ${url}/graphql, health ${url}/health`];
  if (existsSync(join(resolve(config.webDistDir), 'index.html'))) lines.push(`Web app: open ${url}/ in your browser`);
  if (config.demoData) {
    lines.push(`Demo logins (password "${DEMO_PASSWORD}"):`, `  admin  ${DEMO_ADMIN.email}`, `  coach  ${DEMO_COACH.email}`);
    for (const c of DEMO_CLIENTS) lines.push(`  client ${c.email}`);
  }
  if (config.adminEmail) lines.push(`Admin from ADMIN_EMAIL: ${config.adminEmail}`);
  new Logger('Main').log(lines[0]);
  // Also plainly on stdout: this is what a person starting the platform reads.
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
}

main().catch((error) => {
  console.error('Anchored API failed to start:', error);
  process.exit(1);
});
