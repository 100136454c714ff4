import { rmSync } from 'node:fs';
import pg from 'pg';

export default async function globalTeardown() {
  const app = globalThis.__TALENTFLOW_E2E_APP__;
  if (app && app.exitCode === null) {
    // SIGTERM: the app closes its pool and stops the embedded PostgreSQL, as on Ctrl-C.
    const exited = new Promise((done) => app.once('exit', done));
    app.kill('SIGTERM');
    await Promise.race([exited, new Promise((done) => setTimeout(done, 15_000))]);
  }
  // The embedded PostgreSQL's files, once it has stopped.
  const dir = globalThis.__TALENTFLOW_E2E_PG_DIR__;
  if (dir && (!app || app.exitCode !== null || app.signalCode !== null)) rmSync(dir, { recursive: true, force: true });
  const database = globalThis.__TALENTFLOW_E2E_DB__;
  if (database) {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
}
