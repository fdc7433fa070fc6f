import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '@anchored/migrations';
import { ENTITIES } from './entities';

/** One definition of how the platform talks to Postgres, for the API, the worker and the CLI. */
export function dataSourceOptions(databaseUrl: string, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    // Schema changes only ever happen through migrations/.
    synchronize: false,
    migrationsRun: false,
    extra: { max: 10 },
    ...overrides,
  } as DataSourceOptions;
}
