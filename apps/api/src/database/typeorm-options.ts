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
  };
}
