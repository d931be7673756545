import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrderCodes } from '../../sample-app/src/orders/orders.codes.js';
import { UserCodes } from '../../sample-app/src/users/users.codes.js';
import { apiFetch, type ClientOptions, isApiError, unwrap, unwrapAxios } from '../../src/client/index.js';
import type { ResponseOptions } from '../../src/index.js';
import { failureOf, listening, sampleWith } from '../support/sample-servers.js';
import { ADAPTERS, type TestApp } from './harness.js';

/** A server convention of docs/options.md and the client options docs/client.md gives for it. */
interface Convention {
  name: string;
  server: ResponseOptions;
  client: ClientOptions;
  /** Whether a failure body keeps the HTTP status (mirror, or a `status` member under always-200). */
  statusKnown: boolean;
}

/** Seed 004's 5 digits: 3 of the API, 2 of the kind, 00–09 success (plain HTTP failures carry 3-digit codes). */
const fiveDigitSuccess = (body: Readonly<Record<string, unknown>>) =>
  typeof body.return_code === 'number' && body.return_code >= 10000 && body.return_code % 100 < 10;

const CONVENTIONS: Convention[] = [
  { name: 'the default envelope (HTTP status decides)', server: {}, client: {}, statusKnown: true },
  {
    name: 'always-200 with an outcome field (status_id, status: success / failure)',
    server: {
      httpStatus: 'always-200',
      success: { code: 100, message: '请求成功' },
      fields: { code: 'status_id', outcome: 'status' },
      successFields: ['code', 'outcome', 'message', 'data'],
      failureFields: ['code', 'outcome', 'message', 'data'],
    },
    client: { fields: { code: 'status_id', outcome: 'status' } },
    statusKnown: false,
  },
  {
    name: 'always-200 with a renamed outcome field and values of its own',
    server: {
      httpStatus: 'always-200',
      fields: { outcome: 'result' },
      outcome: { success: 'ok', failure: 'error' },
      successFields: ['outcome', 'code', 'message', 'data'],
      failureFields: ['outcome', 'code', 'message'],
    },
    client: { fields: { outcome: 'result' }, outcome: { success: 'ok', failure: 'error' } },
    statusKnown: false,
  },
  {
    name: 'always-200 with the default failure fields (the body keeps status)',
    server: { httpStatus: 'always-200' },
    client: {},
    statusKnown: true,
  },
  {
    name: 'always-200 without outcome or status, success codes listed',
    server: { httpStatus: 'always-200', failureFields: ['code', 'message'] },
    client: {
      successCodes: [
        0,
        OrderCodes.ORDERS_LISTED,
        OrderCodes.ORDER_FOUND,
        OrderCodes.ORDER_CREATED,
        UserCodes.USERS_LISTED,
        UserCodes.USER_FOUND,
      ],
    },
    statusKnown: false,
  },
  {
    name: 'always-200 with a 5-digit return_code, decided by a predicate',
    server: {
      httpStatus: 'always-200',
      success: { code: 90000 },
      fields: { code: 'return_code' },
      failureFields: ['code', 'message'],
    },
    client: { fields: { code: 'return_code' }, isSuccess: fiveDigitSuccess },
    statusKnown: false,
  },
  {
    name: 'the 5-digit return_code with HTTP status for success',
    server: { success: { code: 90000 }, fields: { code: 'return_code' }, failureFields: ['code', 'message'] },
    client: { fields: { code: 'return_code' } },
    statusKnown: true,
  },
  { name: 'RFC 9457 problem+json', server: { format: 'problem+json' }, client: {}, statusKnown: true },
];

type Init = { method?: string; headers?: Record<string, string>; body?: string };
type Reader = (url: string, init: Init, client: ClientOptions) => Promise<unknown>;

/** An axios-like response made from a fetch one as axios makes it: JSON parsed when it parses, lower-case headers. */
async function axiosLike(url: string, init: Init) {
  const response = await fetch(url, init);
  const text = await response.text();
  let data: unknown = text;
  try {
    data = JSON.parse(text);
  } catch {
    // axios keeps a body that is not JSON as text
  }
  return { status: response.status, data, headers: Object.fromEntries(response.headers) };
}

const READERS: [string, Reader][] = [
  ['unwrap(fetch)', async (url, init, client) => unwrap(await fetch(url, init), client)],
  ['unwrapAxios', async (url, init, client) => unwrapAxios(await axiosLike(url, init), client)],
  ['apiFetch', (url, init, client) => apiFetch(url, init, client)],
];

const JSON_HEADERS = { 'Content-Type': 'application/json', 'X-Stringify': '1' };
const post = (body: unknown): Init => ({ method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(body) });
const invalidOrder = { sku: 'T', quantity: 0, shipping: { city: '', country: 'FR' } };

describe.each(ADAPTERS)('the client reads each convention as its server decided it, on %s', (adapter) => {
  describe.each(CONVENTIONS)('$name', ({ server, client, statusKnown }) => {
    let t: TestApp;
    let base: string;
    beforeAll(async () => {
      ({ t, base } = await listening(adapter, sampleWith(server)));
    });
    afterAll(() => t.app.close());
    const always200 = server.httpStatus === 'always-200';

    it('is answered on the wire with the statuses the convention promises', async () => {
      const listed = await fetch(`${base}/orders`);
      expect(listed.status).toBe(200);
      const created = await fetch(`${base}/orders`, post({ sku: 'TEA-1', quantity: 1 }));
      expect(created.status).toBe(always200 ? 200 : 201);
      const { data } = (await created.json()) as { data: { id: string } };
      const cancelled = await fetch(`${base}/orders/${data.id}`, { method: 'DELETE' });
      // @HttpCode(204) under always-200: 200 with the envelope, since its status lives in the body
      expect(cancelled.status).toBe(always200 ? 200 : 204);
      const text = await cancelled.text();
      if (always200) expect(JSON.parse(text)).toMatchObject({ data: null });
      else expect(text).toBe('');
      const refused = await fetch(`${base}/orders`, post({ sku: 'CUP-2', quantity: 5 }));
      expect(refused.status).toBe(always200 ? 200 : 409);
    });

    describe.each(READERS)('with %s', (_reader, read) => {
      it('returns the data of endpoints with their own @ApiCode success codes', async () => {
        const orders = await read(`${base}/orders`, { headers: JSON_HEADERS }, client);
        expect((orders as { sku: string }[]).slice(0, 2).map((order) => order.sku)).toEqual(['TEA-1', 'CUP-2']);
        const order = await read(`${base}/orders/9007199254740993`, { headers: JSON_HEADERS }, client);
        expect(order).toMatchObject({ id: '9007199254740993', sku: 'TEA-1' });
        expect(await read(`${base}/users/1`, {}, client)).toEqual({ id: 1, name: 'Ann', email: 'ann@example.com' });
        const created = await read(`${base}/orders`, post({ sku: 'TEA-1', quantity: 1 }), client);
        expect(created).toMatchObject({ sku: 'TEA-1', quantity: 1, status: 'open' });
      });

      it('reads a @HttpCode(204) cancel (the default success code) as no data', async () => {
        const created = (await read(`${base}/orders`, post({ sku: 'TEA-1', quantity: 1 }), client)) as { id: string };
        // no body at all, or (always-200) the envelope with data null
        expect(await read(`${base}/orders/${created.id}`, { method: 'DELETE' }, client)).toBe(
          always200 ? null : undefined,
        );
      });

      it('throws the BusinessException as a typed ApiError', async () => {
        const error = await failureOf(read(`${base}/orders`, post({ sku: 'CUP-2', quantity: 5 }), client));
        expect(isApiError(error, OrderCodes.OUT_OF_STOCK)).toBe(true);
        expect(error).toMatchObject({ code: 10010, message: 'out of stock: CUP-2', status: statusKnown ? 409 : 200 });
        const missing = await failureOf(read(`${base}/users/42`, {}, client));
        expect(missing).toMatchObject({ code: 20010, message: 'user 42 not found' });
        const locked = await failureOf(read(`${base}/orders/9007199254740994`, { method: 'DELETE' }, client));
        expect(isApiError(locked, OrderCodes.ORDER_LOCKED)).toBe(true);
      });

      it('throws a validation failure with its violations, and a plain HTTP failure with its code', async () => {
        const invalid = await failureOf(read(`${base}/orders`, post(invalidOrder), client));
        expect(invalid.status).toBe(statusKnown ? 400 : 200);
        expect(invalid.violations.map((violation) => violation.message)).toContain('country must be one of CN, US, DE');
        const unknown = await failureOf(read(`${base}/no/such/route`, {}, client));
        expect(unknown.code).toBe(404);
        expect(unknown.isClientError).toBe(false);
      });
    });
  });
});
