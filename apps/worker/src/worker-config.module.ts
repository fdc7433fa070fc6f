import { DynamicModule, Global, Module } from '@nestjs/common';
import type { AppConfig } from '@anchored/config';

export const WORKER_CONFIG = Symbol('WORKER_CONFIG');

/** The validated config, injectable in every provider of the worker. */
@Global()
@Module({})
export class WorkerConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: WorkerConfigModule, providers: [{ provide: WORKER_CONFIG, useValue: config }], exports: [WORKER_CONFIG] };
  }
}
