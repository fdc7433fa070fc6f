import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PRIVATE_TEXT_CIPHER, PrivateTextCipher } from './private-text-cipher';
import { sealLegacyPlaintext } from './sealed-columns';

/**
 * At start, encrypts private text an older version (or a direct SQL insert) left in the clear.
 * After the first start on migration 1764400000000 this finds nothing and costs three index-less
 * but empty-result scans of nullable columns.
 */
@Injectable()
export class LegacyPlaintextService implements OnApplicationBootstrap {
  private readonly logger = new Logger(LegacyPlaintextService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(PRIVATE_TEXT_CIPHER) private readonly cipher: PrivateTextCipher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const counts = await sealLegacyPlaintext(this.db, this.cipher);
    const sealed = Object.entries(counts).filter(([, n]) => n > 0);
    if (sealed.length) this.logger.log(`Encrypted private text stored in the clear: ${sealed.map(([kind, n]) => `${n} ${kind}`).join(', ')}`);
  }
}
