#!/usr/bin/env node
// npm run bench [-- --sizes 10000,100000,1000000 --requests 40]
// npm run bench -- --database postgres://…/db  (measures a database already filled by `npm run generate`)
// npm run bench -- … --grid  (also every combination of endpoint, level, period, range and filter: see GRID)
// npm run bench -- … --json figures.json  (also writes every figure, each grid combination's included, to a file)
// npm run bench -- … --warmup 0  (measures a process just started: see WARM-UP below)
// For each size: a fresh database (an embedded PostgreSQL 18, or BENCH_DATABASE_URL's server),
// filled by `npm run generate`, served by the built app (npm start's bundle: build it first).
// Prints, per endpoint, the p50 and p95 latency through HTTP; the p50 of the same SQL run directly
// with pg (the app, started with SQL_TRACE_FILE, writes down the queries and parameters of its first
// answer to each URL; they are replayed here, one after the other, on one connection, in turns with
// the HTTP requests); their ratio; the pg driver's time
// inside the app (Server-Timing); the gzipped size of the JavaScript the web app loads first; and,
// on Linux, where the app's time goes beside the SQL: its threads' CPU per request and its main
// thread's wait for a CPU, against the replay's own pg client (see CPU ACCOUNTING).
// Not part of the tests.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { freePort, temporaryPostgres } from '../postgres/temporary-postgres.mjs';
import { getToEnd, keptAlive } from './kept-alive.mjs';
import { ADMIN, answering, APP_SESSION_OPTIONS, filledDatabase, startTracedApp, traced } from './traced-app.mjs';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000,1000000' },
    requests: { type: 'string', default: '40' },
    database: { type: 'string' },
    grid: { type: 'boolean', default: false },
    // Every figure measured (table rows, yardsticks, each grid combination) as JSON, for comparing runs.
    json: { type: 'string' },
    warmup: { type: 'string', default: '100' },
  },
});
const SIZES = values.database ? [undefined] : values.sizes.split(',').map(Number);
const REQUESTS = Number(values.requests);
/**
 * WARM-UP: rounds over every path of the table (each asked once per round, and its SQL replayed
 * once) before anything is measured. A server answers most requests with its code compiled by V8's
 * optimising tiers; a process just started runs it interpreted, and the 5 requests per path before
 * its measure are too few for that (at a million moves, list people page 5: 4.8 ms over its first
 * 40 requests, 3.0 ms after 3,000). `--warmup 0` measures the process as started.
 */
const WARMUP_ROUNDS = Number(values.warmup);

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

const agent = keptAlive();
const timedGet = (url, cookie) => getToEnd(url, cookie, agent);

/**
 * One path's figures: HTTP and the same SQL replayed with pg, measured in turns (a request, then its
 * queries replayed, then the next request…), so that both see the machine at the same moments. Run one
 * after the other (every request, then every replay, as until session 18), they were taken seconds
 * apart, and this machine's speed drifts within seconds. Session 19, the same database, one run
 * of each way (yardstick 53.2 and 51.1 ms): the four rows with 2–4 ms of SQL over 1.5 read 1.88,
 * 2.23, 1.76, 1.97 apart and 1.68, 1.56, 1.63, 1.82 in turns; the other rows within the noise.
 */
async function measure(base, cookie, client, traceFile, path, appPid) {
  const http = [];
  const db = [];
  const direct = [];
  const cpu = { app: [], waiting: [], helpers: [], client: [] };
  let queries;
  let before = appThreads(appPid);
  for (let i = 0; i < REQUESTS + 5; i++) {
    const start = performance.now();
    const response = await timedGet(`${base}${path}`, cookie);
    const elapsed = performance.now() - start;
    if (response.statusCode !== 200) throw new Error(`${path}: ${response.statusCode}`);
    // The first answer to a URL is the one traced (with --warmup 0, it is this one).
    queries ??= await traced(traceFile, path);
    const replayStart = performance.now();
    const clientCpu = process.cpuUsage();
    await replay(client, traceFile, path, queries);
    const { user, system } = process.cpuUsage(clientCpu);
    const replayed = performance.now() - replayStart;
    // The app's threads from one turn to the next: all it did for this request (none of the replay is its).
    const after = appThreads(appPid);
    const turn = before && after && cpuBetween(before, after);
    before = after;
    if (i < 5) continue; // warm-up
    http.push(elapsed);
    direct.push(replayed);
    if (turn) {
      cpu.app.push(turn.main);
      cpu.waiting.push(turn.waiting);
      cpu.helpers.push(turn.helpers);
      cpu.client.push((user + system) / 1000);
    }
    db.push(Number(/db;dur=([\d.]+)/.exec(response.headers['server-timing'] ?? '')?.[1] ?? NaN));
  }
  for (const times of [http, db, direct, ...Object.values(cpu)]) times.sort((a, b) => a - b);
  return {
    p50: percentile(http, 50),
    p95: percentile(http, 95),
    sql: percentile(db, 50),
    direct: percentile(direct, 50),
    queries: queries.length,
    // ms per request, undefined where /proc cannot be read (not Linux): medians, but the helpers' mean,
    // since they run in bursts (a garbage collection every few requests) and their median is 0.
    cpu:
      cpu.app.length > 0
        ? {
            app: percentile(cpu.app, 50),
            waiting: percentile(cpu.waiting, 50),
            helpers: cpu.helpers.reduce((total, ms) => total + ms, 0) / cpu.helpers.length,
            client: percentile(cpu.client, 50),
          }
        : undefined,
  };
}

/**
 * CPU ACCOUNTING (Linux): each of the app's threads' time on a CPU and waiting for one, in ns, from
 * /proc/PID/task/TID/schedstat. The main thread runs the app's JavaScript (HTTP, Nest, TypeORM, the pg
 * driver); the others are V8's helpers (garbage collection, compilation) and libuv's pool. Undefined
 * where it cannot be read.
 */
function appThreads(pid) {
  try {
    return readdirSync(`/proc/${pid}/task`).map((tid) => {
      const [onCpu, waiting] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ').map(Number);
      return { main: tid === String(pid), onCpu, waiting };
    });
  } catch {
    return undefined;
  }
}

/** The app's CPU between two readings, ms: its main thread's, the time that thread waited for a CPU, its helpers'. */
function cpuBetween(before, after) {
  const main = (threads) => threads.find((t) => t.main);
  const helpers = (threads) => threads.filter((t) => !t.main).reduce((total, t) => total + t.onCpu, 0);
  return {
    main: (main(after).onCpu - main(before).onCpu) / 1e6,
    waiting: (main(after).waiting - main(before).waiting) / 1e6,
    // A helper thread that ended between the readings drops out of the sum: never below 0.
    helpers: Math.max(0, helpers(after) - helpers(before)) / 1e6,
  };
}

/**
 * "Any analytics endpoint with any filter": flows and net flows at every level, net flows per
 * period, over whole years, whole months and a range that cuts months, with no filter, each kind
 * of filter, and two together. Each combination is asked 3 times (after one warm-up): its median.
 */
const GRID = {
  // A quarter since session 17: the busiest pairs over a few months had been counted pair by pair, 2–8 times slower than aggregating.
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

async function grid(base, cookie) {
  const rows = [];
  for (const endpoint of ['flows', 'net-flows']) {
    for (const level of ['sector', 'country', 'organization', 'parent']) {
      for (const period of endpoint === 'net-flows' ? ['none', 'year', 'quarter', 'month'] : ['none']) {
        for (const [range, [from, to]] of Object.entries(GRID.ranges)) {
          for (const [filter, filterQuery] of Object.entries(GRID.filters)) {
            const query = new URLSearchParams({ from, to, level, ...(endpoint === 'net-flows' ? { period } : {}), ...filterQuery });
            const path = `/api/analytics/${endpoint}?${query}`;
            const times = [];
            for (let i = 0; i < 4; i++) {
              const start = performance.now();
              const response = await timedGet(`${base}${path}`, cookie);
              if (response.statusCode !== 200) throw new Error(`${path}: ${response.statusCode}`);
              if (i > 0) times.push(performance.now() - start);
            }
            times.sort((a, b) => a - b);
            rows.push({ label: `${endpoint} by ${level}${period === 'none' ? '' : ` per ${period}`}, ${range}, ${filter}`, p50: times[1] });
          }
        }
      }
    }
  }
  return rows;
}

/** Those queries, replayed one after the other on `client`. */
async function replay(client, traceFile, path, queries) {
  for (const { sql, params } of queries ?? (await traced(traceFile, path))) await client.query(sql, params);
}

function firstLoadJs() {
  const web = join(root, 'dist/apps/web');
  const html = readFileSync(join(web, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  return scripts.reduce((total, file) => total + gzipSync(readFileSync(join(web, file))).length, 0);
}

const q = (params) => `?${new URLSearchParams(params)}`;
const json = (value) => JSON.stringify(value);

async function movesIn(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const [{ count }] = (await client.query('SELECT count(*)::int AS count FROM moves')).rows;
  await client.end();
  return count;
}

const server = values.database ? { url: values.database, stop: async () => undefined } : await temporaryPostgres(process.env.BENCH_DATABASE_URL);
const results = [];
const yardsticks = [];
const grids = [];
try {
  for (const wanted of SIZES) {
    const databaseUrl = values.database ?? (await filledDatabase(server.url, wanted));
    const size = wanted ?? (await movesIn(databaseUrl));
    const port = await freePort();
    const traceDir = mkdtempSync(join(tmpdir(), 'talentflow-bench-'));
    const traceFile = join(traceDir, 'sql.jsonl');
    const app = startTracedApp({ databaseUrl, port, traceFile });
    const base = `http://127.0.0.1:${port}`;
    // The replay's session as the app's pool opens its own (apps/api/src/database/typeorm-options.ts):
    // with PostgreSQL's default work_mem instead, some plans differ and the comparison is not of the same SQL.
    const client = new pg.Client({ connectionString: databaseUrl, options: APP_SESSION_OPTIONS });
    try {
      await answering(`${base}/api/health`, app);
      await client.connect();
      const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: json(ADMIN) });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
      const [{ id: busiest }] = await (await fetch(`${base}/api/organizations${q({ sort: json(['name', 'ASC']), range: json([0, 0]), filter: json({ q: 'organisation 1' }) })}`, { headers: { Cookie: cookie } })).json();
      const range = { from: '2020-01-01', to: '2024-12-31' };
      const endpoints = {
        'list moves, sorted, page 1': `/api/moves${q({ sort: json(['effectiveOn', 'DESC']), range: json([0, 24]) })}`,
        'list moves, filtered': `/api/moves${q({ sort: json(['effectiveOn', 'DESC']), range: json([0, 24]), filter: json({ status: 'confirmed', effectiveAfter: '2020-01-01' }) })}`,
        'list moves of one organisation': `/api/moves${q({ range: json([0, 24]), filter: json({ organizationId: busiest }) })}`,
        'list people, page 5': `/api/people${q({ sort: json(['name', 'ASC']), range: json([100, 124]) })}`,
        'search organisations': `/api/organizations${q({ filter: json({ q: 'organisation 12' }) })}`,
        'flows by sector (default view)': `/api/analytics/flows${q({ ...range, level: 'sector' })}`,
        'flows by country (default view)': `/api/analytics/flows${q({ ...range, level: 'country' })}`,
        'net flows by sector (default view)': `/api/analytics/net-flows${q({ ...range, level: 'sector' })}`,
        'headcount (default view)': `/api/analytics/headcount${q(range)}`,
        'flows by organisation': `/api/analytics/flows${q({ ...range, level: 'organization' })}`,
        'flows by parent': `/api/analytics/flows${q({ ...range, level: 'parent' })}`,
        'net flows per quarter, FR': `/api/analytics/net-flows${q({ ...range, level: 'sector', period: 'quarter', countries: 'FR' })}`,
        'flows, research field filter': `/api/analytics/flows${q({ ...range, level: 'sector', fields: 'speech' })}`,
        'top origins of the busiest lab': `/api/analytics/top${q({ ...range, organizationId: busiest })}`,
        'net flows by organisation': `/api/analytics/net-flows${q({ ...range, level: 'organization' })}`,
        'net flows by parent, per year': `/api/analytics/net-flows${q({ ...range, level: 'parent', period: 'year' })}`,
        'net flows per month by sector': `/api/analytics/net-flows${q({ ...range, level: 'sector', period: 'month' })}`,
        'flows by sector, 15 March 2023 to 20 June 2024': `/api/analytics/flows${q({ from: '2023-03-15', to: '2024-06-20', level: 'sector' })}`,
        'flows by organisation, March 2023 to June 2024': `/api/analytics/flows${q({ from: '2023-03-01', to: '2024-06-30', level: 'organization' })}`,
        'flows by parent, FR': `/api/analytics/flows${q({ ...range, level: 'parent', countries: 'FR' })}`,
        'flows by parent, big tech in the US': `/api/analytics/flows${q({ ...range, level: 'parent', countries: 'US', sectors: 'big_tech' })}`,
        'flows by organisation, March 2024': `/api/analytics/flows${q({ from: '2024-03-01', to: '2024-03-31', level: 'organization' })}`,
        'net flows by organisation, FR': `/api/analytics/net-flows${q({ ...range, level: 'organization', countries: 'FR' })}`,
        'net flows by organisation, March 2023 to June 2024': `/api/analytics/net-flows${q({ from: '2023-03-01', to: '2024-06-30', level: 'organization' })}`,
        'flows by organisation, research field filter': `/api/analytics/flows${q({ ...range, level: 'organization', fields: 'speech' })}`,
        'net flows by organisation, research field filter': `/api/analytics/net-flows${q({ ...range, level: 'organization', fields: 'speech' })}`,
        'flows by parent, research field and FR': `/api/analytics/flows${q({ ...range, level: 'parent', fields: 'speech', countries: 'FR' })}`,
        'top origins of the busiest lab, research field filter': `/api/analytics/top${q({ ...range, organizationId: busiest, fields: 'speech' })}`,
        'net flows by organisation per quarter': `/api/analytics/net-flows${q({ ...range, level: 'organization', period: 'quarter' })}`,
        'net flows by parent, FR': `/api/analytics/net-flows${q({ ...range, level: 'parent', countries: 'FR' })}`,
        'net flows by organisation, 15 March 2023 to 20 June 2024': `/api/analytics/net-flows${q({ from: '2023-03-15', to: '2024-06-20', level: 'organization' })}`,
        'flows by sector, research field, March 2023 to June 2024': `/api/analytics/flows${q({ from: '2023-03-01', to: '2024-06-30', level: 'sector', fields: 'speech' })}`,
        'headcount of the busiest lab, researchers only': `/api/analytics/headcount${q({ ...range, organizationIds: busiest, roleCategories: 'researcher' })}`,
      };
      // The machine's yardstick: the issue puts an unfiltered count(*) of 1M moves at about 23 ms.
      const counts = [];
      for (let i = 0; i < 10; i++) {
        const start = performance.now();
        await client.query('SELECT count(*) FROM moves');
        if (i >= 3) counts.push(performance.now() - start);
      }
      counts.sort((a, b) => a - b);
      yardsticks.push({ size, countMs: percentile(counts, 50) });
      for (let round = 0; round < WARMUP_ROUNDS; round++) {
        for (const path of Object.values(endpoints)) {
          const response = await timedGet(`${base}${path}`, cookie);
          if (response.statusCode !== 200) throw new Error(`${path}: ${response.statusCode}`);
        }
        for (const path of Object.values(endpoints)) await replay(client, traceFile, path);
      }
      for (const [label, path] of Object.entries(endpoints)) {
        const figures = await measure(base, cookie, client, traceFile, path, app.pid);
        results.push({ size, label, ...figures });
        console.error(`${size}\t${label}\t${figures.p50.toFixed(1)}\t${figures.p95.toFixed(1)}\t${figures.direct.toFixed(1)}\t${figures.sql.toFixed(1)}\t${figures.cpu?.app.toFixed(2) ?? ''}`);
      }
      if (values.grid) grids.push({ size, rows: await grid(base, cookie) });
    } finally {
      await client.end().catch(() => undefined);
      app.kill('SIGTERM');
      await new Promise((done) => app.once('exit', done));
      rmSync(traceDir, { recursive: true, force: true });
    }
  }
} finally {
  agent.destroy();
  await server.stop();
}

if (values.json) writeFileSync(values.json, `${JSON.stringify({ warmupRounds: WARMUP_ROUNDS, results, yardsticks, grids }, null, 1)}\n`);

console.log(
  WARMUP_ROUNDS > 0
    ? `\nMeasured after ${WARMUP_ROUNDS} warm-up rounds over every path of the table (the app and the replay; \`--warmup 0\`: as started).`
    : '\nMeasured on the app as started (no warm-up rounds).',
);

console.log(`\n| moves | endpoint | HTTP p50 ms | HTTP p95 ms | same SQL with pg, p50 ms | HTTP/SQL | queries | pg time in the API, p50 ms |`);
console.log(`|---:|---|---:|---:|---:|---:|---:|---:|`);
for (const r of results) {
  console.log(
    `| ${r.size.toLocaleString('en')} | ${r.label} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.direct.toFixed(1)} | ${(r.p50 / r.direct).toFixed(2)} | ${r.queries} | ${r.sql.toFixed(1)} |`,
  );
}
if (results.some((r) => r.cpu)) {
  // See CPU ACCOUNTING: what the app spends of its own beside the SQL, which the HTTP/SQL ratio cannot
  // tell apart from the machine's drift. The replay's client does the pg driver's share of the same work.
  console.log(`\nWhere the app's time goes (ms per request, medians; the helper threads' mean; see CPU ACCOUNTING in bench.mjs):\n`);
  console.log(`| moves | endpoint | HTTP − SQL | app's main thread on a CPU | … waiting for a CPU | app's helper threads on a CPU | replay's pg client on a CPU | main thread − client |`);
  console.log(`|---:|---|---:|---:|---:|---:|---:|---:|`);
  for (const r of results.filter((row) => row.cpu)) {
    const { app, waiting, helpers, client } = r.cpu;
    console.log(
      `| ${r.size.toLocaleString('en')} | ${r.label} | ${(r.p50 - r.direct).toFixed(2)} | ${app.toFixed(2)} | ${waiting.toFixed(2)} | ${helpers.toFixed(2)} | ${client.toFixed(2)} | ${(app - client).toFixed(2)} |`,
    );
  }
}
console.log(`\nThis machine's yardstick, \`SELECT count(*) FROM moves\` with pg, p50: ${yardsticks.map((y) => `${y.countMs.toFixed(1)} ms at ${y.size.toLocaleString('en')} moves`).join(', ')}.`);
console.log(`\nWeb app, first-load JavaScript: ${(firstLoadJs() / 1024).toFixed(0)} KB gzipped`);
for (const { size, rows } of grids) {
  // The issue's ≤ 100 ms is set at its reference speed (count(*) of 1M moves in 23 ms): this machine's, scaled.
  const yardstick = yardsticks.find((y) => y.size === size)?.countMs ?? 23;
  const scaled = 100 * Math.max(1, yardstick / 23);
  const over = (limit) => rows.filter((row) => row.p50 > limit).length;
  console.log(
    `\nGrid at ${size.toLocaleString('en')} moves: ${rows.length} combinations; p50 over 100 ms: ${over(100)}; over ${scaled.toFixed(0)} ms (100 ms at the reference speed): ${over(scaled)}. The slowest:`,
  );
  console.log(`| combination | p50 ms |\n|---|---:|`);
  for (const row of [...rows].sort((a, b) => b.p50 - a.p50).slice(0, 25)) console.log(`| ${row.label} | ${row.p50.toFixed(0)} |`);
}
