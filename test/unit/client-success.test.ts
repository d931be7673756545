import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError, CLIENT_ERROR_CODE, type ClientOptions } from '../../src/client/index.js';
import { readEnvelope } from '../../src/client/read-envelope.js';
import { defineCodes, type ResponseOptions } from '../../src/index.js';
import { resolveResponseOptions } from '../../src/options/resolve-options.js';
import type { FailureOutcome, RequestFacts, SuccessOutcome } from '../../src/outcome/outcome.interface.js';
import { renderFailure, renderSuccess } from '../../src/render/envelope.renderer.js';

// The bodies come from the server's own renderers: the client must decide as the server decided.
const facts: RequestFacts = { method: 'GET', path: '/orders', requestId: 'req-1', locale: 'en', time: new Date(0) };
const Codes = defineCodes({
  ORDER_CREATED: { code: 10002, status: 201, message: 'order created' },
  OUT_OF_STOCK: { code: 10010, status: 409, message: 'out of stock' },
});
const created: SuccessOutcome = { kind: 'success', httpStatus: 201, code: 10002, message: 'order created', data: 7 };
const outOfStock: FailureOutcome = {
  kind: 'failure',
  httpStatus: 409,
  code: 10010,
  message: 'out of stock',
  error: 'Conflict',
};

function wire(server: ResponseOptions, outcome: SuccessOutcome | FailureOutcome): string {
  const resolved = resolveResponseOptions(server);
  const body =
    outcome.kind === 'success' ? renderSuccess(outcome, facts, resolved) : renderFailure(outcome, facts, resolved);
  return JSON.stringify(body);
}

/** What readEnvelope makes of an always-200 answer: `{ data }` or the ApiError. */
function read(text: string, client: ClientOptions, status = 200): { data: unknown } | ApiError {
  try {
    return { data: readEnvelope({ status, text, header: () => null }, client) };
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
}

describe('readEnvelope decides a 2xx as the server did', () => {
  it('by the outcome member (seed 000), whatever the code: an @ApiCode success code is a success', () => {
    const server: ResponseOptions = {
      httpStatus: 'always-200',
      success: { code: 100 },
      fields: { code: 'status_id', outcome: 'status' },
      successFields: ['code', 'outcome', 'message', 'data'],
      failureFields: ['code', 'outcome', 'message', 'data'],
    };
    const client: ClientOptions = { fields: { code: 'status_id', outcome: 'status' } };
    expect(read(wire(server, created), client)).toEqual({ data: 7 });
    expect(read(wire(server, outOfStock), client)).toMatchObject({ code: 10010, status: 200, message: 'out of stock' });
    // The outcome member wins over a code list written for the default success code alone (the old advice).
    expect(read(wire(server, created), { ...client, successCodes: [100] })).toEqual({ data: 7 });
  });

  it('by the outcome values the server was given', () => {
    const server: ResponseOptions = {
      httpStatus: 'always-200',
      outcome: { success: 'ok', failure: 'error' },
      successFields: ['outcome', 'code', 'data'],
      failureFields: ['outcome', 'code', 'message'],
    };
    const client: ClientOptions = { outcome: { success: 'ok', failure: 'error' } };
    expect(read(wire(server, created), client)).toEqual({ data: 7 });
    expect(read(wire(server, outOfStock), client)).toMatchObject({ code: 10010 });
    // With the default values the outcome member says neither: the HTTP status (200) decides.
    expect(read(wire(server, outOfStock), {})).toEqual({ data: undefined });
  });

  it('by the status member of the default failure fields, with no client option at all', () => {
    const server: ResponseOptions = { httpStatus: 'always-200' };
    expect(read(wire(server, created), {})).toEqual({ data: 7 });
    expect(read(wire(server, outOfStock), {})).toMatchObject({ code: 10010, status: 409 });
    const renamed: ResponseOptions = { httpStatus: 'always-200', fields: { status: 'httpStatus' } };
    expect(read(wire(renamed, outOfStock), { fields: { status: 'httpStatus' } })).toMatchObject({ status: 409 });
  });

  it('not by a status member that names the code, nor one that is no failure status', () => {
    const body = (status: unknown) => JSON.stringify({ status, message: 'm', data: 1 });
    expect(read(body(404), { fields: { code: 'status', status: 'status' } })).toEqual({ data: 1 });
    for (const status of [200, 399, 600, 409.5, '409'])
      expect(read(JSON.stringify({ code: 0, status, data: 1 }), {})).toEqual({ data: 1 });
  });

  it('by successCodes, given as codes or as the definitions handed to @ApiCode', () => {
    const server: ResponseOptions = { httpStatus: 'always-200', failureFields: ['code', 'message'] };
    const client: ClientOptions = { successCodes: [0, Codes.ORDER_CREATED] };
    expect(read(wire(server, created), client)).toEqual({ data: 7 });
    expect(read(wire(server, outOfStock), client)).toMatchObject({ code: 10010, status: 200 });
    expect(read(wire(server, created), { successCodes: [0] })).toMatchObject({ code: 10002 });
  });

  it('by isSuccess, which decides every 2xx envelope but not a 4xx or a problem document', () => {
    const fiveDigits = (body: Readonly<Record<string, unknown>>) => Number(body.code) % 100 < 10;
    expect(read(wire({}, created), { isSuccess: fiveDigits })).toEqual({ data: 7 });
    expect(read(wire({}, outOfStock), { isSuccess: fiveDigits })).toMatchObject({ code: 10010 });
    expect(read(wire({}, outOfStock), { isSuccess: () => true }, 409)).toMatchObject({ status: 409, code: 10010 });
    const problem = JSON.stringify({ type: 'about:blank', title: 'Conflict', status: 409, detail: 'taken', code: 7 });
    expect(read(problem, { isSuccess: () => true })).toMatchObject({ code: 7, message: 'taken', status: 409 });
    // Only `true` is a success: a predicate returning a truthy non-boolean by mistake does not pass failures off.
    expect(read(wire({}, created), { isSuccess: (() => 'yes') as never })).toMatchObject({ code: 10002 });
  });

  it('turns an isSuccess that throws into client error 1000 with the body and the cause', () => {
    const cause = new Error('boom');
    const error = read(wire({}, created), {
      isSuccess: () => {
        throw cause;
      },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: CLIENT_ERROR_CODE,
      status: 200,
      cause,
      message: expect.stringContaining('boom'),
    });
    expect((error as ApiError).body).toMatchObject({ code: 10002 });
  });

  it('reads every layout with an outcome field as the server wrote it (property)', () => {
    const name = fc.stringMatching(/^[a-z_]{1,8}$/);
    const code = fc.oneof(fc.integer({ min: 0, max: 99_999 }), fc.stringMatching(/^[A-Z_]{1,10}$/));
    fc.assert(
      fc.property(
        fc.uniqueArray(name, { minLength: 3, maxLength: 3 }),
        fc.uniqueArray(fc.stringMatching(/^[a-z0-9 ]{0,5}[a-z0-9]$/), { minLength: 2, maxLength: 2 }),
        code,
        code,
        (names, values, successCode, failureCode) => {
          const [codeName, outcomeName, dataName] = names;
          const fields = { code: codeName, outcome: outcomeName, data: dataName };
          const outcome = { success: values[0], failure: values[1] };
          const server: ResponseOptions = {
            httpStatus: 'always-200',
            fields,
            outcome,
            successFields: ['code', 'outcome', 'data'],
            failureFields: ['outcome', 'code'],
          };
          const client: ClientOptions = { fields, outcome };
          const success = { ...created, code: successCode, data: { id: 1 } };
          expect(read(wire(server, success), client)).toEqual({ data: { id: 1 } });
          expect(read(wire(server, { ...outOfStock, code: failureCode }), client)).toMatchObject({ code: failureCode });
        },
      ),
    );
  });
});
