import { type OutgoingHttpHeader, type OutgoingHttpHeaders, type Server, ServerResponse } from 'node:http';
import { REQUEST_ID_PROPERTY } from './http.constants.js';

type IdCarrier = { [REQUEST_ID_PROPERTY]?: string };
type Fields = Record<string, unknown>;
type ResponseClass = typeof ServerResponse;
type Heads = OutgoingHttpHeaders | OutgoingHttpHeader[];

/**
 * The fields to write the head with: `given` itself when the response carries the header already (or no id was
 * chosen), else a copy with the request id added: the caller's object may be a constant shared by every response.
 * A head without fields (an implicit one, from `res.write()` or `res.end()`) gets the header through `setHeader`.
 */
function fieldsWithRequestId(response: ServerResponse, header: string, given: unknown): unknown {
  const id = (response.req as unknown as IdCarrier)[REQUEST_ID_PROPERTY];
  if (id === undefined || response.hasHeader(header)) return given;
  if (given === undefined || given === null || Array.isArray(given) || typeof given !== 'object') {
    response.setHeader(header, id);
    return given;
  }
  if ((given as Fields)[header] !== undefined) return given;
  const copy: Fields = { ...given };
  copy[header] = id;
  return copy;
}

/**
 * A `ServerResponse` that adds the request id (remembered on `res.req`) to the head Node writes, unless the
 * response carries that header already. Setting it on the response before would make Node's
 * `writeHead(status, fields)` take its slow path (every field set again through `setHeader`), which Fastify calls
 * on every reply.
 */
function responseWithRequestId(header: string): ResponseClass {
  return class ResponseWithRequestId extends ServerResponse {
    override writeHead(statusCode: number, reason?: unknown, fields?: unknown): this {
      if (typeof reason === 'string') {
        return super.writeHead(statusCode, reason, fieldsWithRequestId(this, header, fields) as Heads);
      }
      return super.writeHead(statusCode, fieldsWithRequestId(this, header, reason) as Heads);
    }
  } as ResponseClass;
}

/**
 * Makes `server` create its responses as `ResponseWithRequestId`, through the class Node keeps for
 * `http.createServer({ ServerResponse })`. `false`, and nothing changed, when the server does not create Node's
 * own `ServerResponse` (an HTTP/2 server, an app's own response class): the caller sets the header itself then.
 *
 * @example
 * if (!addRequestIdToHeads(server, 'x-request-id')) response.setHeader('x-request-id', id); // per request
 */
export function addRequestIdToHeads(server: Server, header: string): boolean {
  const slots = server as unknown as Record<symbol, unknown>;
  const key = Object.getOwnPropertySymbols(server).find((symbol) => symbol.description === 'ServerResponse');
  if (key === undefined || slots[key] !== ServerResponse) return false;
  slots[key] = responseWithRequestId(header);
  return true;
}
