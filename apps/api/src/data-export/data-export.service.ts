import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@anchored/config';
import { DataExportEntity, DataExportStatus, dataExportTokenHash } from '@anchored/data';
import { APP_CONFIG } from '../config.module';
import { JobsProducer } from '../jobs/jobs-producer.service';
import { PRIVATE_TEXT_CIPHER, PrivateTextCipher, dataExportAad, dataExportTokenAad } from '../private-text/private-text-cipher';
import type { DataExportModel } from './models/data-export.model';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** How many of the caller's exports `myDataExports` lists (newest first). */
const LISTED = 20;

/** "Take my data out": the request (built by the worker), the list, and the download by secret link. */
@Injectable()
export class DataExportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PRIVATE_TEXT_CIPHER) private readonly cipher: PrivateTextCipher,
    private readonly jobs: JobsProducer,
  ) {}

  /** A new PENDING export, or the one still pending (a unique partial index keeps it to one, also under parallel requests). */
  async request(userId: string, now = new Date()): Promise<DataExportModel> {
    await this.db.query(`INSERT INTO data_exports (user_id, requested_at) VALUES ($1, $2) ON CONFLICT (user_id) WHERE status = 'PENDING' DO NOTHING`, [userId, now]);
    const row = await this.db.getRepository(DataExportEntity).findOneByOrFail({ userId, status: DataExportStatus.PENDING });
    await this.jobs.dataExportRequested(row.id);
    return this.toModel(row, now);
  }

  async listMine(userId: string, now = new Date()): Promise<DataExportModel[]> {
    const rows = await this.db.getRepository(DataExportEntity).find({ where: { userId }, order: { requestedAt: 'DESC', id: 'DESC' }, take: LISTED });
    return rows.map((row) => this.toModel(row, now));
  }

  /** The JSON file, when the id and secret match a READY export within its 24 hours; null otherwise (the caller answers 404). */
  async download(id: string, token: unknown, now = new Date()): Promise<{ json: string; filename: string } | null> {
    if (!UUID.test(id) || typeof token !== 'string' || !TOKEN.test(token)) return null;
    const row = await this.db.getRepository(DataExportEntity).findOneBy({ id, status: DataExportStatus.READY });
    if (!row || !row.tokenHash || !row.contentEncrypted || !row.expiresAt || row.expiresAt <= now) return null;
    const given = Buffer.from(dataExportTokenHash(token), 'hex');
    const stored = Buffer.from(row.tokenHash, 'hex');
    if (given.length !== stored.length || !timingSafeEqual(given, stored)) return null;
    const document = this.cipher.decrypt(row.contentEncrypted, dataExportAad(row));
    const day = (row.readyAt ?? now).toISOString().slice(0, 10);
    return { json: JSON.stringify(document, null, 2), filename: `anchored-data-${day}.json` };
  }

  private toModel(row: DataExportEntity, now: Date): DataExportModel {
    const live = row.status === DataExportStatus.READY && row.expiresAt !== null && row.expiresAt > now;
    const status = row.status === DataExportStatus.READY && !live ? DataExportStatus.EXPIRED : row.status;
    const token = live && row.tokenEncrypted ? this.cipher.decrypt<string>(row.tokenEncrypted, dataExportTokenAad(row)) : null;
    return {
      id: row.id,
      status,
      requestedAt: row.requestedAt,
      readyAt: row.readyAt,
      downloadUrl: token ? `${this.config.publicUrl}/exports/${row.id}?token=${token}` : null,
    };
  }
}
