import { type ArgumentsHost, Catch, type ExceptionFilter, Inject, Logger } from '@nestjs/common';
import { throwError } from 'rxjs';
import { BusinessException } from '../codes/business.exception.js';
import { EndpointCodesResolver } from '../codes/endpoint-codes.resolver.js';
import { undeclaredThrow, UndeclaredBusinessCodeError } from '../codes/throws-contract.js';
import { LOGGER_CONTEXT, RESPONSE_OPTIONS } from '../options/options.constants.js';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import { failureOutcome } from '../outcome/failure-outcome.js';
import { GENERIC_FAILURE_MESSAGE } from '../outcome/http-status.js';
import type { FailureOutcome, RequestFacts } from '../outcome/outcome.interface.js';
import { renderFailure } from '../render/envelope.renderer.js';
import { HTML_CONTENT_TYPE, renderHtmlError } from '../render/html.renderer.js';
import { PROBLEM_JSON, renderProblem } from '../render/problem-details.renderer.js';
import { responseSignature } from '../signing/response-signature.js';
import { prefersHtml } from './accept-negotiation.js';
import { serializeJson } from './json-serializer.js';
import { JSON_CONTENT_TYPE, ReplyWriter } from './reply-writer.js';
import { type IncomingRequest, RequestFactsReader } from './request-facts.reader.js';
import { routeRefOf } from './route-ref.js';

/**
 * Renders every failure of an HTTP request (exceptions, unknown routes, unreadable bodies, anything thrown)
 * in the configured shape. Registered globally by `ResponseModule`. Outside HTTP it hands the error back
 * untouched: RPC gets it as an error stream, GraphQL as the returned error.
 *
 * @example
 * // main.ts, without ResponseModule's global registration
 * app.useGlobalFilters(app.get(ResponseExceptionFilter));
 */
const LAST_RESORT_BODY = JSON.stringify({ code: 500, message: GENERIC_FAILURE_MESSAGE, status: 500 });

@Catch()
export class ResponseExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(LOGGER_CONTEXT);

  constructor(
    @Inject(RESPONSE_OPTIONS) private readonly options: ResolvedResponseOptions,
    private readonly reader: RequestFactsReader,
    private readonly writer: ReplyWriter,
    private readonly endpoints: EndpointCodesResolver,
  ) {}

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
    const exception = this.options.strictThrows === 'off' ? thrown : this.checkContract(thrown, request, facts);
    const outcome = failureOutcome(exception, this.options, facts.locale);
    this.log(outcome, facts, exception);

    if (this.writer.headersSent(response)) {
      this.writer.abort(response);
      return;
    }
    // `html` option: a browser asking for HTML gets a page; API clients still get JSON.
    const rendered =
      this.options.html && prefersHtml(request.headers.accept)
        ? { body: renderHtmlError(outcome, facts), status: outcome.httpStatus, contentType: HTML_CONTENT_TYPE }
        : this.render(outcome, facts, request);
    const status = this.options.httpStatus === 'always-200' ? 200 : rendered.status;
    this.writer.ensureHeader(response, this.options.requestId.header, facts.requestId);
    const signature = responseSignature(this.options.signing, request, status, rendered.body);
    if (signature) this.writer.setHeader(response, signature.header, signature.value);
    this.writer.send(response, status, rendered.body, rendered.contentType);
  }

  /**
   * `strictThrows`: a business failure the endpoint (handler or controller) did not declare with `@ApiThrows` is
   * logged, or becomes a 500. Also for failures raised by guards and pipes: the route is known from the request.
   */
  private checkContract(exception: unknown, request: IncomingRequest, facts: RequestFacts): unknown {
    if (!(exception instanceof BusinessException)) return exception;
    const route = routeRefOf(request);
    if (route === undefined) return exception;
    const endpoint = this.endpoints.resolve(route.handler, route.controller);
    const violation = undeclaredThrow(exception, endpoint, `${route.controller.name}.${route.methodName}`);
    if (violation === undefined) return exception;
    if (this.options.strictThrows === 'log') {
      this.logger.warn(`contract violation: ${facts.method} ${facts.path} ${violation} [requestId=${facts.requestId}]`);
      return exception;
    }
    return new UndeclaredBusinessCodeError(violation, { cause: exception });
  }

  /** The filter is the last line of defence: if answering failed, a bare 500 or a cut connection, never a throw. */
  private lastResort(error: unknown, response: unknown): void {
    try {
      this.logger.error('failure could not be rendered', error instanceof Error ? error.stack : describeValue(error));
      if (this.writer.headersSent(response)) this.writer.abort(response);
      else this.writer.send(response, 500, LAST_RESORT_BODY, JSON_CONTENT_TYPE);
    } catch {
      this.writer.abort(response);
    }
  }

  /**
   * Serialises the failure; a detail that cannot be serialised (circular, throwing `toJSON`) is dropped,
   * and if the body still cannot be written the client gets the generic 500: never no answer at all.
   */
  private render(outcome: FailureOutcome, facts: RequestFacts, request: IncomingRequest) {
    const problem = this.options.format === 'problem+json';
    const contentType = problem ? PROBLEM_JSON : JSON_CONTENT_TYPE;
    for (let index = 0; index < RENDER_ATTEMPTS; index++) {
      const attempt = outcomeForAttempt(index, outcome, this.options, facts.locale);
      try {
        const body = problem
          ? renderProblem(attempt, facts, this.options)
          : renderFailure(attempt, facts, this.options);
        return {
          body: serializeJson(body, () => this.reader.bigIntMode(request)),
          status: attempt.httpStatus,
          contentType,
        };
      } catch (error) {
        if (index === RENDER_ATTEMPTS - 1) throw error;
        this.logger.error(
          `${facts.method} ${facts.path} failure body could not be serialised [requestId=${facts.requestId}]`,
          error instanceof Error ? error.stack : describeValue(error),
        );
      }
    }
    throw new Error('unreachable');
  }

  private log(outcome: FailureOutcome, facts: RequestFacts, exception: unknown): void {
    try {
      this.logOnce(outcome, facts, exception);
    } catch {
      this.logger.error(
        `${facts.method} ${facts.path} ${outcome.httpStatus} [requestId=${facts.requestId}] (unloggable exception)`,
      );
    }
  }

  private logOnce(outcome: FailureOutcome, facts: RequestFacts, exception: unknown): void {
    const line = `${facts.method} ${facts.path} ${outcome.httpStatus} [requestId=${facts.requestId}]`;
    if (outcome.httpStatus >= 500) {
      this.logger.error(
        `${line} ${outcome.exception?.name ?? 'Error'}`,
        outcome.exception?.stack ?? describeValue(exception),
      );
    } else if (exception instanceof BusinessException && exception.cause !== undefined) {
      // The cause of a business failure is for the team, never for the client.
      const cause =
        exception.cause instanceof Error
          ? (exception.cause.stack ?? exception.cause.message)
          : describeValue(exception.cause);
      this.logger.warn(`${line} ${String(outcome.code)} caused by: ${cause}`);
    }
  }
}

const RENDER_ATTEMPTS = 3;

/** What to render at each attempt: the outcome, then without detail and extensions, then the generic 500. */
function outcomeForAttempt(
  index: number,
  outcome: FailureOutcome,
  options: ResolvedResponseOptions,
  locale: string,
): FailureOutcome {
  if (index === 0) return outcome;
  if (index === 1) return { ...outcome, detail: undefined, extensions: undefined };
  return failureOutcome(undefined, options, locale);
}

function describeValue(value: unknown): string {
  try {
    return typeof value === 'object' && value !== null ? Object.prototype.toString.call(value) : String(value);
  } catch {
    return typeof value;
  }
}
