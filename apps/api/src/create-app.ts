import { INestApplication } from '@nestjs/common';
import { HttpAdapterHost, NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@anchored/config';
import { runMigrations } from '@anchored/data';
import { AppModule, AppOptions } from './app.module';
import { AdminBootstrapService } from './bootstrap/admin-bootstrap.service';
import { DemoDataService } from './bootstrap/demo-data.service';
import { AppExceptionFilter } from './graphql/exception.filter';
import { createValidationPipe } from './graphql/validation.pipe';
import { mountQueueDashboard } from './queue-dashboard/queue-dashboard';
import { mountWebApp } from './web-app/web-app';

/**
 * Builds the API: migrations, the Nest app, the first admin and (in development, when asked)
 * demo data. Used by main.ts and by the integration tests, so both run the same code.
 */
export async function createApp(config: AppConfig, options: AppOptions = {}): Promise<INestApplication> {
  await runMigrations(config.databaseUrl);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AppExceptionFilter(app.get(HttpAdapterHost).httpAdapter));
  // Only the configured number of proxy hops may set the client IP (X-Forwarded-For); never `true`,
  // which would believe whatever address a client writes into the header.
  app.set('trust proxy', config.trustProxyHops > 0 ? config.trustProxyHops : 'loopback');
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  mountQueueDashboard(app, config);
  mountWebApp(app, config);
  await app.get(AdminBootstrapService).ensureAdmin();
  if (config.demoData) await app.get(DemoDataService).seedIfEmpty();
  return app;
}
