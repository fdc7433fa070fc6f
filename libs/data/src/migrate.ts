import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** Any constant works; every process that migrates this database uses the same one. */
const MIGRATION_LOCK_KEY = 727_001;

/**
 * Applies pending migrations. An advisory lock makes instances that start together take turns,
 * so each migration runs exactly once.
 */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const db = new DataSource(dataSourceOptions(databaseUrl, { extra: { max: 2 } }));
  await db.initialize();
  const lock = db.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await db.runMigrations({ transaction: 'each' });
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    return applied.map((m) => m.name);
  } finally {
    await lock.release();
    await db.destroy();
  }
}
