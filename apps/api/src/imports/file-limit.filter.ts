import { type ArgumentsHost, Catch, type ExceptionFilter, PayloadTooLargeException } from '@nestjs/common';
import type { Response } from 'express';

/** A file over a route's limit: 413 that says the limit, the upload stopped before it was read whole. */
@Catch(PayloadTooLargeException)
export class FileLimitFilter implements ExceptionFilter {
  constructor(private readonly limitBytes: number) {}

  catch(_exception: PayloadTooLargeException, host: ArgumentsHost): void {
    const megabytes = this.limitBytes / 1024 / 1024;
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(413)
      .json({ statusCode: 413, message: `The file is larger than ${megabytes} MB, the most this import takes: split it`, errors: { file: `is larger than ${megabytes} MB` } });
  }
}
