import { ApiError, CLIENT_ERROR_CODE } from './api-error.js';
import { type ClientOptions, type ResolvedClientOptions, resolveClientOptions } from './client-options.js';
import { envelopeSucceeded, statedFailureStatus } from './success-test.js';
import { readViolations } from './violations.js';

/**
 * An HTTP answer as the client sees it, whatever library fetched it.
 *
 * @example
 * const answer: RawAnswer = { status: 200, text: '{"code":0,"message":"OK","data":1}', header: () => null };
 */
export interface RawAnswer {
  status: number;
  /** The body; `undefined` or `''` for none. An already-parsed object (axios) is taken as is. */
  text?: string;
  parsed?: unknown;
  header(name: string): string | null | undefined;
}

type Json = Record<string, unknown>;
const RAW_SHOWN = 200;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** RFC 9457 problem details (`type` and `title`), whose message is `detail`. */
function isProblem(body: Json): boolean {
  return typeof body.type === 'string' && typeof body.title === 'string';
}

function parse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function clientError(answer: RawAnswer, why: string, raw: string): ApiError {
  const shown = raw.length > RAW_SHOWN ? `${raw.slice(0, RAW_SHOWN)}…` : raw;
  return new ApiError({
    status: answer.status,
    code: CLIENT_ERROR_CODE,
    message: `response ${JSON.stringify(shown)} ${why} (HTTP ${answer.status})`,
    requestId: answer.header('x-request-id') ?? undefined,
    raw,
  });
}

/**
 * The `data` of a success envelope, or the `ApiError` of a failure (thrown). Pure: the fetch and axios helpers
 * feed it. A success is decided as the server decided it (see `ClientOptions`): a 4xx/5xx and an RFC 9457 problem
 * are failures; a 2xx is a success unless its outcome member, its `status` member, `successCodes` or `isSuccess`
 * say otherwise. A 204/205 or an empty 2xx body is `undefined`; a body that is not JSON, or JSON without the code
 * member, is a client error (code 1000) carrying the raw text.
 *
 * @example
 * readEnvelope({ status: 200, text: '{"code":0,"message":"OK","data":{"id":7}}', header: () => null }); // { id: 7 }
 */
export function readEnvelope(answer: RawAnswer, options: ClientOptions = {}): unknown {
  const fields = resolveClientOptions(options);
  const success = answer.status >= 200 && answer.status < 300;
  let body = answer.parsed;
  if (body === undefined || typeof body === 'string') {
    const text = typeof body === 'string' ? body : (answer.text ?? '');
    if (text === '' && success) return undefined;
    const parsed = parse(text);
    if (!parsed.ok) throw clientError(answer, 'is not JSON', text);
    body = parsed.value;
  }
  if (!isObject(body) || (!(fields.code in body) && !isProblem(body))) {
    throw clientError(answer, 'is not an envelope', JSON.stringify(body) ?? '');
  }
  if (success && !isProblem(body) && succeeded(answer, body, fields)) return body[fields.data];
  return failure(answer, body, fields);
}

/** The caller's `isSuccess`, guarded: whatever it throws becomes client error 1000, never an unrelated crash. */
function succeeded(answer: RawAnswer, body: Json, fields: ResolvedClientOptions): boolean {
  if (fields.isSuccess === undefined) return envelopeSucceeded(body, fields);
  let verdict: unknown;
  try {
    verdict = fields.isSuccess(body, answer.status);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new ApiError({
      status: answer.status,
      code: CLIENT_ERROR_CODE,
      message: `isSuccess threw on this response (HTTP ${answer.status}): ${reason}`,
      requestId: answer.header(fields.requestIdHeader) ?? undefined,
      body,
      cause,
    });
  }
  return verdict === true;
}

function failure(answer: RawAnswer, body: Json, fields: ResolvedClientOptions): never {
  const code = body[fields.code];
  // RFC 9457: `detail` is the message, `code` an extension member; a plain problem has only the status.
  const message = isProblem(body) ? (body.detail ?? body.title) : body[fields.message];
  const requestId = body[fields.requestId] ?? answer.header(fields.requestIdHeader);
  const success = answer.status >= 200 && answer.status < 300;
  // Under always-200 the body keeps the status the server did not send.
  const status = (success ? statedFailureStatus(body, fields) : undefined) ?? answer.status;
  throw new ApiError({
    status,
    code: typeof code === 'number' || typeof code === 'string' ? code : status,
    message: typeof message === 'string' ? message : `HTTP ${status}`,
    violations: readViolations(body),
    requestId: typeof requestId === 'string' ? requestId : undefined,
    body,
  });
}
