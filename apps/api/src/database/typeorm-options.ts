import { DataSourceOptions } from 'typeorm';
import { QueryTimingSubscriber } from '../common/server-timing';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** The one description of our PostgreSQL schema, for the app, the tests and the TypeORM CLI. */
export function typeOrmOptions(url: string): DataSourceOptions {
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
    // Analytics group tens of thousands of organisations or pairs: with PostgreSQL's default 4 MB
    // their hash aggregates spill to disk. Per connection, set at connect (a pooler in front must
    // pass `options` through).
    extra: { options: '-c work_mem=32MB' },
  };
}
