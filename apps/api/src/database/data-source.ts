// For the TypeORM CLI only (npm run migration:generate / migration:run / migration:revert).
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { typeOrmOptions } from './typeorm-options';

const url = process.env.DATABASE_URL;
if (!url) {
  throw new Error('Set DATABASE_URL to the PostgreSQL server the TypeORM CLI should work on');
}

export default new DataSource({ ...typeOrmOptions(url), migrationsRun: false });
