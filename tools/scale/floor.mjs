#!/usr/bin/env node
// npm run bench:floor -- --database postgres://…/db [--rounds 1000] [--adapter fastify]
// What NestJS itself adds to a light request on this machine, for the HTTP/SQL ratio of issue 5.
// Starts the built app (npm start's bundle: build it first) on a database filled by
// `npm run generate`, and beside it a minimal NestJS app: helmet, cookie-parser, a guard that wants
// the session cookie, the global ValidationPipe (the app's whitelist, refusal of unknown fields and
// conversion; not its error shape) on the list query's three strings, and a handler that sends the
// app's own traced queries for the same URL through a pg Pool, all at once as the app sends them,
// and answers the first one's rows as JSON. No TypeORM, no session lookup, no Server-Timing.
// Then, in turns as `npm run bench` measures: the app, the same queries replayed one after the
// other on one connection, the minimal app. Prints each p50 and the ratio to the replay's.
// `--adapter fastify` runs the minimal app on Fastify instead of Express; it needs packages the
// project does not depend on:
//   npm install --no-save @nestjs/platform-fastify@11.2.8 @fastify/helmet @fastify/cookie
// Not part of the tests.
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { freePort } from '../postgres/temporary-postgres.mjs';
import { getToEnd, keptAlive } from './kept-alive.mjs';
import { ADMIN, answering, APP_SESSION_OPTIONS, startTracedApp, traced } from './traced-app.mjs';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    database: { type: 'string' },
    rounds: { type: 'string', default: '1000' },
    adapter: { type: 'string', default: 'express' },
    // Internal: run as the minimal app, answering the traced queries of this file.
    serve: { type: 'string' },
    trace: { type: 'string' },
  },
});
if (!values.database) throw new Error('usage: floor.mjs --database postgres://…/db [--rounds N] [--adapter express|fastify]');
const q = (params) => `?${new URLSearchParams(params)}`;
const json = (value) => JSON.stringify(value);
// The rows of the bench's table that the ratio misses: lists, whose three queries go out at once.
const PATHS = {
  'list people, page 5': `/api/people${q({ sort: json(['name', 'ASC']), range: json([100, 124]) })}`,
  'list moves, sorted, page 1': `/api/moves${q({ sort: json(['effectiveOn', 'DESC']), range: json([0, 24]) })}`,
};

/** The queries the app sent for `url` (the session lookup left out: the app answers it from memory). */
const tracedQueries = async (traceFile, url) => (await traced(traceFile, url)).filter(({ sql }) => !sql.includes('FROM sessions'));

/** The minimal app, its decorators applied by hand (plain JavaScript has none). */
async function serve(port, traceFile) {
  const { Controller, Get, Injectable, Module, Query, Req, UseGuards, ValidationPipe } = await import('@nestjs/common');
  const { NestFactory } = await import('@nestjs/core');
  const { IsOptional, IsString } = await import('class-validator');
  const pool = new pg.Pool({ connectionString: values.database, options: APP_SESSION_OPTIONS, max: 10 });

  class ListQuery {}
  for (const field of ['sort', 'range', 'filter']) {
    IsOptional()(ListQuery.prototype, field);
    IsString()(ListQuery.prototype, field);
  }
  class SessionCookieGuard {
    canActivate(context) {
      return typeof context.switchToHttp().getRequest().cookies?.tf_session === 'string';
    }
  }
  Injectable()(SessionCookieGuard);
  const known = new Map();
  class Floor {
    async list(_query, request) {
      const url = request.originalUrl ?? request.url;
      if (!known.has(url)) known.set(url, await tracedQueries(traceFile, url));
      const queries = known.get(url);
      const [first] = await Promise.all(queries.map(({ sql, params }) => pool.query(sql, params)));
      return first.rows;
    }
  }
  Reflect.defineMetadata('design:paramtypes', [ListQuery, Object], Floor.prototype, 'list');
  Query()(Floor.prototype, 'list', 0);
  Req()(Floor.prototype, 'list', 1);
  // Every path under /api: Express 5 names its wildcards, Fastify's router does not.
  Get(values.adapter === 'fastify' ? '*' : '*path')(Floor.prototype, 'list', Object.getOwnPropertyDescriptor(Floor.prototype, 'list'));
  UseGuards(SessionCookieGuard)(Floor);
  Controller()(Floor);
  class FloorModule {}
  Module({ controllers: [Floor] })(FloorModule);

  let app;
  if (values.adapter === 'fastify') {
    const { FastifyAdapter } = await import('@nestjs/platform-fastify');
    app = await NestFactory.create(FloorModule, new FastifyAdapter(), { logger: ['error'] });
    await app.register((await import('@fastify/helmet')).default);
    await app.register((await import('@fastify/cookie')).default);
  } else {
    app = await NestFactory.create(FloorModule, { logger: ['error'] });
    app.use((await import('helmet')).default());
    app.use((await import('cookie-parser')).default());
  }
  app.setGlobalPrefix('api');
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  await app.listen(port, '127.0.0.1');
}

async function measure() {
  const traceDir = mkdtempSync(join(tmpdir(), 'talentflow-floor-'));
  const traceFile = join(traceDir, 'sql.jsonl');
  const [appPort, floorPort] = [await freePort(), await freePort()];
  const children = [];
  const client = new pg.Client({ connectionString: values.database, options: APP_SESSION_OPTIONS });
  const agents = { app: keptAlive(), floor: keptAlive() };
  try {
    const app = startTracedApp({ databaseUrl: values.database, port: appPort, traceFile });
    children.push(app);
    const appBase = `http://127.0.0.1:${appPort}`;
    await answering(`${appBase}/api/health`, app);
    const login = await fetch(`${appBase}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: json(ADMIN) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const get = (who, base, path) => async () => {
      const start = performance.now();
      const response = await getToEnd(`${base}${path}`, cookie, agents[who]);
      if (response.statusCode !== 200) throw new Error(`${who} ${path}: ${response.statusCode}`);
      return performance.now() - start;
    };
    // The app first, so that its traces are written before the minimal app reads them.
    for (const path of Object.values(PATHS)) for (let i = 0; i < 1000; i++) await get('app', appBase, path)();

    const floor = spawn(
      process.execPath,
      [import.meta.filename, '--serve', String(floorPort), '--trace', traceFile, '--database', values.database, '--adapter', values.adapter],
      { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    children.push(floor);
    const floorBase = `http://127.0.0.1:${floorPort}`;
    await answering(`${floorBase}/api/health`, floor);
    await client.connect();

    const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
    const rounds = Number(values.rounds);
    console.log(`\n| endpoint | same SQL with pg, p50 ms | the app, p50 ms (ratio) | minimal NestJS on ${values.adapter}, p50 ms (ratio) |`);
    console.log('|---|---:|---:|---:|');
    for (const [name, path] of Object.entries(PATHS)) {
      const queries = await tracedQueries(traceFile, path);
      const ask = { app: get('app', appBase, path), floor: get('floor', floorBase, path) };
      const replay = async () => {
        const start = performance.now();
        for (const { sql, params } of queries) await client.query(sql, params);
        return performance.now() - start;
      };
      for (let i = 0; i < 1000; i++) await ask.floor();
      const times = { app: [], floor: [], sql: [] };
      for (let round = 0; round < rounds; round++) {
        // Each answer followed by its SQL replayed, the two apps in alternating order.
        for (const who of round % 2 ? ['floor', 'app'] : ['app', 'floor']) {
          times[who].push(await ask[who]());
          times.sql.push(await replay());
        }
      }
      const sql = median(times.sql);
      const cell = (who) => `${median(times[who]).toFixed(2)} (${(median(times[who]) / sql).toFixed(2)})`;
      console.log(`| ${name} | ${sql.toFixed(2)} | ${cell('app')} | ${cell('floor')} |`);
    }
  } finally {
    for (const child of children) child.kill();
    await client.end().catch(() => undefined);
    for (const agent of Object.values(agents)) agent.destroy();
    rmSync(traceDir, { recursive: true, force: true });
  }
}

if (values.serve) await serve(Number(values.serve), values.trace);
else await measure();
