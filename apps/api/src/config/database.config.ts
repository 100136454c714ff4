import { registerAs } from '@nestjs/config';
import { validateEnvironment } from './environment';

export interface DatabaseConfig {
  /** The server to use; undefined means: start the embedded PostgreSQL. */
  url?: string;
  embedded: { dir: string; port: number };
  limits: DatabaseLimits;
}

/** How long the API waits on PostgreSQL before it gives up and answers 503. */
export interface DatabaseLimits {
  statementTimeoutMs: number;
  lockTimeoutMs: number;
  poolTimeoutMs: number;
  poolSize: number;
}

export const databaseConfig = registerAs('database', (): DatabaseConfig => {
  const env = validateEnvironment(process.env);
  return {
    url: env.DATABASE_URL,
    embedded: { dir: env.EMBEDDED_PG_DIR, port: env.EMBEDDED_PG_PORT },
    limits: {
      statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
      lockTimeoutMs: env.DB_LOCK_TIMEOUT_MS,
      poolTimeoutMs: env.DB_POOL_TIMEOUT_MS,
      poolSize: env.DB_POOL_SIZE,
    },
  };
});
