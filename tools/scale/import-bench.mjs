#!/usr/bin/env node
// npm run bench:import -- --database postgres://…/m1 [--rows 100000] [--seed 7] [--keep-file moves.csv]
// The figures of BENCHMARKS.md for a spreadsheet import, on a copy of a database filled by
// `npm run generate` (the copy is made from it as a template, and dropped at the end; nothing
// may be connected to the original meanwhile), served by the built app (build it first):
// - a seeded CSV of --rows moves: people and organisations of the database named as they are, new
//   people and new organisations (with their sector), sources old and new, some rows repeated;
// - the preview (`dryRun`) and the commit through `POST /api/imports/moves`, each timed, with the
//   app's memory (RSS) before and after;
// - the dashboards exact at once: the moves the flows count, before and after the commit.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { freePort } from '../postgres/temporary-postgres.mjs';
import { answering, signIn, startApp } from './app.mjs';
import { prng } from './seeded.mjs';

const { values } = parseArgs({
  options: {
    database: { type: 'string' },
    rows: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '7' },
    'keep-file': { type: 'string' },
  },
});
if (!values.database) throw new Error('--database: a database filled by npm run generate');
const ROWS = Number(values.rows);

const random = prng(Number(values.seed));
const below = (n) => Math.floor(random() * n);
const SECTORS = ['public_research', 'university', 'big_tech', 'private_lab', 'startup', 'company'];
const STATUSES = ['confirmed', 'announced', 'rumoured'];

const source = new URL(values.database);
const copyName = `${source.pathname.slice(1)}_import_bench`;
const admin = new pg.Client({ connectionString: source.toString() });
await admin.connect();
const [{ organizations, people, sources }] = (
  await admin.query(
    `SELECT (SELECT count(*) FROM organizations WHERE name LIKE 'Sample organisation %')::int AS organizations,
            (SELECT count(*) FROM people WHERE name LIKE 'Sample person %')::int AS people,
            (SELECT count(*) FROM sources WHERE url LIKE 'https://example.org/sample/%')::int AS sources`,
  )
).rows;

// The file: half the rows name people already there, the others new people (each in a few rows);
// nine ends in ten are organisations already there, the tenth new labs; one row in fifty repeats one.
const lines = ['Name,From,To,To sector,Date,Role,Category,Status,Source'];
for (let i = 0; i < ROWS; i++) {
  if (i > 0 && random() < 0.02) {
    lines.push(lines[1 + below(i - 1)]);
    continue;
  }
  const person = random() < 0.5 ? `Sample person ${1 + below(people)}` : `Imported person ${1 + below(ROWS / 3)}`;
  const from = `Sample organisation ${1 + below(organizations)}`;
  const newLab = random() < 0.1;
  const to = newLab ? `Imported lab ${1 + below(ROWS / 50)}` : `Sample organisation ${1 + ((Number(from.split(' ').at(-1)) + below(organizations - 1)) % organizations)}`;
  const date = `${2015 + below(11)}-${String(1 + below(12)).padStart(2, '0')}-${String(1 + below(28)).padStart(2, '0')}`;
  const url = random() < 0.5 ? `https://example.org/sample/${1 + below(sources)}` : `https://example.org/imported/${1 + below(ROWS / 10)}`;
  const sector = newLab ? SECTORS[Number(to.split(' ').at(-1)) % SECTORS.length] : '';
  lines.push([person, from, to, sector, date, 'Researcher', 'researcher', STATUSES[below(3)], url].join(','));
}
const file = Buffer.from(`${lines.join('\n')}\n`);
if (values['keep-file']) writeFileSync(values['keep-file'], file);

await admin.query(`DROP DATABASE IF EXISTS ${copyName} WITH (FORCE)`);
let started = performance.now();
await admin.query(`CREATE DATABASE ${copyName} TEMPLATE ${source.pathname.slice(1)}`);
console.log(`copied the database in ${((performance.now() - started) / 1000).toFixed(1)} s`);
const url = new URL(source);
url.pathname = `/${copyName}`;

const port = await freePort();
const app = startApp({ databaseUrl: url.toString(), port });
const base = `http://127.0.0.1:${port}`;
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${app.pid}/status`, 'utf8'))?.[1]) / 1024;
try {
  await answering(`${base}/api/health`, app);
  const cookie = await signIn(base);
  const counted = async () => {
    const response = await fetch(`${base}/api/analytics/flows?level=sector&statuses=announced,confirmed,rumoured`, { headers: { Cookie: cookie } });
    return (await response.json()).links.reduce((sum, link) => sum + link.value, 0);
  };
  const upload = async (dryRun) => {
    const form = new FormData();
    form.append('file', new Blob([file]), 'moves.csv');
    form.append('dryRun', String(dryRun));
    const start = performance.now();
    const response = await fetch(`${base}/api/imports/moves`, { method: 'POST', headers: { Cookie: cookie, Origin: base }, body: form });
    const body = await response.json();
    if (response.status >= 300) throw new Error(`${response.status}: ${body.message}`);
    return { seconds: (performance.now() - start) / 1000, totals: body.totals };
  };
  const before = await counted();
  const rssBefore = rss();
  const preview = await upload(true);
  const rssPreview = rss();
  const commit = await upload(false);
  started = performance.now();
  const after = await counted();
  const answerMs = performance.now() - started;
  const figures = {
    rows: ROWS,
    fileMb: file.length / 1024 / 1024,
    previewSeconds: preview.seconds,
    commitSeconds: commit.seconds,
    totals: commit.totals,
    rssMb: { before: rssBefore, afterPreview: rssPreview, afterCommit: rss() },
    dashboard: { before, after, expected: before + commit.totals.created, exact: after === before + commit.totals.created, nextAnswerMs: answerMs },
  };
  console.log(JSON.stringify(figures, null, 2));
} finally {
  app.kill();
  await new Promise((done) => app.once('exit', done));
  await admin.query(`DROP DATABASE IF EXISTS ${copyName} WITH (FORCE)`);
  await admin.end();
}
