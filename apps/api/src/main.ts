import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app/app.module';
import { APP_OPTIONS, configureApp } from './app/configure-app';
import { drain } from './app/shutdown';
import { appConfig } from './config/app.config';
import { databaseConfig } from './config/database.config';
import { loadEnvFile } from './config/environment';
import { startEmbeddedPostgres } from './database/embedded-postgres';
import { importArguments, runImport } from './cli/import-command';

async function bootstrap() {
  loadEnvFile();
  const importArgs = process.argv[2] === 'import' ? importArguments(process.argv.slice(3)) : undefined;
  if (importArgs === null) process.exit(2);
  const logger = new Logger('Talentflow');
  const { port, logLevel, shutdownGraceMs } = appConfig();
  const database = databaseConfig();

  const postgres = database.url
    ? { url: database.url, stop: async () => undefined }
    : await startEmbeddedPostgres({ ...database.embedded, log: (line) => logger.warn(line) });
  if (!database.url) logger.log(`Embedded PostgreSQL started, its files in ${database.embedded.dir}`);

  const levels = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
  if (importArgs) {
    // `npm run import -- …`: the app's modules on the same database, without HTTP.
    const context = await NestFactory.createApplicationContext(AppModule.forRoot({ databaseUrl: postgres.url }), { logger: ['error', 'warn'] });
    const code = await runImport(context, importArgs).finally(async () => {
      await context.close();
      await postgres.stop();
    });
    process.exit(code);
  }
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ databaseUrl: postgres.url }), {
    ...APP_OPTIONS,
    logger: levels.slice(0, levels.indexOf(logLevel) + 1),
  });
  configureApp(app);

  // Ctrl-C or a container stop: answer the requests already accepted, then close the pool and the
  // embedded database.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, async () => {
      logger.log(`${signal}: shutting down`);
      await drain(app.getHttpServer(), shutdownGraceMs);
      await app.close();
      await postgres.stop();
      process.exit(0);
    });
  }

  await app.listen(port);
  logger.log(`Talentflow: http://localhost:${port}/ (API at /api, docs at /api/docs)`);
}

bootstrap().catch((error: unknown) => {
  new Logger('Talentflow').error(error instanceof Error ? error.message : error);
  process.exit(1);
});
