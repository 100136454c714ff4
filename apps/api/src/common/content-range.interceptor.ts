import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import type { Response } from 'express';
import { map, Observable } from 'rxjs';
import { Page } from './list-query';

/**
 * Turns a `Page` returned by a list route into its items and a `Content-Range: moves 0-24/319`
 * header, the total that react-admin's simple REST data provider reads.
 */
@Injectable()
export class ContentRangeInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((body) => {
        if (!(body instanceof Page)) return body;
        const resource = String(Reflect.getMetadata(PATH_METADATA, context.getClass()) ?? 'items');
        const span = body.items.length > 0 ? `${body.start}-${body.start + body.items.length - 1}` : '*';
        context.switchToHttp().getResponse<Response>().setHeader('Content-Range', `${resource} ${span}/${body.total}`);
        return body.items;
      }),
    );
  }
}
