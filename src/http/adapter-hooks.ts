import type { Server, ServerResponse } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost, ModulesContainer } from '@nestjs/core';
import { ORIGINAL_REPLY, WRAPPED_PROPERTY } from './http.constants.js';
import { RESPONSE_OPTIONS } from '../options/options.constants.js';
import type { ResolvedResponseOptions } from '../options/resolved-options.interface.js';
import { ReplyWriter } from './reply-writer.js';
import { type IncomingRequest, RequestFactsReader } from './request-facts.reader.js';
import { annotateRoutes } from './route-annotator.js';
import { addRequestIdToHeads } from './request-id-head.js';
import { routeRefOf } from './route-ref.js';
import { SuccessReplier } from './success-replier.js';

type Reply = (response: unknown, body: unknown, statusCode?: number) => unknown;
type HookedAdapter = {
  reply: Reply;
  [ORIGINAL_REPLY]?: Reply;
  getType(): string;
  getInstance(): unknown;
  getHttpServer(): Server;
};
type RoutedRequest = IncomingRequest & { [WRAPPED_PROPERTY]?: true };
type RawListener = (request: IncomingRequest, response: ServerResponse) => void;

type ExpressHandle = (
  request: IncomingRequest,
  response: { setHeader(name: string, value: string): void },
  next?: unknown,
) => void;
interface ExpressLike {
  handle: ExpressHandle;
}

/**
 * The request a response object belongs to: `reply.request` on Fastify, `res.req` on Express (and Node). Chosen once
 * per adapter: reading a property a response does not have is a prototype-chain walk on every request.
 */
function requestReader(adapterType: string): (response: unknown) => RoutedRequest | undefined {
  const key = adapterType === 'fastify' ? 'request' : 'req';
  return (response) =>
    typeof response === 'object' && response !== null
      ? (response as Record<typeof key, RoutedRequest | undefined>)[key]
      : undefined;
}

/**
 * The adapter-level success path. Nest's interceptor pipeline costs more per request than the envelope itself, so
 * results are wrapped where the adapter writes them instead: `HttpAdapter.reply`, through which Nest sends every
 * route's result (after the app's own interceptors, pipes and serializers), on Express and Fastify alike.
 * Installed once per app, before Nest registers the routes (`ResponseModule.configure`):
 * - every route method is marked with its controller, so a reply knows its handler without a per-request lookup;
 * - a native early hook sets the request id header on every response, also on those a handler writes itself;
 * - `reply` is wrapped once: a result of a routed request becomes the envelope; everything else (failures, files,
 *   redirects, a request the interceptor already wrapped) passes through unchanged.
 */
@Injectable()
export class AdapterHooks {
  constructor(
    @Inject(RESPONSE_OPTIONS) private readonly options: ResolvedResponseOptions,
    private readonly adapterHost: HttpAdapterHost,
    private readonly modules: ModulesContainer,
    private readonly reader: RequestFactsReader,
    private readonly writer: ReplyWriter,
    private readonly replier: SuccessReplier,
  ) {}

  /**
   * @example
   * hooks.install(); // from ResponseModule.configure(), once per app
   */
  install(): void {
    const adapter = this.adapterHost.httpAdapter as unknown as HookedAdapter | undefined;
    if (!adapter || adapter[ORIGINAL_REPLY]) return;
    annotateRoutes(this.modules);
    this.installRequestIdHook(adapter);
    const original = adapter.reply.bind(adapter);
    adapter[ORIGINAL_REPLY] = original;
    const requestOf = requestReader(adapter.getType());
    const fastify = adapter.getType() === 'fastify';
    const header = this.options.requestId.header;
    adapter.reply = (response, body, statusCode) => {
      const request = requestOf(response);
      // In Fastify's own headers, the request id costs nothing more at writeHead (see addRequestIdToHeads).
      if (fastify && request !== undefined) this.writer.ensureHeader(response, header, this.reader.requestId(request));
      if (request === undefined || request[WRAPPED_PROPERTY]) {
        return original(response, body, statusCode);
      }
      const route = routeRefOf(request);
      if (route === undefined) return original(response, body, statusCode);
      const prepared = this.replier.prepare(body, request, response, route, statusCode ?? this.writer.status(response));
      return original(response, prepared.body, prepared.wrapped ? prepared.status : statusCode);
    };
  }

  private installRequestIdHook(adapter: HookedAdapter): void {
    const header = this.options.requestId.header;
    const instance = adapter.getInstance();
    if (adapter.getType() === 'fastify') {
      // Ahead of Fastify, on the raw request: a Fastify onRequest hook costs several µs per request, and a second
      // 'request' listener makes every emit copy the listener list, so Fastify's own listener is wrapped instead.
      const server = adapter.getHttpServer();
      const listeners = server.listeners('request') as RawListener[];
      // The header goes into the head Node writes, not on the response now (see addRequestIdToHeads).
      const inHeads = addRequestIdToHeads(server, header);
      const setRequestId: RawListener = (request, response) => {
        const id = this.reader.assignRequestId(request);
        if (!inHeads) response.setHeader(header, id);
      };
      if (listeners.length !== 1) {
        server.prependListener('request', setRequestId);
        return;
      }
      const [fastifyListener] = listeners;
      server.removeListener('request', fastifyListener);
      server.on('request', (request: IncomingRequest, response: ServerResponse) => {
        setRequestId(request, response);
        fastifyListener.call(server, request, response);
      });
    } else if (adapter.getType() === 'express') {
      // Express's entry point for every request: cheaper than a middleware layer (no router matching).
      const app = instance as ExpressLike;
      const handle = app.handle.bind(app);
      app.handle = (request, response, next) => {
        response.setHeader(header, this.reader.assignRequestId(request));
        handle(request, response, next);
      };
    }
  }
}
