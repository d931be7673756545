import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { RESPONSE_OPTIONS } from '../options/options.constants.js';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import { fromClientError } from '../outcome/client-error.source.js';
import { reasonPhrase } from '../outcome/http-status.js';
import type { RequestFacts } from '../outcome/outcome.interface.js';
import { FailureRenderer } from './failure-renderer.js';
import { RequestFactsReader } from './request-facts.reader.js';

type ClientErrorListener = (error: Error & { code?: unknown }, socket: Socket) => void;
type InFlight = { _httpMessage?: { headersSent?: boolean } | null };

/** The listener Fastify installs unless given `clientErrorHandler`: `defaultClientErrorHandler.bind(fastify)`. */
const FASTIFY_DEFAULT = 'bound defaultClientErrorHandler';
/** Node's own answer, for the rare case the envelope cannot be rendered. */
const BARE_400 = 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n';

/**
 * Answers, in the configured failure shape, the requests Node's HTTP parser refuses before any adapter code runs
 * (a malformed request line, a header with a bad character, a header section over Node's limit): the server's
 * `clientError` event. Node has parsed no request, so nothing of it is read or echoed: `path` and `method` are
 * empty, the request id is a generated one, the locale the default. The answer is written to the socket and the
 * connection closed, as Node does. Installed once per app when the server has no `clientError` listener of the
 * app's (Express) or only Fastify's default one (Fastify without a `clientErrorHandler` option).
 *
 * @example
 * // a provider of ResponseModule: Nest calls onModuleInit once per app, before the app listens
 * responder.onModuleInit();
 */
@Injectable()
export class ClientErrorResponder implements OnModuleInit {
  constructor(
    @Inject(RESPONSE_OPTIONS) private readonly options: ResolvedResponseOptions,
    private readonly adapterHost: HttpAdapterHost,
    private readonly reader: RequestFactsReader,
    private readonly renderer: FailureRenderer,
  ) {}

  /**
   * @example
   * responder.onModuleInit(); // installs the clientError listener
   */
  onModuleInit(): void {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (typeof server?.listeners !== 'function') return;
    const listeners = server.listeners('clientError') as ClientErrorListener[];
    // An app's own handler (a Fastify clientErrorHandler, a listener added before init) keeps the event.
    if (!listeners.every((listener) => listener.name === FASTIFY_DEFAULT)) return;
    for (const listener of listeners) server.removeListener('clientError', listener);
    server.on('clientError', (error: Error & { code?: unknown }, socket: Socket) => this.answer(error, socket));
  }

  private answer(error: Error & { code?: unknown }, socket: Socket): void {
    try {
      const inFlight = (socket as unknown as InFlight)._httpMessage;
      // A reset connection, or one whose current response has started: writing would corrupt what the peer reads.
      if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent === true) {
        socket.destroy();
        return;
      }
      socket.end(this.response(error.code), () => socket.destroy());
    } catch {
      try {
        socket.end(BARE_400, () => socket.destroy());
      } catch {
        socket.destroy();
      }
    }
  }

  /** The whole HTTP response: status line, headers, the rendered failure body. */
  private response(code: unknown): string {
    const locale = this.options.locale.default;
    const facts: RequestFacts = {
      method: '',
      path: '',
      requestId: this.reader.requestId({ headers: {} }),
      locale,
      time: new Date(),
    };
    const rendered = this.renderer.render(
      fromClientError(code, this.options, locale),
      facts,
      undefined,
      () => 'number',
    );
    const status = this.options.httpStatus === 'always-200' ? 200 : rendered.status;
    return [
      `HTTP/1.1 ${status} ${reasonPhrase(status)}`,
      `Content-Type: ${rendered.contentType}`,
      `Content-Length: ${Buffer.byteLength(rendered.body)}`,
      'X-Content-Type-Options: nosniff',
      `${this.options.requestId.header}: ${facts.requestId}`,
      'Connection: close',
      '',
      rendered.body,
    ].join('\r\n');
  }
}
