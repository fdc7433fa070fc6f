import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '@anchored/config';
import { dataSourceOptions } from '@anchored/data';
import { APP_CONFIG } from '../config.module';

/** Migrations are not run here but before the app starts (see runMigrations), under a lock. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => dataSourceOptions(config.databaseUrl),
    }),
  ],
})
export class DatabaseModule {}
