// One PostgreSQL server for the whole jest run: the server TEST_DATABASE_URL names (its user must be
// allowed to create databases), or else an embedded PostgreSQL in a temporary folder, removed after.
// Each test file then works in a database of its own, created fresh (test/support/test-app.ts).
import { temporaryPostgres } from '../../../tools/postgres/temporary-postgres.mjs';

export default async function globalSetup() {
  const server = await temporaryPostgres(process.env.TEST_DATABASE_URL);
  globalThis.__TALENTFLOW_TEST_PG__ = server;
  process.env.TEST_PG_ADMIN_URL = server.url;
}
