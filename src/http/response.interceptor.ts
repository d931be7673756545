import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  Logger,
  type NestInterceptor,
  StreamableFile,
  type Type,
} from '@nestjs/common';
import { catchError, map, type Observable, throwError } from 'rxjs';
import type { CodeDefinition } from '../codes/code-definition.interface.js';
import type { EndpointCodes } from '../codes/endpoint-codes.js';
import { EndpointCodesResolver } from '../codes/endpoint-codes.resolver.js';
import { undeclaredThrow, UndeclaredBusinessCodeError } from '../codes/throws-contract.js';
import { LOGGER_CONTEXT, RESPONSE_OPTIONS, WRAPPED_PROPERTY } from '../module/response.constants.js';
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
 * It applies the endpoint's `@ApiCode` (code, message, status) and, with `strictThrows`, checks a business
 * failure against its `@ApiThrows`: only here is the handler known (an exception filter's host has none).
 *
 * @example
 * @UseInterceptors(ResponseInterceptor)
 * @Controller('orders')
 * export class OrdersController {}
 */
@Injectable()
export class ResponseInterceptor implements NestInterceptor {
  private readonly logger = new Logger(LOGGER_CONTEXT);

  constructor(
    @Inject(RESPONSE_OPTIONS) private readonly options: ResolvedResponseOptions,
    private readonly policy: WrapPolicy,
    private readonly reader: RequestFactsReader,
    private readonly writer: ReplyWriter,
    private readonly endpoints: EndpointCodesResolver,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<WrappableRequest>();
    const response = http.getResponse<unknown>();
    if (request[WRAPPED_PROPERTY]) return next.handle();
    request[WRAPPED_PROPERTY] = true;
    this.writer.setHeader(response, this.options.requestId.header, this.reader.requestId(request));
    const handler = context.getHandler();
    const controller = context.getClass();
    const endpoint = this.endpoints.resolve(handler, controller);
    // Nest has set its default status (or @HttpCode's) before interceptors run; @ApiCode's replaces the default.
    if (endpoint.successStatus !== undefined) this.writer.setStatus(response, endpoint.successStatus);
    const handled =
      this.options.strictThrows === 'off'
        ? next.handle()
        : next
            .handle()
            .pipe(catchError((error: unknown) => this.checkContract(error, endpoint, request, controller, handler)));
    if (request.method === 'HEAD' || !this.policy.wraps(handler, controller)) return handled;
    return handled.pipe(map((result) => this.wrap(result, request, response, endpoint.success)));
  }

  /** `strictThrows`: a business failure the endpoint did not declare is logged, or becomes a 500. */
  private checkContract(
    error: unknown,
    endpoint: EndpointCodes,
    request: WrappableRequest,
    controller: Type<unknown>,
    handler: { name: string },
  ): Observable<never> {
    const violation = undeclaredThrow(error, endpoint, `${controller.name}.${handler.name}`);
    if (violation === undefined) return throwError(() => error);
    if (this.options.strictThrows === 'log') {
      const { method, path, requestId } = this.reader.facts(request);
      this.logger.warn(`contract violation: ${method} ${path} ${violation} [requestId=${requestId}]`);
      return throwError(() => error);
    }
    return throwError(() => new UndeclaredBusinessCodeError(violation, { cause: error }));
  }

  private wrap(
    result: unknown,
    request: WrappableRequest,
    response: unknown,
    endpointCode: CodeDefinition | undefined,
  ): unknown {
    // Express would send a Buffer as {"type":"Buffer","data":[…]}; as a file it leaves as bytes on both adapters.
    if (result instanceof Uint8Array) return new StreamableFile(result);
    if (isOwnBody(result)) return result;
    const status = this.writer.status(response);
    if (isBodilessOrRedirect(status)) return result;
    const facts = this.reader.facts(request);
    const outcome = successOutcome(result, status, this.options, facts.locale, endpointCode);
    const body = renderSuccess(outcome, facts, this.options);
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
