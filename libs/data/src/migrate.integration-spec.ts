import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { runMigrations } from './migrate';
import { databaseUrlFor, onServer } from './testing/test-database';

const NAME = 'anchored_migrations_test';
const urlFor = databaseUrlFor;
const admin = onServer;

describe('migrations', () => {
  beforeAll(async () => {
    await admin(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${NAME}`);
  });
  afterAll(() => admin(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`));

  it('apply once even when several processes start together, and revert cleanly', async () => {
    const runs = await Promise.all([runMigrations(urlFor(NAME)), runMigrations(urlFor(NAME)), runMigrations(urlFor(NAME))]);
    // Exactly one of the concurrent runs applied each migration.
    const applied = runs.flat();
    expect(applied.length).toBeGreaterThan(0);
    expect(new Set(applied).size).toBe(applied.length);
    expect(await runMigrations(urlFor(NAME))).toEqual([]);

    const db = await new DataSource(dataSourceOptions(urlFor(NAME))).initialize();
    try {
      const tables: { table_name: string }[] = await db.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
      );
      expect(tables.map((t) => t.table_name)).toEqual(
        expect.arrayContaining(['attendance', 'cohort_coaches', 'cohorts', 'enrollments', 'homework_assignments', 'invitations', 'login_attempts', 'refresh_tokens', 'sessions', 'submissions', 'users']),
      );
      // Every column an entity maps exists in the tables the migrations built (that the entities
      // declare the same constraints and indexes is schema-drift.integration-spec.ts).
      const columns: { table_name: string; column_name: string }[] = await db.query(
        `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`,
      );
      const present = new Set(columns.map((c) => `${c.table_name}.${c.column_name}`));
      const mapped = db.entityMetadatas.flatMap((m) => m.columns.map((c) => `${m.tableName}.${c.databaseName}`));
      expect(mapped.filter((c) => !present.has(c))).toEqual([]);

      for (let i = 0; i < applied.length; i++) await db.undoLastMigration();
      const left: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`);
      expect(left[0].n).toBe(0);
    } finally {
      await db.destroy();
    }
  });
});
