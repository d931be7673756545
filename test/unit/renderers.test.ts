import { describe, expect, it } from 'vitest';
import { type ResponseOptions } from '../../src/index.js';
import { resolveResponseOptions } from '../../src/options/resolve-options.js';
import type { FailureOutcome, RequestFacts, SuccessOutcome } from '../../src/outcome/outcome.interface.js';
import { successOutcome } from '../../src/outcome/success-outcome.js';
import { renderFailure, renderSuccess } from '../../src/render/envelope.renderer.js';
import { renderProblem } from '../../src/render/problem-details.renderer.js';

const facts: RequestFacts = {
  method: 'POST',
  path: '/orders',
  requestId: 'req-1',
  locale: 'en',
  time: new Date('2026-11-22T08:00:00.000Z'),
};
const ok: SuccessOutcome = { kind: 'success', httpStatus: 200, code: 0, message: 'OK', data: { id: 7 } };
const conflict: FailureOutcome = {
  kind: 'failure',
  httpStatus: 409,
  code: 10010,
  message: 'out of stock',
  error: 'Conflict',
  detail: { sku: 'A1' },
};
const crash: FailureOutcome = {
  kind: 'failure',
  httpStatus: 500,
  code: 500,
  message: 'Internal server error',
  error: 'Internal Server Error',
  exception: { name: 'TypeError', stack: 'TypeError: x\n    at f (file.ts:1:1)' },
};
const opts = (o?: ResponseOptions) => resolveResponseOptions(o);

describe('successOutcome', () => {
  it('turns null and undefined into data: null, and copies the status with http-status', () => {
    expect(successOutcome(undefined, 200, opts(), 'en').data).toBeNull();
    expect(successOutcome(null, 200, opts(), 'en').data).toBeNull();
    expect(successOutcome(0, 200, opts(), 'en').data).toBe(0);
    expect(successOutcome('', 200, opts(), 'en').data).toBe('');
    expect(successOutcome({}, 201, opts({ success: { code: 'http-status' } }), 'en').code).toBe(201);
  });

  it('localises the success message', () => {
    const localised = opts({ success: { message: { en: 'OK', 'zh-CN': '成功' } } });
    expect(successOutcome(1, 200, localised, 'zh-CN').message).toBe('成功');
  });
});

describe('renderSuccess', () => {
  it('gives the DESIGN default body, in order', () => {
    expect(JSON.stringify(renderSuccess(ok, facts, opts()))).toBe('{"code":0,"message":"OK","data":{"id":7}}');
  });

  it('renders every field a success can carry', () => {
    const all = opts({
      successFields: [
        'outcome',
        'code',
        'message',
        'status',
        'path',
        'timestamp',
        'requestId',
        'data',
        'error',
        'detail',
      ],
      fields: { outcome: 'result' },
    });
    expect(renderSuccess(ok, facts, all)).toEqual({
      result: 'success',
      code: 0,
      message: 'OK',
      status: 200,
      path: '/orders',
      timestamp: '2026-11-22T08:00:00.000Z',
      requestId: 'req-1',
      data: { id: 7 },
    });
  });
});

describe('renderFailure', () => {
  it('gives the DESIGN default failure body, in order', () => {
    expect(Object.entries(renderFailure(conflict, facts, opts()))).toEqual([
      ['code', 10010],
      ['message', 'out of stock'],
      ['status', 409],
      ['error', 'Conflict'],
      ['path', '/orders'],
      ['timestamp', '2026-11-22T08:00:00.000Z'],
      ['requestId', 'req-1'],
      ['detail', { sku: 'A1' }],
    ]);
  });

  it('leaves detail out when there is none, and data is null in a failure that lists it', () => {
    const body = renderFailure(
      { ...conflict, detail: undefined },
      facts,
      opts({ failureFields: ['code', 'outcome', 'data', 'detail'] }),
    );
    expect(body).toEqual({ code: 10010, outcome: 'failure', data: null });
  });

  it('appends extension members after the fields', () => {
    const body = renderFailure({ ...conflict, extensions: { details: [1] } }, facts, opts({ failureFields: ['code'] }));
    expect(Object.keys(body)).toEqual(['code', 'details']);
  });

  it('adds exception and stack to 5xx only with debug', () => {
    expect(renderFailure(crash, facts, opts())).not.toHaveProperty('stack');
    const debug = renderFailure(crash, facts, opts({ debug: true }));
    expect(debug).toMatchObject({ exception: 'TypeError', stack: crash.exception?.stack });
    const clientError = renderFailure(
      { ...conflict, exception: { name: 'X', stack: 's' } },
      facts,
      opts({ debug: true }),
    );
    expect(clientError).not.toHaveProperty('stack');
  });
});

describe('renderProblem', () => {
  it('renders RFC 9457 members, then extensions', () => {
    expect(renderProblem(conflict, facts, opts({ format: 'problem+json' }))).toEqual({
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: 'out of stock',
      instance: '/orders',
      code: 10010,
      timestamp: '2026-11-22T08:00:00.000Z',
      requestId: 'req-1',
      context: { sku: 'A1' },
    });
  });

  it('has no debug members unless asked', () => {
    expect(renderProblem(crash, facts, opts({ format: 'problem+json' }))).not.toHaveProperty('stack');
    expect(renderProblem(crash, facts, opts({ format: 'problem+json', debug: true }))).toHaveProperty(
      'exception',
      'TypeError',
    );
  });
});
