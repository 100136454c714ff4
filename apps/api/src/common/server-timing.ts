import type { NextFunction, Request, Response } from 'express';
import { AsyncLocalStorage } from 'node:async_hooks';
import { appendFileSync } from 'node:fs';
import onHeaders from 'on-headers';
import { AfterQueryEvent, EntitySubscriberInterface, EventSubscriber } from 'typeorm';

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
 * included), writes it down as `Server-Timing: db;dur=12.3;desc="3 queries"`: how much of the answer
 * was PostgreSQL. Browsers' developer tools show it; `npm run bench` compares it with the HTTP
 * latency. (A Nest interceptor set it before: one more Observable around every handler, and no
 * header on errors; that one and the Content-Range interceptor cost 0.12–0.15 ms a request here.)
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
      response.setHeader('Server-Timing', `db;dur=${timing.db.toFixed(1)};desc="${timing.queries} queries"`);
    });
    timings.run(timing, next);
  };
}

/** Adds each query's execution time, as TypeORM measured it around the pg driver, to the request's. */
@EventSubscriber()
export class QueryTimingSubscriber implements EntitySubscriberInterface {
  afterQuery(event: AfterQueryEvent): void {
    const timing = timings.getStore();
    if (timing && event.executionTime !== undefined) {
      timing.db += event.executionTime;
      timing.queries += 1;
      timing.trace?.push({ sql: event.query, params: event.parameters ?? [] });
    }
  }
}
