import { Logger, ValidationPipe, type NestApplicationOptions } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { authConfig } from '../config/auth.config';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ApiExceptionFilter } from '../common/api-exception.filter';
import { requestTiming } from '../common/server-timing';
import { appConfig } from '../config/app.config';
import { VALIDATION_OPTIONS } from '../common/validation';
import { cleanInput, jsonBody, noStore, sameOriginWrites } from './edge';

/**
 * The options the app is created with, by main.ts and the HTTP tests alike: Nest's own body parsers
 * are off (they would take url-encoded forms too), configureApp installs the JSON one.
 */
export const APP_OPTIONS: NestApplicationOptions = { bodyParser: false };

/** Everything main.ts sets up around the modules; the HTTP tests call it too, so they test the real app. */
export function configureApp(app: NestExpressApplication): void {
  const auth = app.get<ConfigType<typeof authConfig>>(authConfig.KEY);
  const config = app.get<ConfigType<typeof appConfig>>(appConfig.KEY);
  app.set('trust proxy', auth.trustProxy);
  app.use(requestTiming());
  app.use(helmet());
  app.use(cookieParser());
  serveWebApp(app, config.webRoot);
  app.use('/api', noStore, sameOriginWrites(auth.corsOrigins), ...jsonBody(), cleanInput);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(new ValidationPipe(VALIDATION_OPTIONS));
  app.useGlobalFilters(new ApiExceptionFilter(app.getHttpAdapter()));
  // The web app is served from the same origin and needs no CORS; other origins only from the
  // configured allow-list (none by default: then no CORS middleware at all, rather than one that runs
  // on every request to refuse every origin). react-admin reads the list totals from Content-Range,
  // which browsers hide from other origins unless exposed.
  if (auth.corsOrigins.length > 0) {
    app.enableCors({ origin: auth.corsOrigins, credentials: true, exposedHeaders: ['Content-Range'] });
  }
  if (config.apiDocs) serveApiDocs(app);
}

const isApi = (request: Request) => request.path === '/api' || request.path.startsWith('/api/');

/**
 * The built react-admin app at `/`: its files, and index.html for any other GET outside /api, so
 * that deep links open on reload. Absent when the web app has not been built (the API's own tests).
 */
function serveWebApp(app: NestExpressApplication, webRoot: string): void {
  const index = join(webRoot, 'index.html');
  if (!existsSync(index)) {
    new Logger('WebApp').log(`No web app at ${webRoot}: serving the API only`);
    return;
  }
  const files = express.static(webRoot, { index: false });
  app.use((request: Request, response: Response, next: NextFunction) => (isApi(request) ? next() : files(request, response, next)));
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (isApi(request) || (request.method !== 'GET' && request.method !== 'HEAD')) return next();
    response.sendFile(index);
  });
}

function serveApiDocs(app: NestExpressApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Talentflow API')
      .setDescription(
        'Moves of researchers between organisations, the sources behind them, and headcount targets. ' +
          'Lists follow react-admin simple REST: sort=["field","ASC"], range=[0,24], filter={...}; the total is in Content-Range.',
      )
      .setVersion('1')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
