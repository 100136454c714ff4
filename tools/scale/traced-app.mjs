// The built app (npm start's bundle) as the bench tools run it: on a given database and port, no demo
// data, the bench's admin account, and SQL_TRACE_FILE set, so that each URL's first answer writes
// down its queries and parameters for the tools to replay. Used by bench.mjs and floor.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';

const root = resolve(import.meta.dirname, '../..');

/** The account the tools sign in with, created at the app's first start on an empty database. */
export const ADMIN = { email: 'bench@example.org', password: 'bench password 123' };

/** The connection options the app sets on each of its connections (typeorm-options.ts, `extra.options`). */
export const APP_SESSION_OPTIONS = '-c work_mem=32MB';

/** Starts the app; the caller waits for it to answer and kills it. */
export function startTracedApp({ databaseUrl, port, traceFile }) {
  return spawn(process.execPath, ['dist/apps/api/main.js'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      SQL_TRACE_FILE: traceFile,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/**
 * Waits until the server started as `child` answers `url` with a status under 500: up, with its
 * database. Fails at once if the process has exited, and after a minute of trying.
 */
export async function answering(url, child) {
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    if (tries > 240) throw new Error(`${url}: no answer after a minute`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

/**
 * The queries of the last traced request for `path`. The app writes a request down when its answer
 * has gone out ('finish'), which can come after the client has read the whole answer: asked right
 * after the first request (as `npm run bench -- --warmup 0` does), the line may not be there yet, so it is waited for (up to
 * a second).
 */
export async function traced(traceFile, path) {
  for (let tries = 0; ; tries++) {
    const written = existsSync(traceFile) ? readFileSync(traceFile, 'utf8') : '';
    const requests = written.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
    const request = requests.findLast((entry) => entry.method === 'GET' && entry.url === path);
    if (request) return request.queries;
    if (tries >= 100) throw new Error(`${path}: no SQL traced`);
    await new Promise((done) => setTimeout(done, 10));
  }
}

/** A new database named after its size, filled by the generator: its URL. */
export async function filledDatabase(serverUrl, size) {
  const name = `talentflow_bench_${size}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const generated = spawnSync(process.execPath, ['tools/scale/generate.mjs', '--moves', String(size)], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url.toString() },
    encoding: 'utf8',
  });
  if (generated.status !== 0) throw new Error(generated.stderr);
  console.error(generated.stdout.trim());
  return url.toString();
}
