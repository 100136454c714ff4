import { DataSourceOptions } from 'typeorm';
import { QueryTimingSubscriber } from '../common/server-timing';
import type { DatabaseLimits } from '../config/database.config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * The one description of our PostgreSQL schema, for the app, the tests and the TypeORM CLI. With
 * `limits` (the app), no request waits on PostgreSQL unbounded: a statement, a row lock and the wait
 * for a pooled connection each have a timeout, and the answer is then a 503 (ApiExceptionFilter).
 * A migration that needs longer than the statement timeout sets `SET LOCAL statement_timeout = 0`.
 */
export function typeOrmOptions(url: string, limits?: DatabaseLimits): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    subscribers: [QueryTimingSubscriber],
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    // gen_random_uuid() is built into PostgreSQL 13+; the migrations create every extension they use.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    // The schema changes only through reviewed migrations, applied on start.
    synchronize: false,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    // The analytics' bulk load joins every move to its mover: with PostgreSQL's default 4 MB the
    // hash spills to disk. Per connection, set at connect (a pooler in front must pass `options`
    // through).
    extra: {
      options: '-c work_mem=32MB',
      ...(limits && {
        statement_timeout: limits.statementTimeoutMs,
        lock_timeout: limits.lockTimeoutMs,
        connectionTimeoutMillis: limits.poolTimeoutMs,
        max: limits.poolSize,
      }),
    },
  };
}
