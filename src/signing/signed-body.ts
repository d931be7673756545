import { BusinessException } from '../codes/business.exception.js';
import type { IncomingRequest } from '../http/request-facts.reader.js';
import { SigningCodes } from '../codes/signing.codes.js';
import { SigningSetupError } from './signing-setup.error.js';

// The types Nest's own body parsers read on both adapters, and keep req.rawBody for under { rawBody: true }.
const NEST_PARSED = /^\s*application\/(?:json|x-www-form-urlencoded)\s*(?:;|$)/i;

function hasBody(headers: IncomingRequest['headers']): boolean {
  const length = headers['content-length'];
  return headers['transfer-encoding'] !== undefined || (length !== undefined && Number(length) > 0);
}

/**
 * The bytes a request's signature covers: `req.rawBody`, or none for a request without a body. A body without
 * `req.rawBody` is never treated as empty (that would verify something else):
 * - of a type Nest's own parsers read (JSON, URL-encoded): the app was not created with `{ rawBody: true }` —
 *   a `SigningSetupError` (500, logged with the fix);
 * - of any other type, or none: the server cannot read it, so it cannot verify it — 415 `SIGN_BODY_UNREADABLE`,
 *   a client error.
 *
 * @example
 * const bytes = signedBodyBytes(request, '/orders'); // Buffer, or undefined for a GET
 */
export function signedBodyBytes(
  request: IncomingRequest & { rawBody?: unknown },
  path: string,
): Uint8Array | undefined {
  const raw = request.rawBody;
  if (raw instanceof Uint8Array) return raw;
  if (!hasBody(request.headers)) return undefined;
  const type = request.headers['content-type'];
  if (typeof type === 'string' && NEST_PARSED.test(type)) {
    throw new SigningSetupError(
      `a signed request to ${path} has a body but no req.rawBody: create the app with ` +
        'NestFactory.create(AppModule, { rawBody: true }) (Express and Fastify)',
    );
  }
  throw new BusinessException(SigningCodes.SIGN_BODY_UNREADABLE);
}
