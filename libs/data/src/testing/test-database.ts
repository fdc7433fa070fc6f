import { Client } from 'pg';

/** The Postgres server the tests use; each jest run gets a database of its own on it. */
const TEST_SERVER_URL = process.env['TEST_DATABASE_SERVER_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Set by global-setup for the whole run (workers inherit it), so parallel runs never collide. */
function testDatabaseName(): string {
  return process.env['TEST_DATABASE_NAME'] ?? 'anchored_test';
}

export function testDatabaseUrl(): string {
  return databaseUrlFor(testDatabaseName());
}

/** A database of the given name on the test server. */
export function databaseUrlFor(database: string): string {
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs one statement on the test server's maintenance database (CREATE/DROP DATABASE). */
export async function onServer(sql: string): Promise<void> {
  const client = new Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Drops and re-creates the test database, so every run starts from an empty schema. */
export async function recreateTestDatabase(): Promise<void> {
  await onServer(`DROP DATABASE IF EXISTS "${testDatabaseName()}" WITH (FORCE)`);
  await onServer(`CREATE DATABASE "${testDatabaseName()}"`);
}

export async function dropTestDatabase(): Promise<void> {
  await onServer(`DROP DATABASE IF EXISTS "${testDatabaseName()}" WITH (FORCE)`);
}
