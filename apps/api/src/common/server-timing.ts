import type { NextFunction, Request, Response } from 'express';
import { AsyncLocalStorage } from 'node:async_hooks';
import { appendFileSync } from 'node:fs';
import onHeaders from 'on-headers';
import { AfterQueryEvent, BeforeQueryEvent, EntitySubscriberInterface, EventSubscriber, QueryRunner } from 'typeorm';

interface RequestTiming {
  db: number;
  queries: number;
  /** The request's queries with their parameters, kept only when SQL_TRACE_FILE is set. */
  trace?: { sql: string; params: unknown }[];
}

/** The time one request spent in PostgreSQL, summed from the pg driver's query times. */
const timings = new AsyncLocalStorage<RequestTiming>();

/**
 * Express middleware: opens the request's timing and, as the answer's headers go out (errors
 * included), writes it down as `Server-Timing: db;dur=12.34;desc="3 queries"`: how much of the answer
 * was PostgreSQL. Browsers' developer tools show it; `npm run bench` compares it with the HTTP
 * latency. (A Nest interceptor set it before: one more Observable around every handler, and no
 * header on errors. The Content-Range one went in session 20: see `Page.answer`.)
 *
 * With a trace file (SQL_TRACE_FILE, a diagnostic for `npm run bench`, which replays each request's
 * SQL directly with pg), the first answer to each method and URL appends one JSON line:
 * `{"method", "url", "queries": [{"sql", "params"}]}`. Only the first: writing every request down
 * took ~1 ms each on this machine, which the bench then counted as the app's own time.
 */
export function requestTiming(traceFile?: string) {
  const traced = new Set<string>();
  return (request: Request, response: Response, next: NextFunction): void => {
    const key = `${request.method} ${request.originalUrl}`;
    const trace = traceFile !== undefined && !traced.has(key);
    const timing: RequestTiming = { db: 0, queries: 0, trace: trace ? [] : undefined };
    if (trace) {
      response.on('finish', () => {
        if (traced.has(key)) return;
        traced.add(key);
        appendFileSync(traceFile, `${JSON.stringify({ method: request.method, url: request.originalUrl, queries: timing.trace })}\n`);
      });
    }
    onHeaders(response, () => {
      response.setHeader('Server-Timing', `db;dur=${timing.db.toFixed(2)};desc="${timing.queries} queries"`);
    });
    timings.run(timing, next);
  };
}

/**
 * Adds each query's time around the pg driver to the request's, in fractions of a millisecond:
 * TypeORM's own `executionTime` is a difference of `Date.now()`s, whole milliseconds, too coarse
 * for requests whose SQL takes 2–4 ms. A query runner runs one query at a time, so its start is
 * kept by runner (parallel queries have a runner each).
 */
@EventSubscriber()
export class QueryTimingSubscriber implements EntitySubscriberInterface {
  private readonly started = new WeakMap<QueryRunner, number>();

  beforeQuery(event: BeforeQueryEvent): void {
    if (timings.getStore()) this.started.set(event.queryRunner, performance.now());
  }

  afterQuery(event: AfterQueryEvent): void {
    const timing = timings.getStore();
    const start = this.started.get(event.queryRunner);
    this.started.delete(event.queryRunner);
    const duration = start !== undefined ? performance.now() - start : event.executionTime;
    if (timing && duration !== undefined) {
      timing.db += duration;
      timing.queries += 1;
      timing.trace?.push({ sql: event.query, params: event.parameters ?? [] });
    }
  }
}
