import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { map, type Observable } from 'rxjs';
import { WRAPPED_PROPERTY } from './http.constants.js';
import { ReplyWriter } from './reply-writer.js';
import type { IncomingRequest } from './request-facts.reader.js';
import { SuccessReplier } from './success-replier.js';

type WrappableRequest = IncomingRequest & { [WRAPPED_PROPERTY]?: true };

/**
 * The success envelope as an interceptor. `ResponseModule` does not need it: it wraps results where the adapter
 * writes them, which costs far less than Nest's interceptor pipeline. Use it where a team wants the envelope to
 * exist before its own outer interceptors see the result; a request is never wrapped twice.
 *
 * @example
 * @UseInterceptors(ResponseInterceptor)
 * @Controller('orders')
 * export class OrdersController {}
 */
@Injectable()
export class ResponseInterceptor implements NestInterceptor {
  constructor(
    private readonly replier: SuccessReplier,
    private readonly writer: ReplyWriter,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<WrappableRequest>();
    const response = http.getResponse<unknown>();
    if (request[WRAPPED_PROPERTY]) return next.handle();
    request[WRAPPED_PROPERTY] = true;
    const route = { handler: context.getHandler(), controller: context.getClass() };
    return next.handle().pipe(
      map((result) => {
        const prepared = this.replier.prepare(result, request, response, route, this.writer.status(response));
        if (prepared.wrapped) this.writer.setStatus(response, prepared.status);
        return prepared.body;
      }),
    );
  }
}
