import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigError, type AppConfig } from '@anchored/config';
import { runMigrations } from '@anchored/data';
import type { WorkerTuning } from './worker-tuning';
import { WorkerModule } from './worker.module';

/**
 * Boots a worker: migrations first (under the same advisory lock as the API, so whichever starts
 * first applies them), then a Nest application context with the queue processors.
 */
export async function createWorker(config: AppConfig, tuning: WorkerTuning = {}): Promise<INestApplicationContext> {
  if (!config.redisUrl) throw new ConfigError(['REDIS_URL is required to run the worker (e.g. redis://127.0.0.1:6379)']);
  await runMigrations(config.databaseUrl);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, tuning), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  return app;
}
