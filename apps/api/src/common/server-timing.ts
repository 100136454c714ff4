import type { NextFunction, Request, Response } from 'express';
import { AsyncLocalStorage } from 'node:async_hooks';
import onHeaders from 'on-headers';
import { AfterQueryEvent, BeforeQueryEvent, EntitySubscriberInterface, EventSubscriber, QueryRunner } from 'typeorm';

interface RequestTiming {
  db: number;
  queries: number;
  /** Time in the analytics engine (DuckDB), when the request asked it. */
  analytics?: number;
}

/** The time one request spent in PostgreSQL and in the analytics engine. */
const timings = new AsyncLocalStorage<RequestTiming>();

/**
 * Express middleware: opens the request's timing and, as the answer's headers go out (errors
 * included), writes it down as `Server-Timing: db;dur=12.34;desc="3 queries"` (PostgreSQL), and
 * `, analytics;dur=5.67` when the analytics engine answered: how much of the answer they were.
 * Browsers' developer tools show it; `npm run bench` compares it with the HTTP latency.
 */
export function requestTiming() {
  return (_request: Request, response: Response, next: NextFunction): void => {
    const timing: RequestTiming = { db: 0, queries: 0 };
    onHeaders(response, () => {
      const analytics = timing.analytics === undefined ? '' : `, analytics;dur=${timing.analytics.toFixed(2)}`;
      response.setHeader('Server-Timing', `db;dur=${timing.db.toFixed(2)};desc="${timing.queries} queries"${analytics}`);
    });
    timings.run(timing, next);
  };
}

/** Adds time spent in the analytics engine to the current request's. */
export function addAnalyticsTime(ms: number): void {
  const timing = timings.getStore();
  if (timing) timing.analytics = (timing.analytics ?? 0) + ms;
}

/**
 * Adds each query's time around the pg driver to the request's, in fractions of a millisecond:
 * TypeORM's own `executionTime` is a difference of `Date.now()`s, whole milliseconds, too coarse
 * for light requests. A query runner runs one query at a time, so its start is
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
    }
  }
}
