import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { ApiErrorBody } from './api-errors';

interface PgError {
  code?: string;
  detail?: string;
  table?: string;
  constraint?: string;
}

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

@Catch(QueryFailedError)
export class DatabaseErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(DatabaseErrorFilter.name);

  catch(exception: QueryFailedError, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = describeDatabaseError(exception.driverError as PgError);
    if (body) {
      response.status(body.statusCode).json(body);
      return;
    }
    this.logger.error(exception.message, exception.stack);
    response.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ statusCode: 500, message: 'Internal server error' });
  }
}
