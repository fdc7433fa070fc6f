import { DynamicModule, Global, Logger, Module, OnApplicationShutdown, Inject } from '@nestjs/common';
import { Mailer, MailSettings } from './mailer';

/** Closes the transport when the app shuts down, after background deliveries finished. */
class MailerShutdown implements OnApplicationShutdown {
  constructor(@Inject(Mailer) private readonly mailer: Mailer) {}
  async onApplicationShutdown(): Promise<void> {
    await this.mailer.idle();
    this.mailer.close();
  }
}

/**
 * Provides one `Mailer` to the whole app (API or worker):
 * `MailModule.forRoot(config.notifications)` — it reads smtpUrl, mailOutboxDir and mailFrom.
 */
@Global()
@Module({})
export class MailModule {
  static forRoot(settings: MailSettings): DynamicModule {
    return {
      module: MailModule,
      providers: [
        {
          provide: Mailer,
          useFactory: () => {
            const logger = new Logger(Mailer.name);
            return new Mailer(settings, { log: (m) => logger.log(m), warn: (m) => logger.warn(m) });
          },
        },
        MailerShutdown,
      ],
      exports: [Mailer],
    };
  }
}
