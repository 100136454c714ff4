import { ValidationPipe } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { authConfig } from '../config/auth.config';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { DatabaseErrorFilter } from '../common/database-error.filter';
import { requestTiming } from '../common/server-timing';
import { appConfig } from '../config/app.config';
import { VALIDATION_OPTIONS } from '../common/validation';

/** Everything main.ts sets up around the modules; the HTTP tests call it too, so they test the real app. */
export function configureApp(app: NestExpressApplication): void {
  const auth = app.get<ConfigType<typeof authConfig>>(authConfig.KEY);
  app.set('trust proxy', auth.trustProxy);
  app.use(requestTiming(app.get<ConfigType<typeof appConfig>>(appConfig.KEY).sqlTraceFile));
  app.use(helmet());
  app.use(cookieParser());
  app.setGlobalPrefix('api');
  app.useGlobalPipes(new ValidationPipe(VALIDATION_OPTIONS));
  app.useGlobalFilters(new DatabaseErrorFilter());
  // The web app is served from the same origin and needs no CORS; other origins only from the
  // configured allow-list (none by default: then no CORS middleware at all, rather than one that runs
  // on every request to refuse every origin). react-admin reads the list totals from Content-Range,
  // which browsers hide from other origins unless exposed.
  if (auth.corsOrigins.length > 0) {
    app.enableCors({ origin: auth.corsOrigins, credentials: true, exposedHeaders: ['Content-Range'] });
  }

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
