import { DynamicModule, Logger, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { appConfig } from '../config/app.config';

/**
 * Serves the built react-admin app at `/` (any path outside /api falls back to index.html, so deep
 * links open on reload). Absent when the web app has not been built, e.g. in the API's own tests.
 */
@Module({})
export class WebModule {
  static forRoot(): DynamicModule {
    const { webRoot } = appConfig();
    if (!existsSync(join(webRoot, 'index.html'))) {
      new Logger(WebModule.name).log(`No web app at ${webRoot}: serving the API only`);
      return { module: WebModule };
    }
    return {
      module: WebModule,
      imports: [ServeStaticModule.forRoot({ rootPath: webRoot, exclude: ['/api/{*path}'] })],
    };
  }
}
