import { type ArgumentsHost, Catch, type ExceptionFilter, Inject } from '@nestjs/common';
import { throwError } from 'rxjs';
import { RESPONSE_OPTIONS } from '../options/options.constants.js';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import { failureOutcome } from '../outcome/failure-outcome.js';
import { GENERIC_FAILURE_MESSAGE } from '../outcome/http-status.js';
import { responseSignature } from '../signing/response-signature.js';
import { FailureLog } from './failure-log.js';
import { FailureRenderer } from './failure-renderer.js';
import { failureAsGet } from './head-request.js';
import { CONTENT_SECURITY_POLICY, JSON_CONTENT_TYPE, ReplyWriter } from './reply-writer.js';
import { type IncomingRequest, RequestFactsReader } from './request-facts.reader.js';
import { ThrowsContractCheck } from './throws-contract.check.js';

const LAST_RESORT_BODY = JSON.stringify({ code: 500, message: GENERIC_FAILURE_MESSAGE, status: 500 });

/**
 * Renders every failure of an HTTP request (exceptions, unknown routes, unreadable bodies, anything thrown)
 * in the configured shape: request facts → outcome → rendered body → one write through `HttpAdapterHost`.
 * Registered globally by `ResponseModule`. Outside HTTP it hands the error back untouched: RPC gets it as an
 * error stream, GraphQL as the returned error.
 *
 * @example
 * // main.ts, without ResponseModule's global registration
 * app.useGlobalFilters(app.get(ResponseExceptionFilter));
 */
@Catch()
export class ResponseExceptionFilter implements ExceptionFilter {
  constructor(
    @Inject(RESPONSE_OPTIONS) private readonly options: ResolvedResponseOptions,
    private readonly reader: RequestFactsReader,
    private readonly contract: ThrowsContractCheck,
    private readonly renderer: FailureRenderer,
    private readonly writer: ReplyWriter,
    private readonly log: FailureLog,
  ) {}

  /**
   * @example
   * filter.catch(new NotFoundException(), host); // answers 404 in the envelope
   */
  catch(exception: unknown, host: ArgumentsHost): unknown {
    const type = host.getType<string>();
    if (type === 'rpc') return throwError(() => exception);
    if (type !== 'http') return exception;
    const http = host.switchToHttp();
    const request = http.getRequest<IncomingRequest>();
    const response = http.getResponse<unknown>();
    try {
      this.answer(exception, request, response);
    } catch (error) {
      this.lastResort(error, response);
    }
    return undefined;
  }

  private answer(thrown: unknown, request: IncomingRequest, response: unknown): void {
    const facts = this.reader.facts(request);
    const exception = this.contract.check(thrown, request, facts);
    const outcome = failureAsGet(failureOutcome(exception, this.options, facts.locale), facts.method);
    this.log.failed(outcome, facts, exception);
    if (this.writer.headersSent(response)) {
      this.writer.abort(response);
      return;
    }
    const rendered = this.renderer.render(outcome, facts, request.headers.accept, () =>
      this.reader.bigIntMode(request),
    );
    const status = this.options.httpStatus === 'always-200' ? 200 : rendered.status;
    this.writer.ensureHeader(response, this.options.requestId.header, facts.requestId);
    const signature = responseSignature(this.options.signing, request, status, rendered.body);
    if (signature) this.writer.setHeader(response, signature.header, signature.value);
    if (rendered.contentSecurityPolicy !== undefined) {
      this.writer.setHeader(response, CONTENT_SECURITY_POLICY, rendered.contentSecurityPolicy);
    }
    this.writer.send(response, status, rendered.body, rendered.contentType);
  }

  /** The filter is the last line of defence: if answering failed, a bare 500 or a cut connection, never a throw. */
  private lastResort(error: unknown, response: unknown): void {
    try {
      this.log.unrendered(error);
      if (this.writer.headersSent(response)) this.writer.abort(response);
      else this.writer.send(response, 500, LAST_RESORT_BODY, JSON_CONTENT_TYPE);
    } catch {
      this.writer.abort(response);
    }
  }
}
