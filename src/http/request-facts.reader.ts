import { Inject, Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { CodeRegistry } from '../codes/code.registry.js';
import { LocaleNegotiator } from '../codes/locale.js';
import { LOCALE_PROPERTY, REQUEST_ID_PROPERTY } from './http.constants.js';
import { LOGGER_CONTEXT } from '../options/options.constants.js';
import { RESPONSE_OPTIONS } from '../options/options.constants.js';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import type { RequestFacts } from '../outcome/outcome.interface.js';
import type { BigIntMode } from './json-serializer.js';
import { CallbackFaults, describeAnswer, settleIgnored } from './callback-faults.js';
import { chooseRequestId, guardedGenerator } from './request-id.js';

/** What the module reads of a request, on Express (`IncomingMessage`) and Fastify (`FastifyRequest`) alike. */
export interface IncomingRequest {
  headers: Record<string, string | string[] | undefined>;
  query?: unknown;
  [REQUEST_ID_PROPERTY]?: string;
  [LOCALE_PROPERTY]?: string;
  /** Fastify's raw Node request. */
  raw?: { [REQUEST_ID_PROPERTY]?: string };
}

/** Longer than any language tag a team would resolve to (BCP 47 tags in use are far shorter). */
const MAX_RESOLVED_LOCALE = 64;

const TRUTHY_FLAGS = new Set(['1', 'true', 'yes', 'on']);

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function isTruthyFlag(value: unknown): boolean {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && TRUTHY_FLAGS.has(first.trim().toLowerCase());
}

/**
 * Reads the request facts a body may carry (path, request id, locale, time) through the HTTP adapter,
 * so the interceptor and the filter agree, whichever adapter runs.
 */
@Injectable()
export class RequestFactsReader {
  private readonly faults = new CallbackFaults(new Logger(LOGGER_CONTEXT));
  private readonly generate: () => string;
  private negotiator: LocaleNegotiator | undefined;

  constructor(
    @Inject(RESPONSE_OPTIONS) private readonly options: ResolvedResponseOptions,
    private readonly adapterHost: HttpAdapterHost,
    private readonly registry: CodeRegistry,
  ) {
    this.generate = guardedGenerator(options.requestId.generate, this.faults);
  }

  /**
   * The request id, chosen once per request and remembered on it.
   *
   * @example
   * reader.requestId(req); // 'req-42' when the client sent X-Request-Id: req-42
   */
  requestId(request: IncomingRequest): string {
    // Fastify's request wraps the raw one, where the early hook may have chosen the id already.
    return request[REQUEST_ID_PROPERTY] ?? request.raw?.[REQUEST_ID_PROPERTY] ?? this.assignRequestId(request);
  }

  /**
   * The request id of a raw Node request where the adapter first sees it (the early hooks): chosen and remembered
   * on it, unless an outer app of the same module already did. A raw request has no `raw` to look into.
   *
   * @example
   * reader.assignRequestId(incomingMessage); // 'req-42' when the client sent X-Request-Id: req-42
   */
  assignRequestId(request: IncomingRequest): string {
    let id = request[REQUEST_ID_PROPERTY];
    if (id === undefined) {
      id = chooseRequestId(request.headers[this.options.requestId.header], this.generate);
      request[REQUEST_ID_PROPERTY] = id;
    }
    return id;
  }

  /**
   * The locale of the request, among every locale the app knows (built-in, the success message's, the registered
   * codes'): the custom resolver's answer first, else the header's. Chosen once per request and remembered on it.
   *
   * @example
   * reader.locale(req); // 'zh-CN' for Accept-Language: zh;q=0.9, en;q=0.5
   */
  locale(request: IncomingRequest): string {
    // Without a custom resolver nothing is worth remembering on the request: the negotiator caches per header
    // value, and adding a property to a request object costs more than the lookup.
    if (this.options.locale.resolve === undefined) {
      return this.knownLocales().negotiate(firstHeader(request.headers[this.options.locale.header]));
    }
    let locale = request[LOCALE_PROPERTY];
    if (locale === undefined) {
      const wanted = this.resolved(request) ?? firstHeader(request.headers[this.options.locale.header]);
      locale = this.knownLocales().negotiate(wanted);
      request[LOCALE_PROPERTY] = locale;
    }
    return locale;
  }

  /**
   * The custom resolver's answer. One that throws or answers anything but a language tag (a number, a Promise, a
   * 200-character string) is left to the header, and its first fault is logged once.
   */
  private resolved(request: IncomingRequest): string | undefined {
    const { resolve, header } = this.options.locale;
    if (resolve === undefined) return undefined;
    let answer: unknown;
    try {
      answer = resolve(request);
    } catch (error) {
      this.faults.report('locale.resolve', 'threw', `the ${header} header decides`, error);
      return undefined;
    }
    if (answer === undefined || answer === '') return undefined;
    if (typeof answer === 'string' && answer.length <= MAX_RESOLVED_LOCALE) return answer;
    settleIgnored(answer);
    this.faults.report(
      'locale.resolve',
      `returned ${describeAnswer(answer)}, not a language tag (a string of at most ${MAX_RESOLVED_LOCALE} characters) or undefined`,
      `the ${header} header decides`,
    );
    return undefined;
  }

  // Built on first use: the registry's locales are known once it has collected at start-up.
  private knownLocales(): LocaleNegotiator {
    this.negotiator ??= new LocaleNegotiator(
      [...new Set([...this.options.locale.known, ...this.registry.locales()])],
      this.options.locale.default,
    );
    return this.negotiator;
  }

  /**
   * How this client wants int64 values: strings when it sends `X-Stringify: 1` or `?_string=1` (or any of the
   * configured `int64` names).
   *
   * @example
   * reader.bigIntMode(req); // 'string'
   */
  bigIntMode(request: IncomingRequest): BigIntMode {
    const { headers, queries } = this.options.int64;
    for (const header of headers) if (isTruthyFlag(request.headers[header])) return 'string';
    const params = request.query;
    if (typeof params !== 'object' || params === null) return 'number';
    for (const query of queries) if (isTruthyFlag((params as Record<string, unknown>)[query])) return 'string';
    return 'number';
  }

  /**
   * @example
   * reader.facts(req); // { method: 'GET', path: '/orders/7', requestId: '…', locale: 'en', time: Date }
   */
  facts(request: IncomingRequest): RequestFacts {
    const adapter = this.adapterHost.httpAdapter;
    const url = String(adapter.getRequestUrl(request) ?? '');
    const query = url.indexOf('?');
    return {
      method: String(adapter.getRequestMethod(request) ?? ''),
      path: query === -1 ? url : url.slice(0, query),
      requestId: this.requestId(request),
      locale: this.locale(request),
      time: new Date(),
    };
  }
}
