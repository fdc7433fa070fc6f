import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { AccessLogEntity, AccessSubject } from '@anchored/data';

/** One read of `ownerId`'s private text by `readerId`. */
export interface AccessRead {
  readerId: string;
  subject: AccessSubject;
  subjectId: string;
  ownerId: string;
}

const keyOf = (r: AccessRead) => `${r.readerId}:${r.subject}:${r.subjectId}:${r.ownerId}`;

/**
 * The access log: every time someone other than the owner reads the owner's private text
 * (homework answers now; check-in notes and messages use the same call), a row the owner can read
 * in `myAccessLog`. Reads are written before the text is returned, so no read goes unrecorded:
 * when the log cannot be written, the read fails.
 *
 * Repeated reads of the same item by the same reader within one clock hour (UTC) collapse into
 * one row (the first read's time): a coach who reopens the review tab ten times is one line, not
 * ten, and a read in the next hour is a new line.
 */
@Injectable()
export class AccessLogService {
  /** One collector per request (keyed by any per-request object, e.g. the GraphQL loaders). */
  private readonly batches = new WeakMap<object, DataLoader<AccessRead, void, string>>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Records a read. Every read recorded for the same `request` object in the same tick (a list of
   * 20 submissions resolves its 20 `responses` together) goes out as one INSERT.
   */
  record(request: object, read: AccessRead): Promise<void> {
    if (read.readerId === read.ownerId) return Promise.resolve();
    let batch = this.batches.get(request);
    if (!batch) {
      batch = new DataLoader<AccessRead, void, string>(
        async (reads) => {
          await this.recordMany(reads);
          return reads.map(() => undefined);
        },
        // The same read twice in one request is one read; the cache lives as long as the request.
        { cacheKeyFn: keyOf, maxBatchSize: 1000 },
      );
      this.batches.set(request, batch);
    }
    return batch.load(read);
  }

  /** One multi-row INSERT for any number of reads; reads of one's own text are not logged. */
  async recordMany(reads: readonly AccessRead[]): Promise<void> {
    const others = reads.filter((r) => r.readerId !== r.ownerId);
    if (others.length === 0) return;
    await this.db.query(
      `INSERT INTO access_log (owner_id, reader_id, subject, subject_id, hour, at)
       SELECT owner_id, reader_id, subject, subject_id, date_trunc('hour', now(), 'UTC'), now()
       FROM unnest($1::uuid[], $2::uuid[], $3::access_subject[], $4::uuid[]) AS r(owner_id, reader_id, subject, subject_id)
       ON CONFLICT ON CONSTRAINT access_log_once_per_hour DO NOTHING`,
      [others.map((r) => r.ownerId), others.map((r) => r.readerId), others.map((r) => r.subject), others.map((r) => r.subjectId)],
    );
  }

  /** The owner's log, newest first. */
  listFor(ownerId: string, limit: number, offset: number): Promise<AccessLogEntity[]> {
    return this.db.getRepository(AccessLogEntity).find({ where: { ownerId }, order: { at: 'DESC', id: 'ASC' }, take: limit, skip: offset });
  }
}
