import { Inject, Injectable, StreamableFile, type Type } from '@nestjs/common';
import { RESPONSE_OPTIONS } from '../options/options.constants.js';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import type { Field } from '../options/response-options.interface.js';
import type { RequestFacts } from '../outcome/outcome.interface.js';
import { successOutcome } from '../outcome/success-outcome.js';
import { renderSuccess } from '../render/envelope.renderer.js';
import { responseSignature } from '../signing/response-signature.js';
import { serializeWithBigInt, serializeWithoutBigInt } from './json-serializer.js';
import { isJsonContentType } from './media-type.js';
import { CONTENT_TYPE, JSON_CONTENT_TYPE, ReplyWriter } from './reply-writer.js';
import { type IncomingRequest, RequestFactsReader } from './request-facts.reader.js';
import { type RouteInfo, RouteInfoCache } from './route-info.cache.js';
import { isFramable, type SuccessFrame, successFrame } from './success-frame.js';

/** The route a result belongs to: a controller method. */
export interface SuccessRoute {
  readonly handler: object & { readonly name: string };
  readonly controller: Type<unknown>;
}

/** What to send: the body (JSON text when wrapped, else the result as it was) and the status to send it with. */
export interface PreparedReply {
  readonly body: unknown;
  readonly status: number;
  readonly wrapped: boolean;
}

/** Success fields that read the request (or the clock). */
const REQUEST_FIELDS = new Set<Field>(['path', 'timestamp', 'requestId']);
const BARE_FACTS: RequestFacts = { method: '', path: '', requestId: '', locale: '', time: new Date(0) };

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

/**
 * Statuses whose response has no body, is a redirect, or is a failure someone else rendered. Under `always-200` a
 * 204 is a success like any other: its status lives in the body, so it leaves as 200 with the envelope.
 */
function isNotASuccessBody(status: number, options: ResolvedResponseOptions): boolean {
  return status >= 300 || (status === 204 && options.httpStatus !== 'always-200');
}

/**
 * Turns a handler's result into the success envelope: one place, used by the adapter-level reply hook (every
 * route, by default) and by `ResponseInterceptor` (where a team applies it itself). Applies `@ApiCode`,
 * `httpStatus: 'always-200'`, int64 serialisation and response signatures; leaves files, streams, bodiless and
 * non-2xx answers alone, and results the handler gave a non-JSON `Content-Type`. A HEAD request is prepared as
 * its GET: same status and headers, and the adapter sends no body.
 *
 * @example
 * const { body, status } = replier.prepare(result, request, response, { handler, controller }, 200);
 */
@Injectable()
export class SuccessReplier {
  private readonly layoutShowsRequest: boolean;
  // Bounded by the locales the app knows: the negotiator only answers with those.
  private readonly bareFactsByLocale = new Map<string, RequestFacts>();

  constructor(
    @Inject(RESPONSE_OPTIONS) private readonly options: ResolvedResponseOptions,
    private readonly routes: RouteInfoCache,
    private readonly reader: RequestFactsReader,
    private readonly writer: ReplyWriter,
  ) {
    this.layoutShowsRequest = options.successLayout.some(([field]) => REQUEST_FIELDS.has(field));
  }

  /** Only what the success layout shows is read from the request: by default not even the locale. */
  private factsFor(request: IncomingRequest, endpointMessage: boolean): RequestFacts {
    if (this.layoutShowsRequest) return this.reader.facts(request);
    const localised = endpointMessage || typeof this.options.success.message !== 'string';
    return this.bareFacts(localised ? this.reader.locale(request) : this.options.locale.default);
  }

  /** Facts without the request, one object per locale: nothing in them changes from one request to the next. */
  private bareFacts(locale: string): RequestFacts {
    let facts = this.bareFactsByLocale.get(locale);
    if (facts === undefined) {
      facts = Object.freeze({ ...BARE_FACTS, locale });
      this.bareFactsByLocale.set(locale, facts);
    }
    return facts;
  }

  /** The envelope's text around `data`, made once per route, status and locale; none when it reads the request. */
  private frameFor(result: unknown, info: RouteInfo, status: number, facts: RequestFacts): SuccessFrame | undefined {
    if (this.layoutShowsRequest || !isFramable(result)) return undefined;
    let frame = info.frames.get(facts.locale);
    if (frame?.status !== status) {
      frame = successFrame(status, this.options, facts.locale, info.codes.success, facts);
      info.frames.set(facts.locale, frame);
    }
    return frame;
  }

  private serialize(value: unknown, request: IncomingRequest, info: RouteInfo): string {
    // A route that returned a bigint once goes straight to the bigint path: a failed plain attempt costs a throw.
    let json = info.returnsBigInt ? undefined : serializeWithoutBigInt(value);
    if (json === undefined) {
      info.returnsBigInt = true;
      json = serializeWithBigInt(value, this.reader.bigIntMode(request));
    }
    return json;
  }

  /**
   * The body and status to send; `status` is the one the response would be sent with (Nest's, or `@HttpCode`'s).
   *
   * @example
   * replier.prepare({ id: 7 }, request, response, route, 201); // { body: '{"code":0,"message":"OK","data":{"id":7}}', status: 201, wrapped: true }
   */
  prepare(
    result: unknown,
    request: IncomingRequest,
    response: unknown,
    route: SuccessRoute,
    status: number,
  ): PreparedReply {
    // HEAD is wrapped like the GET it stands for: the adapter then computes GET's Content-Length and ETag and sends
    // no body (Express routes HEAD to GET routes; Fastify adds a HEAD route per GET route, exposeHeadRoutes).
    if (isNotASuccessBody(status, this.options)) return { body: result, status, wrapped: false };
    // Express would send a Buffer as {"type":"Buffer","data":[…]}; as a file it leaves as bytes on both adapters,
    // also from a route that is not wrapped (`@RawResponse()`, a non-JSON `@Header('Content-Type', …)`).
    if (result instanceof Uint8Array) return { body: new StreamableFile(result), status, wrapped: false };
    const info = this.routes.info(route.handler, route.controller);
    if (!info.wraps || isOwnBody(result)) return { body: result, status, wrapped: false };
    // A non-JSON type the handler chose at run time (`res.type('text/csv')`): its own body, not an envelope.
    const chosenType = this.writer.contentType(response);
    if (chosenType !== undefined && !isJsonContentType(chosenType)) return { body: result, status, wrapped: false };
    const endpoint = info.codes;
    const successStatus = endpoint.successStatus ?? status;
    const facts = this.factsFor(request, endpoint.success !== undefined);
    const frame = this.frameFor(result, info, successStatus, facts);
    let json: string;
    if (frame?.before !== undefined && frame.after !== undefined) {
      json = frame.before + this.serialize(result ?? null, request, info) + frame.after;
    } else {
      const outcome = successOutcome(result, successStatus, this.options, facts.locale, endpoint.success);
      json = this.serialize(renderSuccess(outcome, facts, this.options), request, info);
    }
    const sentStatus = this.options.httpStatus === 'always-200' ? 200 : successStatus;
    this.writer.setHeader(response, CONTENT_TYPE, JSON_CONTENT_TYPE);
    const signature = responseSignature(this.options.signing, request, sentStatus, json);
    if (signature) this.writer.setHeader(response, signature.header, signature.value);
    return { body: json, status: sentStatus, wrapped: true };
  }
}
