#!/usr/bin/env node
// npm run bench:compare -- --a http://127.0.0.1:3998 --b http://127.0.0.1:3999 /api/people?… /api/auth/me …
// Two builds of the app (e.g. main and a change), each already running on the same database, asked
// the same paths in turn (A B B A …, so that the machine's drifts fall on both alike): the median
// per path of each and their difference. A plain before/after run on a shared machine drifts
// more than the changes it is meant to show. Not part of
// the tests. Signs in on both as ADMIN_EMAIL / ADMIN_PASSWORD (the bench's account by default).
import { parseArgs } from 'node:util';
import { getToEnd, keptAlive } from './kept-alive.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { a: { type: 'string' }, b: { type: 'string' }, rounds: { type: 'string', default: '30' } },
});
if (!values.a || !values.b || positionals.length === 0) throw new Error('usage: compare.mjs --a URL --b URL PATH…');
const email = process.env.ADMIN_EMAIL ?? 'bench@example.org';
const password = process.env.ADMIN_PASSWORD ?? 'bench password 123';

const servers = {};
for (const name of ['a', 'b']) {
  const base = values[name];
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!login.ok) throw new Error(`${base}: sign-in answered ${login.status}`);
  servers[name] = { base, cookie: (login.headers.get('set-cookie') ?? '').split(';')[0], agent: keptAlive() };
}

/** One GET on the server's kept-alive connection, its body read to the end: ms. */
async function timed({ base, cookie, agent }, path) {
  const start = performance.now();
  const response = await getToEnd(`${base}${path}`, cookie, agent);
  if (response.statusCode !== 200) throw new Error(`${base}${path}: ${response.statusCode}`);
  return performance.now() - start;
}
const median = (times) => [...times].sort((x, y) => x - y)[Math.floor(times.length / 2)];

console.log('| path | A p50 ms | B p50 ms | A − B ms |\n|---|---:|---:|---:|');
for (const path of positionals) {
  const times = { a: [], b: [] };
  for (let i = 0; i < 5; i++) for (const name of ['a', 'b']) await timed(servers[name], path); // warm-up
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const name of round % 2 ? ['a', 'b'] : ['b', 'a']) for (let i = 0; i < 3; i++) times[name].push(await timed(servers[name], path));
  }
  const [a, b] = [median(times.a), median(times.b)];
  console.log(`| ${path} | ${a.toFixed(2)} | ${b.toFixed(2)} | ${(a - b).toFixed(2)} |`);
}
