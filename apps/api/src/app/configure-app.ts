import { INestApplication, ValidationPipe } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ContentRangeInterceptor } from '../common/content-range.interceptor';
import { DatabaseErrorFilter } from '../common/database-error.filter';
import { VALIDATION_OPTIONS } from '../common/validation';

/** Everything main.ts sets up around the modules; the HTTP tests call it too, so they test the real app. */
export function configureApp(app: INestApplication): void {
  app.setGlobalPrefix('api');
  app.useGlobalPipes(new ValidationPipe(VALIDATION_OPTIONS));
  app.useGlobalInterceptors(new ContentRangeInterceptor());
  app.useGlobalFilters(new DatabaseErrorFilter());
  // react-admin reads the list totals from Content-Range, which browsers hide unless exposed.
  app.enableCors({ exposedHeaders: ['Content-Range'] });

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
