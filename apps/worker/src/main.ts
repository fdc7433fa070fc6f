import 'reflect-metadata';
import { ConfigError, loadConfig } from '@anchored/config';
import { createWorker } from './create-worker';
import { MailerService } from './notify/mailer.service';

async function main() {
  let config;
  try {
    config = loadConfig();
    if (!config.redisUrl) throw new ConfigError(['REDIS_URL is required to run the worker (e.g. redis://127.0.0.1:6379)']);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Anchored worker cannot start.\n${error.message}`);
      process.exit(78);
    }
    throw error;
  }
  const app = await createWorker(config);
  // SIGTERM / SIGINT close the app: workers finish (or hand back) the jobs in hand first.
  app.enableShutdownHooks();
  await app.init();
  process.stdout.write(`\nAnchored worker is running (emails: ${app.get(MailerService).mode}).\n\n`);
}

main().catch((error) => {
  console.error('Anchored worker failed to start:', error);
  process.exit(1);
});
