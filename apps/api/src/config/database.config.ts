import { registerAs } from '@nestjs/config';
import { validateEnvironment } from './environment';

export interface DatabaseConfig {
  /** The server to use; undefined means: start the embedded PostgreSQL. */
  url?: string;
  embedded: { dir: string; port: number };
}

export const databaseConfig = registerAs('database', (): DatabaseConfig => {
  const env = validateEnvironment(process.env);
  return {
    url: env.DATABASE_URL,
    embedded: { dir: env.EMBEDDED_PG_DIR, port: env.EMBEDDED_PG_PORT },
  };
});
