import { plainToInstance, Transform } from 'class-transformer';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const toNumber = ({ value }: { value: unknown }) => (value === undefined ? value : Number(value));

const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes'].includes(value.toLowerCase()) : value;

/**
 * Every environment variable the API reads, validated once at start-up: the app refuses to start
 * with a message naming the variable rather than run misconfigured. `.env.example` documents them.
 */
export class Environment {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  /** postgres://user:password@host:port/database; without it an embedded PostgreSQL is started. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsString()
  EMBEDDED_PG_DIR = '.data/postgres';

  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  /** Load the demo data when the database holds no organisation yet. */
  @Transform(toBoolean)
  @IsBoolean()
  DEMO_DATA = true;

  /** Where the built web app is; served at `/` when it exists. */
  @IsOptional()
  @IsString()
  WEB_ROOT?: string;

  @IsOptional()
  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';

  /** How long a sign-in lasts. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(24 * 90)
  SESSION_TTL_HOURS = 12;

  /**
   * How long a process may remember who a session belongs to instead of asking the database on
   * every request; 0 asks every time. Sign-outs and account changes reach every process at once
   * (PostgreSQL notifies them), so this only bounds how long a lost notification could go unseen.
   */
  @Transform(toNumber)
  @IsInt()
  @Min(0)
  @Max(3600)
  SESSION_CACHE_SECONDS = 60;

  /** Send the session cookie over HTTPS only; on by default in production. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  COOKIE_SECURE?: boolean;

  /** Other origins allowed to call the API with credentials, comma-separated (same origin needs none). */
  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;

  /** Read once, at a start that finds no user: the first admin's sign-in. */
  @IsOptional()
  @IsEmail({}, { message: 'ADMIN_EMAIL must be an email address' })
  ADMIN_EMAIL?: string;

  @IsOptional()
  @MinLength(12, { message: 'ADMIN_PASSWORD must have at least 12 characters' })
  ADMIN_PASSWORD?: string;

  /** Failed sign-ins allowed per account from one address, then per address, within 15 minutes before a pause. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  LOGIN_FAILURES_PER_ACCOUNT = 5;

  @Transform(toNumber)
  @IsInt()
  @Min(1)
  LOGIN_FAILURES_PER_ADDRESS = 20;

  /**
   * Serve the API docs (Swagger UI at /api/docs, the OpenAPI document at /api/docs-json); on by
   * default, off by default in production.
   */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  API_DOCS?: boolean;

  /** The longest a single SQL statement may run before PostgreSQL cancels it (the answer is a 503). */
  @Transform(toNumber)
  @IsInt()
  @Min(100)
  DB_STATEMENT_TIMEOUT_MS = 30_000;

  /** The longest a statement waits for a row lock another transaction holds. */
  @Transform(toNumber)
  @IsInt()
  @Min(100)
  DB_LOCK_TIMEOUT_MS = 5_000;

  /** The longest a request waits for a free connection of the pool before it answers 503. */
  @Transform(toNumber)
  @IsInt()
  @Min(100)
  DB_POOL_TIMEOUT_MS = 5_000;

  /** Connections each API process keeps to PostgreSQL at most. */
  @Transform(toNumber)
  @IsInt()
  @Min(2)
  @Max(500)
  DB_POOL_SIZE = 10;

  /** On SIGTERM: how long requests already on their way may take before the process exits anyway. */
  @Transform(toNumber)
  @IsInt()
  @Min(0)
  SHUTDOWN_GRACE_MS = 10_000;

  /** Threads each API process gives its analytics engine (DuckDB); by default one per core. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(64)
  ANALYTICS_THREADS = availableParallelism();

  /** Behind a reverse proxy: how many proxies to trust for the client's address (Express "trust proxy"). */
  @Transform(toNumber)
  @IsInt()
  @Min(0)
  TRUST_PROXY = 0;
}

export function validateEnvironment(raw: Record<string, unknown>): Environment {
  // An empty variable (`ADMIN_EMAIL=` in a compose file) means: not set.
  const set = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''));
  const environment = plainToInstance(Environment, set, { exposeDefaultValues: true });
  const errors = validateSync(environment, { skipMissingProperties: false });
  if (environment.NODE_ENV === 'production' && environment.DEMO_DATA && set.DEMO_DATA === undefined) {
    // The demo (its data and its accounts with known passwords) never starts in production by default.
    environment.DEMO_DATA = false;
  }
  environment.API_DOCS ??= environment.NODE_ENV !== 'production';
  if (errors.length > 0) {
    const lines = errors.flatMap((error) => Object.values(error.constraints ?? {}));
    throw new Error(`Invalid configuration:\n- ${lines.join('\n- ')}`);
  }
  return environment;
}

/** Reads `.env` from the working directory into process.env, if there is one (variables already set win). */
export function loadEnvFile(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
