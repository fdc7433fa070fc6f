import { DynamicModule, Logger, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AppConfig } from '@anchored/config';

/**
 * Serves the built web app (apps/web) from the API's own origin, so the browser needs no CORS and
 * the API's paths stay the API's. Any other GET path answers index.html: the app's router takes it.
 */
@Module({})
export class WebAppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const rootPath = resolve(config.webDistDir);
    if (!existsSync(join(rootPath, 'index.html'))) {
      new Logger('WebApp').warn(`No web app at ${rootPath} (run \`npx nx build web\`); serving the API only.`);
      return { module: WebAppModule };
    }
    return {
      module: WebAppModule,
      imports: [
        ServeStaticModule.forRoot({
          rootPath,
          exclude: ['/graphql{/*path}', '/health{/*path}', '/calendar{/*path}', '/admin/queues{/*path}'],
          serveStaticOptions: {
            // Hashed bundles never change; index.html must always be fresh to pick up new ones.
            setHeaders: (res, path) => {
              res.setHeader('Cache-Control', path.includes(`${join('assets', '')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
            },
          },
        }),
      ],
    };
  }
}
