import { Inject, Injectable } from '@nestjs/common';
import { RESPONSE_OPTIONS } from '../options/options.constants.js';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import { failureOutcome } from '../outcome/failure-outcome.js';
import type { FailureOutcome, RequestFacts } from '../outcome/outcome.interface.js';
import { renderFailure } from '../render/envelope.renderer.js';
import { HTML_CONTENT_SECURITY_POLICY, HTML_CONTENT_TYPE, renderHtmlError } from '../render/html.renderer.js';
import { PROBLEM_JSON, renderProblem } from '../render/problem-details.renderer.js';
import { prefersHtml } from './accept-negotiation.js';
import { FailureLog } from './failure-log.js';
import { type BigIntMode, serializeJson } from './json-serializer.js';
import { JSON_CONTENT_TYPE } from './reply-writer.js';

/** A failure ready to write: the body text, its status and content type. */
export interface RenderedFailure {
  readonly body: string;
  readonly status: number;
  readonly contentType: string;
  /** The page's `Content-Security-Policy`: set for the HTML page only. */
  readonly contentSecurityPolicy?: string;
}

const RENDER_ATTEMPTS = 3;

/**
 * Turns a failure outcome into the text to send: the HTML page for a browser that asks for one (`html`), else
 * the envelope or RFC 9457 body. A detail that cannot be serialised (circular, throwing `toJSON`) is dropped, and
 * if the body still cannot be written the client gets the generic 500: never no answer at all.
 *
 * @example
 * const { body, status, contentType } = renderer.render(outcome, facts, request.headers.accept, () => 'number');
 */
@Injectable()
export class FailureRenderer {
  constructor(
    @Inject(RESPONSE_OPTIONS) private readonly options: ResolvedResponseOptions,
    private readonly log: FailureLog,
  ) {}

  /**
   * @example
   * renderer.render(outcome, facts, 'text/html', () => 'number').contentType; // 'text/html; charset=utf-8' with `html: true`
   */
  render(
    outcome: FailureOutcome,
    facts: RequestFacts,
    accept: string | string[] | undefined,
    bigIntMode: () => BigIntMode,
  ): RenderedFailure {
    // `html` option: a browser asking for HTML gets a page; API clients still get JSON.
    if (this.options.html && prefersHtml(accept)) {
      return {
        body: renderHtmlError(outcome, facts),
        status: outcome.httpStatus,
        contentType: HTML_CONTENT_TYPE,
        contentSecurityPolicy: HTML_CONTENT_SECURITY_POLICY,
      };
    }
    const problem = this.options.format === 'problem+json';
    const contentType = problem ? PROBLEM_JSON : JSON_CONTENT_TYPE;
    for (let index = 0; ; index++) {
      const attempt = this.outcomeForAttempt(index, outcome, facts.locale);
      try {
        const body = problem
          ? renderProblem(attempt, facts, this.options)
          : renderFailure(attempt, facts, this.options);
        return { body: serializeJson(body, bigIntMode), status: attempt.httpStatus, contentType };
      } catch (error) {
        if (index === RENDER_ATTEMPTS - 1) throw error;
        this.log.unserialisable(facts, error);
      }
    }
  }

  /** What to render at each attempt: the outcome, then without detail and extensions, then the generic 500. */
  private outcomeForAttempt(index: number, outcome: FailureOutcome, locale: string): FailureOutcome {
    if (index === 0) return outcome;
    if (index === 1) return { ...outcome, detail: undefined, extensions: undefined };
    return failureOutcome(undefined, this.options, locale);
  }
}
