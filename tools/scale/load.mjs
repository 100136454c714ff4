#!/usr/bin/env node
// npm run bench:load [-- --database postgres://…/db --moves 10000 --duration 30 --connections 50,200]
// Throughput and latency under many concurrent clients (autocannon), on a list and a dashboard
// endpoint of the built app (npm start's bundle: build it first). Without --database, a fresh
// database on a temporary PostgreSQL (embedded, or BENCH_DATABASE_URL's server) filled by
// `npm run generate -- --moves <moves>`. Prints, per endpoint and number of connections, requests
// per second, p50 and p99 latency, and every error, timeout and non-2xx answer. Not part of the tests.
import autocannon from 'autocannon';
import { parseArgs } from 'node:util';
import { freePort, temporaryPostgres } from '../postgres/temporary-postgres.mjs';
import { answering, filledDatabase, signIn, startApp } from './app.mjs';

const { values } = parseArgs({
  options: {
    database: { type: 'string' },
    moves: { type: 'string', default: '10000' },
    duration: { type: 'string', default: '30' },
    connections: { type: 'string', default: '50,200' },
  },
});

const json = (value) => encodeURIComponent(JSON.stringify(value));
const ENDPOINTS = {
  'list moves, page 1': `/api/moves?sort=${json(['effectiveOn', 'DESC'])}&range=${json([0, 24])}`,
  'flows by sector (dashboard)': '/api/analytics/flows?level=sector&from=2020-01-01&to=2024-12-31',
};

const server = values.database ? { url: values.database, stop: async () => undefined } : await temporaryPostgres(process.env.BENCH_DATABASE_URL);
let app;
try {
  const databaseUrl = values.database ?? (await filledDatabase(server.url, Number(values.moves)));
  const port = await freePort();
  app = startApp({ databaseUrl, port });
  const base = `http://127.0.0.1:${port}`;
  await answering(`${base}/api/health`, app);
  const cookie = await signIn(base);

  console.log(`| endpoint | connections | requests/s | p50 ms | p99 ms | requests | errors | timeouts | non-2xx |`);
  console.log(`|---|---:|---:|---:|---:|---:|---:|---:|---:|`);
  for (const [name, path] of Object.entries(ENDPOINTS)) {
    for (const connections of values.connections.split(',').map(Number)) {
      const result = await autocannon({
        url: `${base}${path}`,
        connections,
        duration: Number(values.duration),
        headers: { cookie },
        timeout: 10,
      });
      const { requests, latency, errors, timeouts, non2xx } = result;
      console.log(
        `| ${name} | ${connections} | ${Math.round(requests.average)} | ${latency.p50} | ${latency.p99} | ${requests.total} | ${errors} | ${timeouts} | ${non2xx} |`,
      );
    }
  }
} finally {
  app?.kill();
  await server.stop();
}
