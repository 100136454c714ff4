import { ValidationPipeOptions } from '@nestjs/common';
import { validationException } from './api-errors';

/** The one set of validation rules for every input: unknown fields are refused, types converted. */
export const VALIDATION_OPTIONS: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: validationException,
};
