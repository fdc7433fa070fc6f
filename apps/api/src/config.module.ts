import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import type { AppConfig } from '@anchored/config';

export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * Makes the validated AppConfig injectable everywhere. @nestjs/config holds it too, so
 * `ConfigService.get('port')` works for code that prefers that style.
 */
@Global()
@Module({})
export class AppConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppConfigModule,
      imports: [ConfigModule.forRoot({ ignoreEnvFile: true, load: [() => ({ ...config })], isGlobal: true })],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
