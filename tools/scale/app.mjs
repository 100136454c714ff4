// The built app as the scale tools start it (npm start's bundle: build it first): on a given
// database, without demo data, with the tools' admin account.
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import pg from 'pg';

const root = resolve(import.meta.dirname, '../..');

/** The account the tools sign in with, created at the app's first start on an empty database. */
export const ADMIN = { email: 'bench@example.org', password: 'bench password 123' };

/** Starts the app; the caller waits for it to answer (`answering`) and kills it. */
export function startApp({ databaseUrl, port, env = {} }) {
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
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/**
 * Waits until the server started as `child` answers `url` with a status under 500: up, with its
 * database. Fails at once if the process has exited, and after two minutes of trying.
 */
export async function answering(url, child) {
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    if (tries > 2400) throw new Error(`${url}: no answer after two minutes`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** Signs in as ADMIN: the session cookie. */
export async function signIn(base) {
  const response = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ADMIN) });
  if (response.status !== 200) throw new Error(`sign-in: ${response.status}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0];
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
