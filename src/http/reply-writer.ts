import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ORIGINAL_REPLY } from './http.constants.js';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * The names of the headers the module sets, in lower case: Fastify and Node lower-case every name they are given,
 * and a name that already is stays the same interned string, so the header store does not have to look the
 * lower-cased copy up again (about 0.7 k instructions per header on Fastify). Names are case-insensitive on the wire.
 */
export const CONTENT_TYPE = 'content-type';
export const CONTENT_TYPE_OPTIONS = 'x-content-type-options';
export const CONTENT_SECURITY_POLICY = 'content-security-policy';

interface StatusCarrier {
  statusCode?: number;
  raw?: { writableEnded?: boolean; destroy?: () => void };
  writableEnded?: boolean;
  destroy?: () => void;
}

interface HeaderCarrier {
  hasHeader?: (name: string) => boolean;
}

/** Writes replies through `HttpAdapterHost`, never `res.status().json()`, so one path serves Express and Fastify. */
@Injectable()
export class ReplyWriter {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /**
   * @example
   * writer.status(res); // 201 after Nest applied the POST default
   */
  status(response: unknown): number {
    return (response as StatusCarrier).statusCode ?? 200;
  }

  /**
   * @example
   * writer.setStatus(res, 200);
   */
  setStatus(response: unknown, status: number): void {
    this.adapterHost.httpAdapter.status(response, status);
  }

  /**
   * @example
   * writer.setHeader(res, 'x-request-id', id);
   */
  setHeader(response: unknown, name: string, value: string): void {
    this.adapterHost.httpAdapter.setHeader(response, name, value);
  }

  /**
   * The `Content-Type` set on the response so far (`@Header()`, `res.type()`, a middleware), or `undefined`:
   * one header lookup on Express's response and Fastify's reply alike.
   *
   * @example
   * writer.contentType(res); // 'text/plain; version=0.0.4' under @Header('Content-Type', 'text/plain; version=0.0.4')
   */
  contentType(response: unknown): unknown {
    const carrier = response as { getHeader?: (name: string) => unknown };
    return typeof carrier.getHeader === 'function' ? carrier.getHeader(CONTENT_TYPE) : undefined;
  }

  /**
   * Sets a header unless the response already carries it (one the handler or an earlier step set): Express's
   * response and Fastify's reply (its own headers, then the raw response's) both answer `hasHeader`.
   *
   * @example
   * writer.ensureHeader(res, 'x-request-id', id);
   */
  ensureHeader(response: unknown, name: string, value: string): void {
    const carrier = response as HeaderCarrier;
    if (typeof carrier.hasHeader === 'function' && carrier.hasHeader(name)) return;
    this.setHeader(response, name, value);
  }

  /**
   * @example
   * writer.headersSent(res); // true once a stream started writing
   */
  headersSent(response: unknown): boolean {
    // Nest 11's Fastify adapter only knows Fastify's own flag; a handler that wrote to reply.raw has sent headers too.
    const raw = (response as { raw?: { headersSent?: boolean } }).raw;
    return raw?.headersSent === true || Boolean(this.adapterHost.httpAdapter.isHeadersSent(response));
  }

  /**
   * Sends an already serialised failure body with its content type and status, and `X-Content-Type-Options:
   * nosniff`, so no browser reads an error body as anything but its declared type.
   *
   * @example
   * writer.send(res, 404, '{"code":404}', JSON_CONTENT_TYPE);
   */
  send(response: unknown, status: number, body: string, contentType: string): void {
    const adapter = this.adapterHost.httpAdapter;
    adapter.setHeader(response, CONTENT_TYPE, contentType);
    adapter.setHeader(response, CONTENT_TYPE_OPTIONS, 'nosniff');
    // The adapter's own reply: the success hook must never see a failure body (with always-200 it is a 200).
    const reply =
      (adapter as unknown as { [ORIGINAL_REPLY]?: typeof adapter.reply })[ORIGINAL_REPLY] ??
      adapter.reply.bind(adapter);
    reply(response, body, status);
  }

  /** Cuts a response whose headers are out: the client sees a broken transfer, not a truncated success. */
  abort(response: unknown): void {
    const carrier = response as StatusCarrier;
    const raw = carrier.raw ?? carrier;
    if (!raw.writableEnded) raw.destroy?.();
  }
}
