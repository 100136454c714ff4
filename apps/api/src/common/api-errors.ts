import { BadRequestException, ConflictException, HttpException, NotFoundException } from '@nestjs/common';
import { ValidationError } from 'class-validator';

/** What every 4xx error body looks like: react-admin shows `errors.<field>` beside that field. */
export interface ApiErrorBody {
  statusCode: number;
  message: string;
  errors?: Record<string, string>;
  /** With a 409 for a stale version: the record as it now stands. */
  current?: object;
}

function summary(errors: Record<string, string>): string {
  return Object.entries(errors)
    .map(([field, problem]) => `${field}: ${problem}`)
    .join('; ');
}

export function invalid(errors: Record<string, string>): BadRequestException {
  return new BadRequestException({ statusCode: 400, message: `Invalid input. ${summary(errors)}`, errors });
}

/** 409; `current`, when given, is the record as it now stands, for the client to show. */
export function conflict(message: string, errors?: Record<string, string>, current?: object): ConflictException {
  return new ConflictException({ statusCode: 409, message, errors, current });
}

export function notFound(resource: string, id: string): NotFoundException {
  return new NotFoundException({ statusCode: 404, message: `No record in ${resource} has the id ${id}` });
}

/** A 4xx about one record of a bulk change: the same answer, its message naming the record. */
export function inRecord(error: unknown, id: string): unknown {
  if (!(error instanceof HttpException)) return error;
  const body = error.getResponse() as ApiErrorBody;
  return new HttpException({ ...body, message: `Record ${id}: ${body.message}` }, error.getStatus());
}

/** Flattens class-validator's tree into `{ "field": "first problem", "nested.field": ... }`. */
export function fieldErrors(errors: ValidationError[], prefix = ''): Record<string, string> {
  const result: Record<string, string> = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    // Constraints come in reverse order of the decorators; the topmost (the type check, by the
    // DTOs' convention) says what is most basically wrong.
    const messages = Object.values(error.constraints ?? {});
    if (messages.length > 0) result[path] = messages[messages.length - 1];
    Object.assign(result, fieldErrors(error.children ?? [], path));
  }
  return result;
}

/** The ValidationPipe's exceptionFactory. */
export function validationException(errors: ValidationError[]): BadRequestException {
  return invalid(fieldErrors(errors));
}
