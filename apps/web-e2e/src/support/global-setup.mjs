// Starts the app exactly as `npm start` runs it (dist/apps/api/main.js serving dist/apps/web) on an
// empty database without demo data: an embedded PostgreSQL in a temporary folder, or a fresh
// database on TEST_DATABASE_URL's server. The browser tests then drive it through Chromium.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { freePort } from '../../../../tools/postgres/temporary-postgres.mjs';

const root = resolve(import.meta.dirname, '../../../..');

async function databaseEnv() {
  if (!process.env.TEST_DATABASE_URL) {
    const dir = mkdtempSync(join(tmpdir(), 'talentflow-web-e2e-pg-'));
    globalThis.__TALENTFLOW_E2E_PG_DIR__ = dir;
    const port = await freePort();
    // As embedded-postgres.ts sets it up, for tests that must act on the database beside the app.
    process.env.TALENTFLOW_E2E_DATABASE_URL = `postgres://postgres:postgres@localhost:${port}/talentflow`;
    return { EMBEDDED_PG_DIR: dir, EMBEDDED_PG_PORT: String(port) };
  }
  const name = `talentflow_web_e2e_${process.pid}`;
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  globalThis.__TALENTFLOW_E2E_DB__ = name;
  process.env.TALENTFLOW_E2E_DATABASE_URL = url.toString();
  return { DATABASE_URL: url.toString() };
}

export default async function globalSetup() {
  const port = await freePort();
  // The app under test gets its database from databaseEnv() only.
  const inherited = { ...process.env };
  delete inherited.DATABASE_URL;
  const app = spawn(process.execPath, [join(root, 'dist/apps/api/main.js')], {
    cwd: root,
    env: {
      ...inherited,
      ...(await databaseEnv()),
      PORT: String(port),
      DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      // The documented way to the first admin: read once, at a start that finds no user.
      ADMIN_EMAIL: 'admin@e2e.talentflow.org',
      ADMIN_PASSWORD: 'e2e admin password',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  globalThis.__TALENTFLOW_E2E_APP__ = app;
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (app.exitCode !== null) throw new Error(`The app exited with code ${app.exitCode} before answering`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('The app did not answer /api/health within 60 s');
    await new Promise((done) => setTimeout(done, 250));
  }
  process.env.TALENTFLOW_E2E_URL = baseUrl;
}
