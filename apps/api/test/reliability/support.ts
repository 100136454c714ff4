import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';

/** The API as `npm start` runs it, built by `nx build api` (the reliability target depends on it). */
export const BUILT_APP = join(__dirname, '..', '..', '..', '..', 'dist', 'apps', 'api', 'main.js');

export const ADMIN = { email: 'admin@reliability.talentflow.org', password: 'reliability admin password' };

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A PostgreSQL of the test's own, which it may stop and start again (its files survive a stop). */
export interface RestartablePostgres {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/** Runs tools/postgres/restartable-postgres.mjs and drives it through its stdin. */
export async function restartablePostgres(): Promise<RestartablePostgres> {
  const child = spawn(process.execPath, [join(__dirname, '..', '..', '..', '..', 'tools', 'postgres', 'restartable-postgres.mjs')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })[Symbol.asyncIterator]();
  const next = async () => {
    const { value, done } = await lines.next();
    if (done) throw new Error('The restartable PostgreSQL ended');
    if (value.startsWith('error ')) throw new Error(value);
    return value as string;
  };
  const command = async (line: string, expected: string) => {
    child.stdin?.write(`${line}\n`);
    const answer = await next();
    if (answer !== expected) throw new Error(`Expected "${expected}", got "${answer}"`);
  };
  const ready = await next();
  return {
    url: ready.replace(/^ready /, ''),
    stop: () => command('stop', 'stopped'),
    start: () => command('start', 'started'),
    destroy: async () => {
      const ended = new Promise((resolve) => child.once('exit', resolve));
      child.stdin?.end('exit\n');
      await ended;
    },
  };
}

/** A database of its own on the test run's PostgreSQL (global-setup), dropped by `drop()`. */
export async function scratchDatabase(name: string): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = process.env.TEST_PG_ADMIN_URL ?? '';
  const database = `talentflow_${name}_${process.pid}_${Date.now()}`;
  const run = async (sql: string) => {
    const client = new Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${database}`);
  const url = new URL(admin);
  url.pathname = `/${database}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`) };
}

/** The built app running as a process of its own, as in production. */
export interface RunningApp {
  url: string;
  process: ChildProcess;
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

export async function startBuiltApp(databaseUrl: string, env: Record<string, string> = {}): Promise<RunningApp> {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [BUILT_APP], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DEMO_DATA: 'false',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      WEB_ROOT: join(tmpdir(), 'talentflow-no-web-app'),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  for (const start = Date.now(); ; await sleep(100)) {
    if (child.exitCode !== null) throw new Error(`The app exited while starting:\n${output}`);
    if (Date.now() - start > 60_000) throw new Error(`The app did not answer within 60 s:\n${output}`);
    const healthy = await fetch(`${url}/api/health`).then((response) => response.ok, () => false);
    if (healthy) break;
  }
  return { url, process: child, output: () => output, exited };
}

/** Signs in and returns the session cookie to send. */
export async function signIn(url: string, email = ADMIN.email, password = ADMIN.password): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`Sign-in answered ${response.status}: ${await response.text()}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0];
}

/** A JSON request with the session cookie; never throws for an HTTP status. */
export async function call(
  url: string,
  cookie: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { Cookie: cookie, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: kept as text.
  }
  return { status: response.status, body: parsed, headers: response.headers };
}
