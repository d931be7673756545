import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ApiError,
  apiFetch,
  CLIENT_ERROR_CODE,
  int64AsStrings,
  isApiError,
  unwrap,
  unwrapAxios,
} from '../../src/client/index.js';
import { readEnvelope } from '../../src/client/read-envelope.js';
import { readViolations } from '../../src/client/violations.js';
import { defineCodes, type ResponseOptions } from '../../src/index.js';
import { resolveResponseOptions } from '../../src/options/resolve-options.js';
import type { FailureOutcome, RequestFacts } from '../../src/outcome/outcome.interface.js';
import { renderFailure, renderSuccess } from '../../src/render/envelope.renderer.js';
import { renderProblem } from '../../src/render/problem-details.renderer.js';
import type { Violation } from '../../src/validation/violation.interface.js';

// The server's own renderers make the bodies: the client must read what the server really writes.
const facts: RequestFacts = { method: 'POST', path: '/orders', requestId: 'req-1', locale: 'en', time: new Date(0) };
const violations: Violation[] = [
  {
    location: 'body',
    path: ['shipping', 'c/ty'],
    value: '',
    constraint: 'isNotEmpty',
    arguments: [],
    message: 'city should not be empty',
    objectName: 'CreateOrderDto',
    type: 'String',
  },
  {
    location: 'query',
    path: ['page'],
    value: '-1',
    constraint: 'min',
    arguments: [1],
    message: 'page must not be less than 1',
    objectName: 'ListQuery',
    type: 'Number',
  },
];
const invalid: FailureOutcome = {
  kind: 'failure',
  httpStatus: 400,
  code: 400,
  message: 'Bad Request',
  error: 'Bad Request',
  violations,
};
const Codes = defineCodes({ OUT_OF_STOCK: { code: 10010, status: 409, message: 'out of stock' } });
const conflict: FailureOutcome = {
  kind: 'failure',
  httpStatus: 409,
  code: 10010,
  message: 'out of stock',
  error: 'Conflict',
  detail: { sku: 'A1' },
};

function failureText(outcome: FailureOutcome, options: ResponseOptions = {}): string {
  const resolved = resolveResponseOptions(options);
  const body =
    resolved.format === 'problem+json'
      ? renderProblem(outcome, facts, resolved)
      : renderFailure(outcome, facts, resolved);
  return JSON.stringify(body);
}

const noHeaders = () => null;
function caught(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

describe('readEnvelope', () => {
  it('returns the data of a success body, and undefined for an empty 204', () => {
    const options = resolveResponseOptions();
    const text = JSON.stringify(
      renderSuccess({ kind: 'success', httpStatus: 200, code: 0, message: 'OK', data: [{ id: 7 }] }, facts, options),
    );
    expect(readEnvelope({ status: 200, text, header: noHeaders })).toEqual([{ id: 7 }]);
    expect(readEnvelope({ status: 204, text: '', header: noHeaders })).toBeUndefined();
  });

  it('throws a business failure with its code, message, request id and body', () => {
    const error = caught(() => readEnvelope({ status: 409, text: failureText(conflict), header: noHeaders }));
    expect(error).toMatchObject({ status: 409, code: 10010, message: 'out of stock', requestId: 'req-1' });
    expect(error.body).toMatchObject({ detail: { sku: 'A1' } });
    expect(error.isClientError).toBe(false);
    expect(isApiError(error, Codes.OUT_OF_STOCK)).toBe(true);
    expect(isApiError(error, { code: 10011 })).toBe(false);
    expect(isApiError(new Error('x'))).toBe(false);
    expect(isApiError(null)).toBe(false);
  });

  it.each([
    ['wechat', {}],
    ['spring', { validation: { style: 'spring' } }],
    ['RFC 9457', { format: 'problem+json' }],
  ] as const)('normalises %s violations to the same fields and messages', (_style, options) => {
    const error = caught(() => readEnvelope({ status: 400, text: failureText(invalid, options), header: noHeaders }));
    expect(error.status).toBe(400);
    expect(error.message).toBe('Bad Request');
    expect(error.violations.map((v) => v.message)).toEqual(violations.map((v) => v.message));
    const fields = error.violations.map((v) => v.field);
    // Spring names fields with dots; WeChat and RFC 9457 with a JSON Pointer (query: the parameter name)
    expect(fields).toEqual(_style === 'spring' ? ['shipping.c/ty', 'page'] : ['/shipping/c~1ty', 'page']);
    if (_style !== 'RFC 9457') expect(error.violations[0]?.value).toBe('');
  });

  it('reads a lone WeChat detail violation, and finds none in other details', () => {
    expect(readViolations({ detail: { field: '/a', issue: 'bad', location: 'body', value: 1 } })).toEqual([
      { field: '/a', message: 'bad', location: 'body', value: 1 },
    ]);
    expect(readViolations({ detail: { sku: 'A1' } })).toEqual([]);
    expect(readViolations('text')).toEqual([]);
    expect(
      readViolations({
        errors: [
          { detail: 'bad', header: 'x-id' },
          { detail: 'bad', pointer: '#/%E0' },
        ],
      }),
    ).toEqual([
      { field: 'x-id', message: 'bad', location: 'header' },
      { field: '/%E0', message: 'bad', location: 'body' },
    ]);
  });

  it('turns a body that is not JSON into client error 1000 with the raw text, never a SyntaxError', () => {
    const html = '<html><body>502 Bad Gateway</body></html>';
    const error = caught(() => readEnvelope({ status: 502, text: html, header: () => 'trace-9' }));
    expect(error).toMatchObject({ status: 502, code: CLIENT_ERROR_CODE, raw: html, requestId: 'trace-9' });
    expect(error.message).toContain('is not JSON');
    expect(error.isClientError).toBe(true);
  });

  it('turns JSON that is not an envelope into client error 1000', () => {
    for (const text of ['[1,2]', '"ok"', '{"status":"up"}', 'null']) {
      const error = caught(() => readEnvelope({ status: 200, text, header: noHeaders }));
      expect(error.code, text).toBe(CLIENT_ERROR_CODE);
      expect(error.raw, text).toBe(text);
    }
  });

  it('never throws anything but an ApiError, whatever the body (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 599 }), fc.oneof(fc.string(), fc.json()), (status, text) => {
        try {
          readEnvelope({ status, text, header: noHeaders });
        } catch (error) {
          expect(error).toBeInstanceOf(ApiError);
        }
      }),
    );
  });

  it('follows renamed fields, and success codes when HTTP is always 200', () => {
    const always200: ResponseOptions = {
      httpStatus: 'always-200',
      success: { code: 100 },
      fields: { code: 'status_id', outcome: 'status' },
      successFields: ['code', 'outcome', 'message', 'data'],
      failureFields: ['code', 'outcome', 'message', 'data'],
    };
    const resolved = resolveResponseOptions(always200);
    const ok = JSON.stringify(
      renderSuccess({ kind: 'success', httpStatus: 200, code: 100, message: 'OK', data: 5 }, facts, resolved),
    );
    const client = { fields: { code: 'status_id' }, successCodes: [100] };
    expect(readEnvelope({ status: 200, text: ok, header: noHeaders }, client)).toBe(5);
    const error = caught(() =>
      readEnvelope({ status: 200, text: failureText(conflict, always200), header: () => 'hdr-id' }, client),
    );
    expect(error).toMatchObject({ code: 10010, message: 'out of stock', status: 200, requestId: 'hdr-id' });
    const spring = caught(() =>
      readEnvelope(
        { status: 200, text: failureText(conflict, { httpStatus: 'always-200' }), header: noHeaders },
        {
          successCodes: [0],
        },
      ),
    );
    expect(spring.status).toBe(409); // the body's status when HTTP says 200
  });

  it('reads a foreign problem document without a code', () => {
    const text = JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404 });
    expect(caught(() => readEnvelope({ status: 404, text, header: noHeaders }))).toMatchObject({
      code: 404,
      message: 'Not Found',
    });
  });
});

describe('unwrap, unwrapAxios, apiFetch', () => {
  const response = (status: number, text: string) => new Response(text, { status, headers: { 'x-request-id': 'r-2' } });

  it('unwrap reads a fetch Response', async () => {
    await expect(unwrap(response(200, '{"code":0,"message":"OK","data":{"a":1}}'))).resolves.toEqual({ a: 1 });
    await expect(unwrap(response(500, 'oops'))).rejects.toMatchObject({ code: 1000, raw: 'oops', requestId: 'r-2' });
  });

  it('unwrapAxios reads parsed, text and header-object responses', () => {
    expect(unwrapAxios({ status: 200, data: { code: 0, message: 'OK', data: 'x' } })).toBe('x');
    expect(unwrapAxios({ status: 200, data: '{"code":0,"message":"OK","data":2}' })).toBe(2);
    const failed = caught(() =>
      unwrapAxios({ status: 404, data: { code: 404, message: 'gone' }, headers: { 'x-request-id': 'ax-1' } }),
    );
    expect(failed).toMatchObject({ code: 404, message: 'gone', requestId: 'ax-1' });
    const viaGet = caught(() =>
      unwrapAxios({
        status: 502,
        data: '',
        headers: { get: (name: string) => (name === 'x-request-id' ? 'g' : null) },
      }),
    );
    expect(viaGet).toMatchObject({ code: 1000, requestId: 'g' });
    expect(unwrapAxios({ status: 204, data: undefined })).toBeUndefined();
  });

  it('apiFetch adds the int64 header, keeps the caller headers, and reports a request with no answer', async () => {
    const seen: unknown[] = [];
    const fake = (_url: string, init?: { headers?: unknown }) => {
      seen.push(init?.headers);
      return Promise.resolve(response(200, '{"code":0,"message":"OK","data":"9007199254740993"}'));
    };
    await expect(apiFetch('/o', { headers: { A: 'b' } }, { int64: 'string', fetch: fake })).resolves.toBe(
      '9007199254740993',
    );
    await apiFetch('/o', { headers: [['A', 'b']] }, { int64: 'string', int64Header: 'X-Big', fetch: fake });
    await apiFetch('/o', undefined, { fetch: fake });
    expect(seen).toEqual([
      { A: 'b', 'X-Stringify': '1' },
      [
        ['A', 'b'],
        ['X-Big', '1'],
      ],
      undefined,
    ]);
    expect(int64AsStrings()).toEqual({ 'X-Stringify': '1' });
    const down = () => Promise.reject(new TypeError('fetch failed'));
    await expect(apiFetch('/o', undefined, { fetch: down })).rejects.toMatchObject({
      status: 0,
      code: 1000,
      message: 'no response from /o: fetch failed',
    });
  });
});
