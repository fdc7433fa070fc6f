import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { runMigrations } from './migrate';
import { databaseUrlFor, onServer } from './testing/test-database';

const MIGRATED = `anchored_drift_migrated_${process.pid}`;
const SYNCHRONIZED = `anchored_drift_synchronized_${process.pid}`;

/**
 * Indexes the migrations order DESC. TypeORM's @Index cannot say so; the entity lists the same
 * columns in the same order, and the comparison below drops DESC for these indexes only.
 */
const DESC_INDEXES = ['notifications_user_created_idx', 'submissions_client_idx'];

/** Every constraint and index of the public schema, as Postgres itself prints them. */
async function catalog(db: DataSource): Promise<string[]> {
  const constraints: { row: string }[] = await db.query(`
    SELECT c.conrelid::regclass || ' ' ||
           -- Primary keys: TypeORM names them by hash unless told; the migrations use <table>_pkey.
           CASE WHEN c.contype = 'p' THEN 'pkey' ELSE c.conname END || ': ' || pg_get_constraintdef(c.oid) AS row
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE n.nspname = 'public' AND c.conrelid <> 0 AND c.conrelid::regclass::text <> 'migrations'`);
  const indexes: { name: string; row: string }[] = await db.query(`
    SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS row
      FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public' AND t.relname <> 'migrations'
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`);
  return [
    ...constraints.map((c) => c.row),
    ...indexes.map((i) => (DESC_INDEXES.includes(i.name) ? i.row.replace(/ DESC/g, '') : i.row)),
  ].sort();
}

/**
 * The entities must describe exactly the schema the migrations build. Otherwise the next
 * `migration:generate` (or a `synchronize`) would, for example, drop foreign keys or the unique
 * key that makes notifications exactly-once.
 */
describe('entities and migrations', () => {
  let migrated: DataSource;

  beforeAll(async () => {
    for (const name of [MIGRATED, SYNCHRONIZED]) {
      await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await onServer(`CREATE DATABASE ${name}`);
    }
    await runMigrations(databaseUrlFor(MIGRATED));
    migrated = await new DataSource(dataSourceOptions(databaseUrlFor(MIGRATED), { extra: { max: 2 } })).initialize();
  });

  afterAll(async () => {
    await migrated?.destroy();
    for (const name of [MIGRATED, SYNCHRONIZED]) await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('agree: TypeORM has no schema change to make after the migrations ran', async () => {
    const pending = await migrated.driver.createSchemaBuilder().log();
    // The queries themselves, so a failure says what to change (the entity, or a new migration).
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  // TypeORM's diff compares checks by name only, and indexes without their WHERE or column
  // order; Postgres' own definitions of both schemas catch those too.
  it('agree on every constraint and index definition (checks, partial indexes, column order, ON DELETE)', async () => {
    const synchronized = await new DataSource(
      dataSourceOptions(databaseUrlFor(SYNCHRONIZED), { extra: { max: 2 }, synchronize: true, uuidExtension: 'pgcrypto' }),
    ).initialize();
    try {
      const fromMigrations = await catalog(migrated);
      const fromEntities = await catalog(synchronized);
      expect({ onlyInMigrations: fromMigrations.filter((r) => !fromEntities.includes(r)), onlyInEntities: fromEntities.filter((r) => !fromMigrations.includes(r)) }).toEqual({
        onlyInMigrations: [],
        onlyInEntities: [],
      });
    } finally {
      await synchronized.destroy();
    }
  });
});
