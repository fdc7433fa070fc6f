import { Global, Module } from '@nestjs/common';
import type { AppConfig } from '@anchored/config';
import { APP_CONFIG } from '../config.module';
import { LegacyPlaintextService } from './legacy-plaintext.service';
import { PRIVATE_TEXT_CIPHER, PrivateTextCipher } from './private-text-cipher';

/** One cipher for every kind of private text, keyed by HOMEWORK_ENCRYPTION_KEYS (the name predates the other kinds). */
@Global()
@Module({
  providers: [
    { provide: PRIVATE_TEXT_CIPHER, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new PrivateTextCipher(config.homeworkKeys) },
    LegacyPlaintextService,
  ],
  exports: [PRIVATE_TEXT_CIPHER],
})
export class PrivateTextModule {}
