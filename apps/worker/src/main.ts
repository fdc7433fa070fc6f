import 'reflect-metadata';
import { ConfigError, loadConfig } from '@anchored/config';
import { createWorker } from './create-worker';
import { Mailer } from '@anchored/mail';

async function main() {
  // createWorker refuses a config without REDIS_URL; both problems surface as ConfigError below.
  const app = await createWorker(loadConfig());
  // SIGTERM / SIGINT close the app: workers finish (or hand back) the jobs in hand first.
  app.enableShutdownHooks();
  await app.init();
  process.stdout.write(`\nAnchored worker is running (emails: ${app.get(Mailer).mode}).\n\n`);
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    console.error(`Anchored worker cannot start.\n${error.message}`);
    process.exit(78);
  }
  console.error('Anchored worker failed to start:', error);
  process.exit(1);
});
