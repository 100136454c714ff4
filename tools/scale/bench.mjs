#!/usr/bin/env node
// npm run bench [-- --sizes 10000,100000,1000000] [--requests 40] [--grid] [--json figures.json]
// npm run bench -- --database postgres://…/db  (a database already filled by `npm run generate`)
// The figures of BENCHMARKS.md, for each size on a database filled by `npm run generate` (on an
// embedded PostgreSQL 18, or BENCH_DATABASE_URL's server) or on --database's, served by the built
// app (npm start's bundle: build it first):
// - start: from spawning the app to its first answer (it loads the analytics before it listens),
//   and its memory (RSS, Linux) then and after the reads;
// - the database's size, and this machine's yardstick: `SELECT count(*) FROM moves` with pg;
// - reads: per path, HTTP p50 and p95, and the time inside the app in PostgreSQL and in the
//   analytics engine (its Server-Timing header);
// - writes: POST /api/moves, p50 from one client, and moves created per second by 8 clients;
// - a change of the busiest organisation's sector: the PUT, then the next dashboard answer (which
//   applies it);
// - freshness: a move written through the app, asked at once of a second app process;
// - --grid: every combination of GRID, each the p50 of 3 after one warm-up.
// What it writes (moves, the sector change) is undone at the end. Not part of the tests.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { freePort, temporaryPostgres } from '../postgres/temporary-postgres.mjs';
import { answering, filledDatabase, signIn, startApp } from './app.mjs';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000,1000000' },
    requests: { type: 'string', default: '40' },
    database: { type: 'string' },
    grid: { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});
const SIZES = values.database ? [undefined] : values.sizes.split(',').map(Number);
const REQUESTS = Number(values.requests);
const WRITER_NOTE = 'written by npm run bench';

const median = (times) => percentile(times, 50);
function percentile(times, p) {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** One HTTP request on a kept-alive connection, its body read: status, headers, body and milliseconds. */
function call(agent, url, { method = 'GET', cookie, body } = {}) {
  const data = body === undefined ? undefined : JSON.stringify(body);
  const { origin } = new URL(url);
  const headers = { Cookie: cookie, ...(data ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data), Origin: origin } : {}) };
  return new Promise((done, fail) => {
    const start = performance.now();
    const req = request(url, { method, agent, headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => done({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks).toString(), ms: performance.now() - start }));
      response.on('error', fail);
    });
    req.on('error', fail);
    req.end(data);
  });
}

/** `Server-Timing` → { db, analytics } in ms. */
function serverTiming(headers) {
  const of = (name) => Number(new RegExp(`${name};dur=([\\d.]+)`).exec(headers['server-timing'] ?? '')?.[1] ?? 0);
  return { db: of('db'), analytics: of('analytics') };
}

/** The app's resident memory, MB (Linux). */
function rssMb(pid) {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
  } catch {
    return undefined;
  }
}

/** Starts the app and waits for its first answer: the process and how long it took. */
async function started(databaseUrl) {
  const port = await freePort();
  const start = performance.now();
  const app = startApp({ databaseUrl, port });
  const base = `http://127.0.0.1:${port}`;
  await answering(`${base}/api/health`, app);
  return { app, base, readyMs: performance.now() - start };
}

async function stop(app) {
  if (app.exitCode !== null) return;
  app.kill('SIGTERM');
  await new Promise((done) => app.once('exit', done));
}

/** A path's figures over REQUESTS requests after 5 of warm-up. */
async function measure(agent, base, cookie, path) {
  const http = [];
  const db = [];
  const analytics = [];
  for (let i = 0; i < REQUESTS + 5; i++) {
    const response = await call(agent, `${base}${path}`, { cookie });
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${response.body.slice(0, 200)}`);
    if (i < 5) continue;
    const timing = serverTiming(response.headers);
    http.push(response.ms);
    db.push(timing.db);
    analytics.push(timing.analytics);
  }
  return { p50: median(http), p95: percentile(http, 95), db: median(db), analytics: median(analytics) };
}

/** A move's body between two random organisations among `organizations`, on a random day: no two alike. */
function randomMove(people, organizations) {
  const pick = (list) => list[Math.floor(Math.random() * list.length)];
  const from = pick(organizations);
  let to = pick(organizations);
  while (to === from) to = pick(organizations);
  const day = new Date(Date.UTC(2000 + Math.floor(Math.random() * 25), Math.floor(Math.random() * 12), 1 + Math.floor(Math.random() * 28)));
  return {
    personId: pick(people),
    fromOrganizationId: from,
    toOrganizationId: to,
    status: 'confirmed',
    roleCategory: 'researcher',
    effectiveOn: day.toISOString().slice(0, 10),
    datePrecision: 'day',
    notes: WRITER_NOTE,
  };
}

/** POST /api/moves: p50 from one client, then moves created per second by 8 clients for `seconds`. */
async function writes(base, cookie, client) {
  const people = (await client.query(`SELECT id FROM people WHERE deleted_at IS NULL ORDER BY random() LIMIT 5000`)).rows.map((r) => r.id);
  const organizations = (await client.query(`SELECT id FROM organizations WHERE deleted_at IS NULL ORDER BY random() LIMIT 2000`)).rows.map((r) => r.id);
  const one = new Agent({ keepAlive: true, maxSockets: 1 });
  const single = [];
  for (let i = 0; i < 200 + 10; i++) {
    const response = await call(one, `${base}/api/moves`, { method: 'POST', cookie, body: randomMove(people, organizations) });
    if (response.status !== 201) throw new Error(`POST /api/moves: ${response.status} ${response.body.slice(0, 200)}`);
    if (i >= 10) single.push(response.ms);
  }
  one.destroy();
  const clients = 8;
  const seconds = 10;
  const many = new Agent({ keepAlive: true, maxSockets: clients });
  const until = performance.now() + seconds * 1000;
  let created = 0;
  let refused = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const response = await call(many, `${base}/api/moves`, { method: 'POST', cookie, body: randomMove(people, organizations) });
        if (response.status === 201) created++;
        else refused++;
      }
    }),
  );
  many.destroy();
  return { postP50: median(single), postP95: percentile(single, 95), perSecond8: created / seconds, refused8: refused };
}

/** The busiest organisation's sector changed through the API, then the next dashboard answer: ms of each (medians of 5). */
async function organizationChange(agent, base, cookie, busiest) {
  const put = [];
  const next = [];
  const dashboard = `${base}/api/analytics/flows?level=sector&from=2020-01-01&to=2024-12-31`;
  const original = JSON.parse((await call(agent, `${base}/api/organizations/${busiest}`, { cookie })).body);
  let version = original.version;
  for (const sector of ['startup', 'university', 'big_tech', 'government', original.sector]) {
    await call(agent, dashboard, { cookie }); // the app is up to date before the change
    const response = await call(agent, `${base}/api/organizations/${busiest}`, { method: 'PUT', cookie, body: { sector, version } });
    if (response.status !== 200) throw new Error(`PUT organisation: ${response.status} ${response.body.slice(0, 200)}`);
    version = JSON.parse(response.body).version;
    put.push(response.ms);
    next.push((await call(agent, dashboard, { cookie })).ms);
  }
  return { putMs: median(put), nextAnswerMs: median(next) };
}

/** A move written through `base` and asked at once of a second process: whether it is there, and that answer's ms. */
async function freshness(databaseUrl, base, cookie, busiest, client) {
  const second = await started(databaseUrl);
  try {
    const cookie2 = await signIn(second.base);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const path = `/api/analytics/top?organizationId=${busiest}&direction=origins&limit=100`;
    const arrivals = async () => JSON.parse((await call(agent, `${second.base}${path}`, { cookie: cookie2 })).body).reduce((total, row) => total + row.moves, 0);
    const before = await arrivals();
    const people = (await client.query(`SELECT id FROM people LIMIT 1`)).rows.map((r) => r.id);
    const others = (await client.query(`SELECT id FROM organizations WHERE id <> $1 LIMIT 1`, [busiest])).rows.map((r) => r.id);
    const move = { ...randomMove(people, [others[0], busiest]), fromOrganizationId: others[0], toOrganizationId: busiest, effectiveOn: '2024-02-29' };
    const written = await call(agent, `${base}/api/moves`, { method: 'POST', cookie, body: move });
    if (written.status !== 201) throw new Error(`POST /api/moves: ${written.status} ${written.body.slice(0, 200)}`);
    const start = performance.now();
    const after = await arrivals();
    agent.destroy();
    return { seen: after === before + 1, ms: performance.now() - start, readyMs: second.readyMs };
  } finally {
    await stop(second.app);
  }
}

/**
 * "Any analytics endpoint with any filter": flows and net flows at every level, net flows per
 * period, over whole years, whole months, a range that cuts months and a quarter, with no filter,
 * each kind of filter, and two together: 560 combinations.
 */
const GRID = {
  ranges: {
    'whole years': ['2020-01-01', '2024-12-31'],
    'whole months': ['2023-03-01', '2024-06-30'],
    days: ['2023-03-15', '2024-06-20'],
    'a quarter': ['2024-04-01', '2024-06-30'],
  },
  filters: {
    'no filter': {},
    country: { countries: 'FR' },
    sector: { sectors: 'big_tech' },
    'research field': { fields: 'speech' },
    role: { roleCategories: 'researcher' },
    'country and role': { countries: 'FR', roleCategories: 'researcher' },
    'all statuses': { statuses: 'rumoured,announced,confirmed,cancelled' },
  },
};

async function grid(agent, base, cookie) {
  const rows = [];
  for (const endpoint of ['flows', 'net-flows']) {
    for (const level of ['sector', 'country', 'organization', 'parent']) {
      for (const period of endpoint === 'net-flows' ? ['none', 'year', 'quarter', 'month'] : ['none']) {
        for (const [range, [from, to]] of Object.entries(GRID.ranges)) {
          for (const [filter, filterQuery] of Object.entries(GRID.filters)) {
            const query = new URLSearchParams({ from, to, level, ...(endpoint === 'net-flows' ? { period } : {}), ...filterQuery });
            const times = [];
            for (let i = 0; i < 4; i++) {
              const response = await call(agent, `${base}/api/analytics/${endpoint}?${query}`, { cookie });
              if (response.status !== 200) throw new Error(`${endpoint}?${query}: ${response.status}`);
              if (i > 0) times.push(response.ms);
            }
            rows.push({ label: `${endpoint} by ${level}${period === 'none' ? '' : ` per ${period}`}, ${range}, ${filter}`, p50: median(times) });
          }
        }
      }
    }
  }
  return rows;
}

function firstLoadJs() {
  const web = join(root, 'dist/apps/web');
  const html = readFileSync(join(web, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  return scripts.reduce((total, file) => total + gzipSync(readFileSync(join(web, file))).length, 0);
}

const q = (params) => `?${new URLSearchParams(params)}`;
const json = (value) => JSON.stringify(value);

/** The paths measured: the dashboard's default view first (the last five years and this one, by sector). */
function paths(busiest) {
  const range = { from: '2020-01-01', to: '2024-12-31' };
  return {
    'flows by sector (default view)': `/api/analytics/flows${q({ ...range, level: 'sector', limit: 100 })}`,
    'net flows by sector (default view)': `/api/analytics/net-flows${q({ ...range, level: 'sector', limit: 15 })}`,
    'headcount (default view)': `/api/analytics/headcount${q({ ...range, population: 'researchers' })}`,
    'flows by country': `/api/analytics/flows${q({ ...range, level: 'country' })}`,
    'flows by organisation': `/api/analytics/flows${q({ ...range, level: 'organization' })}`,
    'flows by parent': `/api/analytics/flows${q({ ...range, level: 'parent' })}`,
    'flows by parent, big tech in the US': `/api/analytics/flows${q({ ...range, level: 'parent', countries: 'US', sectors: 'big_tech' })}`,
    'flows by organisation, research field, FR': `/api/analytics/flows${q({ ...range, level: 'organization', fields: 'speech', countries: 'FR' })}`,
    'flows by sector, 15 March 2023 to 20 June 2024': `/api/analytics/flows${q({ from: '2023-03-15', to: '2024-06-20', level: 'sector' })}`,
    'net flows by organisation': `/api/analytics/net-flows${q({ ...range, level: 'organization' })}`,
    'net flows by parent, per year': `/api/analytics/net-flows${q({ ...range, level: 'parent', period: 'year' })}`,
    'net flows by organisation per month': `/api/analytics/net-flows${q({ ...range, level: 'organization', period: 'month' })}`,
    'net flows per quarter by sector, FR': `/api/analytics/net-flows${q({ ...range, level: 'sector', period: 'quarter', countries: 'FR' })}`,
    'top origins of the busiest lab': `/api/analytics/top${q({ ...range, organizationId: busiest })}`,
    'headcount of the busiest lab, researchers only': `/api/analytics/headcount${q({ ...range, organizationIds: busiest, roleCategories: 'researcher' })}`,
    'list moves, sorted, page 1': `/api/moves${q({ sort: json(['effectiveOn', 'DESC']), range: json([0, 24]) })}`,
    'list moves of one organisation': `/api/moves${q({ range: json([0, 24]), filter: json({ organizationId: busiest }) })}`,
    'list people, page 5': `/api/people${q({ sort: json(['name', 'ASC']), range: json([100, 124]) })}`,
    'search organisations': `/api/organizations${q({ filter: json({ q: 'organisation 12' }) })}`,
  };
}

const server = values.database ? { url: values.database, stop: async () => undefined } : await temporaryPostgres(process.env.BENCH_DATABASE_URL);
const runs = [];
try {
  for (const wanted of SIZES) {
    const databaseUrl = values.database ?? (await filledDatabase(server.url, wanted));
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { app, base, readyMs } = await started(databaseUrl);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const run = { readyMs, rssAtStartMb: rssMb(app.pid) };
      const cookie = await signIn(base);
      const [{ moves, bytes }] = (await client.query(`SELECT (SELECT count(*)::int FROM moves) AS moves, pg_database_size(current_database())::bigint AS bytes`)).rows;
      run.moves = moves;
      run.databaseMb = Number(bytes) / 2 ** 20;
      const counts = [];
      for (let i = 0; i < 10; i++) {
        const start = performance.now();
        await client.query('SELECT count(*) FROM moves');
        if (i >= 3) counts.push(performance.now() - start);
      }
      run.yardstickMs = median(counts);
      // The organisation with the most moves.
      const [{ id: busiest }] = (
        await client.query(`SELECT id FROM (SELECT to_organization_id AS id FROM moves UNION ALL SELECT from_organization_id FROM moves) m WHERE id IS NOT NULL GROUP BY id ORDER BY count(*) DESC LIMIT 1`)
      ).rows;
      run.reads = [];
      for (const [label, path] of Object.entries(paths(busiest))) {
        const figures = await measure(agent, base, cookie, path);
        run.reads.push({ label, ...figures });
        console.error(`${moves}\t${label}\t${figures.p50.toFixed(1)}\t${figures.p95.toFixed(1)}\t${figures.db.toFixed(1)}\t${figures.analytics.toFixed(1)}`);
      }
      run.rssAfterReadsMb = rssMb(app.pid);
      Object.assign(run, await writes(base, cookie, client));
      console.error(`${moves}\tPOST /api/moves p50 ${run.postP50.toFixed(1)} ms; 8 clients ${run.perSecond8.toFixed(0)} moves/s`);
      Object.assign(run, await organizationChange(agent, base, cookie, busiest));
      run.freshness = await freshness(databaseUrl, base, cookie, busiest, client);
      if (values.grid) run.grid = await grid(agent, base, cookie);
      run.rssEndMb = rssMb(app.pid);
      runs.push(run);
    } finally {
      agent.destroy();
      await stop(app);
      await client.query(`DELETE FROM moves WHERE notes = $1`, [WRITER_NOTE]);
      await client.end();
    }
  }
} finally {
  await server.stop();
}

const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim() || 'unknown';
if (values.json) writeFileSync(values.json, `${JSON.stringify({ commit, runs }, null, 1)}\n`);

const f = (n, digits = 1) => (n === undefined ? '–' : n.toFixed(digits));
for (const run of runs) {
  console.log(`\n### ${run.moves.toLocaleString('en')} moves (commit ${commit}; yardstick \`SELECT count(*) FROM moves\` ${f(run.yardstickMs)} ms)\n`);
  console.log(`| | measured |\n|---|---:|`);
  console.log(`| \`POST /api/moves\` p50 (p95), one client | ${f(run.postP50)} ms (${f(run.postP95)}) |`);
  console.log(`| moves created per second, 8 clients | ${f(run.perSecond8, 0)}${run.refused8 ? ` (${run.refused8} refused)` : ''} |`);
  console.log(`| the busiest organisation's sector changed: the PUT, then the next dashboard answer | ${f(run.putMs)} + ${f(run.nextAnswerMs)} ms |`);
  console.log(`| database size | ${f(run.databaseMb / 1024, 2)} GB |`);
  console.log(`| API process ready after start | ${f(run.readyMs / 1000)} s |`);
  console.log(`| API process memory (RSS): at start, after the reads, at the end | ${f(run.rssAtStartMb, 0)}, ${f(run.rssAfterReadsMb, 0)}, ${f(run.rssEndMb, 0)} MB |`);
  console.log(`| a new move in the next answer of another process (started in ${f(run.freshness.readyMs / 1000)} s) | ${run.freshness.seen ? 'yes' : 'NO'}, ${f(run.freshness.ms)} ms |`);
  console.log(`\n| path | HTTP p50 ms | HTTP p95 ms | PostgreSQL ms | DuckDB ms | HTTP − both ms |\n|---|---:|---:|---:|---:|---:|`);
  for (const r of run.reads) console.log(`| ${r.label} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.db)} | ${f(r.analytics)} | ${f(r.p50 - r.db - r.analytics)} |`);
  if (run.grid) {
    const times = run.grid.map((row) => row.p50);
    console.log(`\nGrid: ${times.length} combinations; p50 of their p50s ${f(median(times))} ms, the slowest ${f(Math.max(...times))} ms; over 50 ms: ${times.filter((t) => t > 50).length}. The slowest five:\n`);
    console.log(`| combination | p50 ms |\n|---|---:|`);
    for (const row of [...run.grid].sort((a, b) => b.p50 - a.p50).slice(0, 5)) console.log(`| ${row.label} | ${f(row.p50)} |`);
  }
}
console.log(`\nWeb app, first-load JavaScript: ${(firstLoadJs() / 1024).toFixed(0)} KB gzipped`);
