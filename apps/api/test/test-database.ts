// The per-run test database lives in libs/data (shared with the worker's tests).
export { testDatabaseUrl } from '@anchored/data';
