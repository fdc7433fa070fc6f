// Runs outside jest's module resolution, so it keeps to relative imports and plain pg.
import { recreateTestDatabase } from './test-database';

/** A fresh, empty database per run; each test app runs the migrations on it when it starts. */
export default async function globalSetup(): Promise<void> {
  process.env['TEST_DATABASE_NAME'] ??= `anchored_test_${process.pid}`;
  await recreateTestDatabase();
}
