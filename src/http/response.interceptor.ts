import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
  StreamableFile,
} from '@nestjs/common';
import { map, type Observable } from 'rxjs';
import { RESPONSE_OPTIONS, WRAPPED_PROPERTY } from '../module/response.constants.js';
import type { ResolvedResponseOptions } from '../module/resolve-options.js';
import { successOutcome } from '../outcome/success-outcome.js';
import { renderSuccess } from '../render/envelope.renderer.js';
import { responseSignature } from '../signing/response-signature.js';
import { serializeJson } from './json-serializer.js';
import { JSON_CONTENT_TYPE, ReplyWriter } from './reply-writer.js';
import { type IncomingRequest, RequestFactsReader } from './request-facts.reader.js';
import { WrapPolicy } from './wrap-policy.js';

type WrappableRequest = IncomingRequest & { method?: string; [WRAPPED_PROPERTY]?: true };

/** Results that are bodies of their own: files, bytes, streams, web responses. */
function isOwnBody(result: unknown): boolean {
  if (typeof result !== 'object' || result === null) return false;
  return (
    result instanceof StreamableFile ||
    ArrayBuffer.isView(result) ||
    result instanceof ArrayBuffer ||
    typeof (result as { pipe?: unknown }).pipe === 'function' ||
    typeof (result as { getReader?: unknown }).getReader === 'function' ||
    (typeof Response === 'function' && result instanceof Response) ||
    Symbol.asyncIterator in result
  );
}

/** Statuses whose response has no body, or is not the handler's answer. */
function isBodilessOrRedirect(status: number): boolean {
  return status === 204 || status === 304 || (status >= 300 && status < 400);
}

/**
 * Wraps handler results in the success envelope. Registered globally by `ResponseModule`; also usable with
 * `@UseInterceptors(ResponseInterceptor)` (a request is never wrapped twice). Only HTTP contexts are touched.
 *
 * @example
 * @UseInterceptors(ResponseInterceptor)
 * @Controller('orders')
 * export class OrdersController {}
 */
@Injectable()
export class ResponseInterceptor implements NestInterceptor {
  constructor(
    @Inject(RESPONSE_OPTIONS) private readonly options: ResolvedResponseOptions,
    private readonly policy: WrapPolicy,
    private readonly reader: RequestFactsReader,
    private readonly writer: ReplyWriter,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<WrappableRequest>();
    const response = http.getResponse<unknown>();
    if (request[WRAPPED_PROPERTY]) return next.handle();
    request[WRAPPED_PROPERTY] = true;
    this.writer.setHeader(response, this.options.requestId.header, this.reader.requestId(request));
    if (request.method === 'HEAD' || !this.policy.wraps(context.getHandler(), context.getClass())) {
      return next.handle();
    }
    return next.handle().pipe(map((result) => this.wrap(result, request, response)));
  }

  private wrap(result: unknown, request: WrappableRequest, response: unknown): unknown {
    // Express would send a Buffer as {"type":"Buffer","data":[…]}; as a file it leaves as bytes on both adapters.
    if (result instanceof Uint8Array) return new StreamableFile(result);
    if (isOwnBody(result)) return result;
    const status = this.writer.status(response);
    if (isBodilessOrRedirect(status)) return result;
    const facts = this.reader.facts(request);
    const body = renderSuccess(successOutcome(result, status, this.options, facts.locale), facts, this.options);
    const json = serializeJson(body, () => this.reader.bigIntMode(request));
    if (this.options.httpStatus === 'always-200' && status !== 200) this.writer.setStatus(response, 200);
    this.writer.setHeader(response, 'Content-Type', JSON_CONTENT_TYPE);
    const signature = responseSignature(
      this.options.signing,
      request,
      this.options.httpStatus === 'always-200' ? 200 : status,
      json,
    );
    if (signature) this.writer.setHeader(response, signature.header, signature.value);
    return json;
  }
}
