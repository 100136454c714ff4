#!/usr/bin/env node
// A deterministic, seeded generator of a realistic shape of data, loaded with PostgreSQL COPY:
//   DATABASE_URL=postgres://… npm run generate -- --moves 1000000 [--organizations 20000] [--people 200000] [--seed 42]
// Heavy-tailed like real data: organisations are drawn with a Zipf law, so a few large labs and
// busy from→to pairs carry most moves, and many small ones a few. Migrates the database first.
// Run it on an empty database (it refuses one that has moves).
import { spawnSync } from 'node:child_process';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { prng } from './seeded.mjs';

const { values } = parseArgs({
  options: {
    moves: { type: 'string', default: '10000' },
    organizations: { type: 'string' },
    people: { type: 'string' },
    seed: { type: 'string', default: '42' },
  },
});
const MOVES = Number(values.moves);
const ORGS = Number(values.organizations ?? Math.max(200, Math.round(MOVES / 50)));
const PEOPLE = Number(values.people ?? Math.max(1000, Math.round(MOVES / 5)));
const url = process.env.DATABASE_URL;
if (!url) throw new Error('Set DATABASE_URL to the (empty) database to fill');

const random = prng(Number(values.seed));
const pick = (list) => list[Math.floor(random() * list.length)];
/** A Zipf-distributed index in [0, n): rank k is drawn with weight 1/(k+1)^s, by inverting the CDF. */
function zipf(n, s = 1.1) {
  const weights = Float64Array.from({ length: n }, (_, k) => 1 / (k + 1) ** s);
  const cdf = new Float64Array(n);
  let total = 0;
  for (let k = 0; k < n; k++) cdf[k] = total += weights[k];
  return () => {
    const u = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
const uuid = () => {
  // Seeded UUIDs (v4 layout), so that two runs with one seed give the same ids.
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};
const csv = (value) => (value === null || value === undefined ? '' : /[",\n]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value));
const date = (year, month, day) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

const SECTORS = ['public_research', 'university', 'big_tech', 'private_lab', 'startup', 'company', 'government', 'nonprofit'];
const SECTOR_WEIGHTS = [0.2, 0.3, 0.05, 0.08, 0.15, 0.15, 0.04, 0.03];
const COUNTRIES = ['FR', 'US', 'GB', 'DE', 'CH', 'NL', 'IT', 'ES', 'CA', 'CN', 'JP', 'IL', 'SE', 'BE', 'AT'];
const ROLES = ['researcher', 'researcher', 'researcher', 'engineer', 'leadership', 'student', 'advisor', 'other'];
const STATUSES = ['confirmed', 'confirmed', 'confirmed', 'announced', 'announced', 'rumoured', 'cancelled'];
const PRECISIONS = ['day', 'day', 'month', 'month', 'month', 'year'];
const FIELDS = ['machine learning', 'computer vision', 'natural language processing', 'speech', 'robotics', 'reinforcement learning', 'optimisation', 'theory'];
const weighted = (items, weights) => {
  const u = random();
  let acc = 0;
  for (let i = 0; i < items.length; i++) if (u < (acc += weights[i])) return items[i];
  return items.at(-1);
};

async function copy(client, table, columns, rows) {
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`));
  await pipeline(
    Readable.from((function* () {
      for (const row of rows()) yield `${row.map(csv).join(',')}\n`;
    })()),
    stream,
  );
}

const migrate = spawnSync(process.execPath, ['tools/typeorm.mjs', 'run'], { stdio: ['ignore', 'ignore', 'inherit'], env: process.env });
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

const client = new pg.Client({ connectionString: url });
await client.connect();
const { rows: [{ count }] } = await client.query('SELECT count(*)::int AS count FROM moves');
if (count > 0) throw new Error('This database has moves already: generate into an empty one');

const started = Date.now();
const orgIds = Array.from({ length: ORGS }, uuid);
const orgSector = orgIds.map(() => weighted(SECTORS, SECTOR_WEIGHTS));
// About one organisation in ten belongs to a larger one (a lab of a university, a team of a company).
const parents = orgIds.map((_, i) => (i > 50 && random() < 0.1 ? orgIds[Math.floor(random() * 50)] : null));
await copy(client, 'organizations', ['id', 'name', 'sector', 'country', 'city', 'parent_id'], function* () {
  for (let i = 0; i < ORGS; i++) {
    yield [orgIds[i], `Sample organisation ${i + 1}`, orgSector[i], COUNTRIES[Math.min(COUNTRIES.length - 1, Math.floor(-Math.log(random()) * 3))], null, parents[i]];
  }
});
const personIds = Array.from({ length: PEOPLE }, uuid);
await copy(client, 'people', ['id', 'name', 'fields'], function* () {
  for (let i = 0; i < PEOPLE; i++) yield [personIds[i], `Sample person ${i + 1}`, `{"${pick(FIELDS)}"}`];
});
const SOURCES = Math.max(100, Math.round(MOVES / 20));
const sourceIds = Array.from({ length: SOURCES }, uuid);
await copy(client, 'sources', ['id', 'url', 'title', 'published_on', 'language'], function* () {
  for (let i = 0; i < SOURCES; i++) yield [sourceIds[i], `https://example.org/sample/${i + 1}`, `Sample article ${i + 1}`, date(2015 + (i % 11), 1 + (i % 12), 1 + (i % 28)), pick(['en', 'fr', 'de'])];
});

// Moves: origins and destinations Zipf-distributed, so a few pairs are busy; some with no origin or destination.
const drawOrg = zipf(ORGS);
const drawPerson = zipf(PEOPLE, 0.6);
const moveIds = [];
await copy(client, 'moves', ['id', 'person_id', 'from_organization_id', 'to_organization_id', 'role_category', 'effective_on', 'date_precision', 'status'], function* () {
  for (let i = 0; i < MOVES; i++) {
    const id = uuid();
    moveIds.push(id);
    let from = random() < 0.05 ? null : orgIds[drawOrg()];
    let to = random() < 0.03 ? null : orgIds[drawOrg()];
    if (from === to) to = to === null ? orgIds[drawOrg()] : null;
    if (from === null && to === null) from = orgIds[0];
    const precision = pick(PRECISIONS);
    const year = 2015 + Math.floor(random() * 11);
    const month = precision === 'year' ? 1 : 1 + Math.floor(random() * 12);
    const day = precision === 'day' ? 1 + Math.floor(random() * 28) : 1;
    yield [id, personIds[drawPerson()], from, to, pick(ROLES), random() < 0.02 ? null : date(year, month, day), precision, pick(STATUSES)];
  }
});
await copy(client, 'move_sources', ['move_id', 'source_id'], function* () {
  for (const id of moveIds) yield [id, sourceIds[Math.floor(random() * SOURCES)]];
});
// Targets and observations for the largest organisations.
const big = orgIds.slice(0, Math.min(ORGS, 200));
await copy(client, 'headcount_targets', ['organization_id', 'low', 'high', 'population', 'due_by'], function* () {
  for (const id of big) {
    const low = 10 + Math.floor(random() * 90);
    yield [id, low, low + Math.floor(random() * 20), 'researchers', date(2025 + Math.floor(random() * 3), 12, 31)];
  }
});
await copy(client, 'headcount_observations', ['organization_id', 'observed_on', 'count', 'population'], function* () {
  for (const id of big) for (let year = 2018; year <= 2025; year++) yield [id, date(year, 6, 1), 5 + Math.floor(random() * 100), 'researchers'];
});
// API processes load every move when they start: the change log of the bulk load is not needed.
await client.query('TRUNCATE analytics_changes');
// Statistics for the planner, and a visibility map for index-only scans.
await client.query('VACUUM ANALYZE');
console.log(
  `Generated ${ORGS} organisations, ${PEOPLE} people, ${SOURCES} sources, ${MOVES} moves, ` +
    `${big.length} targets, ${big.length * 8} observations in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${values.seed})`,
);
await client.end();
