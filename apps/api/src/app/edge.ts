import { BadRequestException } from '@nestjs/common';
import express, { type ErrorRequestHandler, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { assertCleanInput } from '../common/clean-input';

/**
 * What every request meets before Nest routes it: one JSON body parser, the same-origin rule for
 * writes, `Cache-Control: no-store` on the API, and the refusal of strings PostgreSQL or the
 * validators cannot take. Each answers a clear 4xx itself, so that nothing reaches a handler half-read.
 */

/** The largest JSON body accepted (the biggest record with 50 aliases and notes is a few KB). */
export const BODY_LIMIT = '1mb';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function answer(response: Response, statusCode: number, message: string, errors?: Record<string, string>): void {
  response.status(statusCode).json({ statusCode, message, ...(errors ? { errors } : {}) });
}

/** API answers hold records behind a session: no browser or proxy cache keeps them. */
export const noStore: RequestHandler = (_request, response, next) => {
  response.setHeader('Cache-Control', 'no-store');
  next();
};

function hasBody(request: Request): boolean {
  return request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
}

/**
 * Writes only from the app's own origin (or one in CORS_ORIGINS), and only as JSON, or as
 * multipart/form-data for a file to import. A form on a sibling subdomain or another port can post
 * without a CORS preflight, and SameSite=Lax lets the session cookie go with it; JSON needs a
 * preflight, and browsers always send `Origin` with a cross-origin write, which is refused. Clients
 * that send no `Origin` (scripts, curl) are not browsers and carry no ambient cookie, so they pass.
 */
export function sameOriginWrites(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return (request, response, next) => {
    if (!WRITE_METHODS.has(request.method)) return next();
    const origin = request.headers.origin;
    if (origin !== undefined && !allowed.has(origin) && hostOf(origin) !== request.host) {
      return answer(response, 403, `Writes are accepted from this site only, not from ${origin}`);
    }
    if (hasBody(request) && !request.is('application/json') && !(isUpload(request) && request.is('multipart/form-data'))) {
      return answer(response, 415, 'Send the body as JSON, with Content-Type: application/json');
    }
    next();
  };
}

/** The routes that take a file, as multipart/form-data: the imports. */
const isUpload = (request: Request) => request.method === 'POST' && request.path.startsWith('/imports/');

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

/** express.json, whose refusals (bad JSON, too large, an unknown charset) are answered as 4xx here. */
export function jsonBody(): RequestHandler[] {
  const parse = express.json({ limit: BODY_LIMIT });
  const refusal: ErrorRequestHandler = (error: { status?: number; type?: string }, _request, response, next) => {
    if (typeof error?.type !== 'string' || !error.status || error.status >= 500) return next(error);
    const message =
      error.type === 'entity.parse.failed'
        ? 'The body is not valid JSON'
        : error.type === 'entity.too.large'
          ? `The body is larger than ${BODY_LIMIT}`
          : error.status === 415
            ? 'Send the body as UTF-8 JSON'
            : 'The body could not be read';
    answer(response, error.status, message);
  };
  return [parse, refusal as unknown as RequestHandler];
}

/** The parsed body and query string must be clean input (see assertCleanInput). */
export const cleanInput: RequestHandler = (request: Request, response: Response, next: NextFunction) => {
  try {
    assertCleanInput(request.body, '');
    assertCleanInput(request.query, '');
  } catch (error) {
    if (!(error instanceof BadRequestException)) return next(error);
    const body = error.getResponse() as { message: string; errors: Record<string, string> };
    return answer(response, 400, body.message, body.errors);
  }
  next();
};
