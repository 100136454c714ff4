import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { ApiErrorBody } from './api-errors';

interface PgError {
  code?: string;
  detail?: string;
  table?: string;
  constraint?: string;
  column?: string;
  message?: string;
}

/** What a 503 asks the client to wait, in seconds, before it tries again. */
export const RETRY_AFTER_SECONDS = 5;

const camelCase = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * PostgreSQL is the last judge of integrity (unique keys, foreign keys, checks). When it refuses a
 * write, the client gets a 4xx naming the field instead of a 500, and the transaction has left
 * nothing half-written.
 */
export function describeDatabaseError(error: PgError): ApiErrorBody | undefined {
  const detail = error.detail ?? '';
  const key = /^Key \(([^)]+)\)=\((.*)\)/.exec(detail);
  const field = key ? camelCase(key[1]) : undefined;
  switch (error.code) {
    case '23505': // unique_violation
      return {
        statusCode: HttpStatus.CONFLICT,
        message: `Another record already has this ${field ?? 'value'}${key ? ` (${key[2]})` : ''}`,
        errors: field ? { [field]: 'is already used by another record' } : undefined,
      };
    case '23001': // restrict_violation
    case '23503': {
      // foreign_key_violation: either a write names a record that does not exist, or a delete
      // would leave records pointing at nothing.
      const referencedFrom = /is (?:still )?referenced from table "([^"]+)"/.exec(detail);
      if (referencedFrom) {
        return {
          statusCode: HttpStatus.CONFLICT,
          message: `This record is still referenced from ${referencedFrom[1]}: repoint or delete those first`,
        };
      }
      const table = /is not present in table "([^"]+)"/.exec(detail)?.[1];
      return {
        statusCode: HttpStatus.BAD_REQUEST,
        message: `Invalid input. ${field ?? 'A reference'} names no record${table ? ` in ${table}` : ''}`,
        errors: field ? { [field]: `no record in ${table ?? 'the referenced table'} has this id` } : undefined,
      };
    }
    case '23502': // not_null_violation
      return {
        statusCode: HttpStatus.BAD_REQUEST,
        message: `Invalid input. ${error.column ? camelCase(error.column) : 'A field'} must have a value`,
        errors: error.column ? { [camelCase(error.column)]: 'must have a value' } : undefined,
      };
    case '22021': // character_not_in_repertoire: a NUL in text
    case '22P05': // untranslatable_character
      return { statusCode: HttpStatus.BAD_REQUEST, message: 'Invalid input: a text holds a character PostgreSQL cannot store' };
    case '23514': // check_violation
      return {
        statusCode: HttpStatus.BAD_REQUEST,
        message: `Invalid input: the record breaks the rule ${error.constraint ?? 'of its table'}`,
      };
    case '22P02': // invalid_text_representation
    case '22007': // invalid_datetime_format
    case '22008': // datetime_field_overflow
    case '22003': // numeric_value_out_of_range
      return { statusCode: HttpStatus.BAD_REQUEST, message: 'Invalid input: a value has the wrong format' };
    default:
      return undefined;
  }
}

/**
 * Whether the error means PostgreSQL cannot answer now: unreachable, restarting, out of connections,
 * or a statement, lock or pool wait that ran out of time. The request may be tried again. TypeORM
 * releases a query runner whose connection died, so a transaction's next query then fails with
 * QueryRunnerAlreadyReleasedError: that too is a lost connection.
 */
export function isDatabaseUnavailable(error: PgError & { name?: string }): boolean {
  const code = error.code ?? '';
  return (
    error.name === 'QueryRunnerAlreadyReleasedError' ||
    code.startsWith('08') || // connection_exception
    ['57P01', '57P02', '57P03', '53300', '57014', '55P03'].includes(code) || // shutdown, too many connections, timeouts
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN'].includes(code) ||
    /timeout exceeded when trying to connect|Connection terminated|connection error and is not queryable/i.test(error.message ?? '')
  );
}

/**
 * The one exception filter: HttpExceptions answer as Nest answers them; PostgreSQL's refusals of a
 * write become a 4xx naming the field (describeDatabaseError); a database that cannot answer now
 * becomes a 503 with Retry-After; anything else is a 500 whose body says nothing of the cause, which
 * is logged.
 */
@Catch()
export class ApiExceptionFilter extends BaseExceptionFilter {
  private readonly logger = new Logger(ApiExceptionFilter.name);

  override catch(exception: unknown, host: ArgumentsHost): void {
    if (exception instanceof HttpException) return super.catch(exception, host);
    const response = host.switchToHttp().getResponse<Response>();
    const error = ((exception instanceof QueryFailedError ? exception.driverError : exception) ?? {}) as PgError;
    const body = exception instanceof QueryFailedError ? describeDatabaseError(error) : undefined;
    if (body) {
      response.status(body.statusCode).json(body);
    } else if (isDatabaseUnavailable(error)) {
      this.logger.warn(`The database cannot answer: ${error.message ?? error.code}`);
      response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      response.status(HttpStatus.SERVICE_UNAVAILABLE).json({ statusCode: 503, message: 'The database cannot answer now: try again shortly' });
    } else {
      this.logger.error((exception as Error)?.message ?? String(exception), (exception as Error)?.stack);
      response.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ statusCode: 500, message: 'Internal server error' });
    }
  }
}
