import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppModule } from '../../sample-app/src/app.module.js';
import { OrderCodes } from '../../sample-app/src/orders/orders.codes.js';
import { UserCodes } from '../../sample-app/src/users/users.codes.js';
import { apiFetch, isApiError, unwrap, type ApiViolation } from '../../src/client/index.js';
import type { ResponseOptions } from '../../src/index.js';
import { failureOf, listening, sampleWith } from '../support/sample-servers.js';
import { ADAPTERS, type TestApp } from './harness.js';

const invalidOrder = { sku: 'T', quantity: 0, shipping: { city: '', country: 'FR' } };
const post = (body: string) => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body });

describe.each(ADAPTERS)('nest-envelope/client against the sample app on %s, over real HTTP', (adapter) => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    ({ t, base } = await listening(adapter, AppModule));
  });
  afterAll(() => t.app.close());

  it('unwraps data, and keeps int64 ids exact when it asks for strings', async () => {
    const orders = await unwrap<{ id: unknown; sku: string }[]>(await fetch(`${base}/orders`));
    expect(orders.map((o) => o.sku)).toEqual(['TEA-1', 'CUP-2']);
    const order = await apiFetch<{ id: unknown }>(`${base}/orders/9007199254740993`, {}, { int64: 'string' });
    expect(order.id).toBe('9007199254740993');
  });

  it('throws a typed ApiError for a business failure, narrowed by the shared catalogue', async () => {
    const error = await failureOf(
      apiFetch(`${base}/orders`, {
        ...post('{"sku":"CUP-2","quantity":5}'),
        headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'trace-7' },
      }),
    );
    expect(isApiError(error, OrderCodes.OUT_OF_STOCK)).toBe(true);
    expect(isApiError(error, OrderCodes.ORDER_LOCKED)).toBe(false);
    expect(error).toMatchObject({ status: 409, code: 10010, message: 'out of stock: CUP-2', requestId: 'trace-7' });
    const missing = await failureOf(apiFetch(`${base}/users/42`));
    expect(isApiError(missing, UserCodes.USER_NOT_FOUND)).toBe(true);
  });

  it('reads WeChat-style violations', async () => {
    const error = await failureOf(apiFetch(`${base}/orders`, post(JSON.stringify(invalidOrder))));
    expect(error.code).toBe('PARAM_ERROR');
    expect(error.violations.map((v) => v.field)).toEqual(['/sku', '/quantity', '/shipping/city', '/shipping/country']);
    expect(error.violations[3]).toMatchObject({
      location: 'body',
      value: 'FR',
      message: 'country must be one of CN, US, DE',
    });
  });

  it('turns a raw body that is not an envelope, and an unreadable one, into client error 1000', async () => {
    const raw = await failureOf(apiFetch(`${base}/health`));
    expect(raw).toMatchObject({ status: 200, code: 1000, raw: '{"status":"up"}' });
    const csv = await failureOf(apiFetch(`${base}/orders/export.csv`));
    expect(csv.code).toBe(1000);
    expect(csv.raw).toMatch(/^id,sku,quantity,status\n/);
  });

  it('answers 204 with undefined', async () => {
    const created = await apiFetch<{ id: string }>(`${base}/orders`, post('{"sku":"TEA-1","quantity":1}'), {
      int64: 'string',
    });
    await expect(apiFetch(`${base}/orders/${created.id}`, { method: 'DELETE' })).resolves.toBeUndefined();
  });
});

describe.each(ADAPTERS)('nest-envelope/client reads every failure style on %s', (adapter) => {
  const styles: [string, ResponseOptions, (v: ApiViolation[]) => void][] = [
    [
      'spring',
      { validation: { style: 'spring' } },
      (v) => expect(v.map((x) => x.field)).toEqual(['sku', 'quantity', 'shipping.city', 'shipping.country']),
    ],
    [
      'problem+json',
      { format: 'problem+json', validation: { status: 422 } },
      (v) => expect(v.map((x) => x.field)).toEqual(['/sku', '/quantity', '/shipping/city', '/shipping/country']),
    ],
    [
      'renamed fields',
      { fields: { code: 'status_id', message: 'msg', data: 'result' } },
      (v) => expect(v).toHaveLength(4),
    ],
  ];
  const apps: { t: TestApp; base: string }[] = [];
  beforeAll(async () => {
    for (const [, options] of styles) apps.push(await listening(adapter, sampleWith(options)));
  });
  afterAll(async () => {
    for (const { t } of apps) await t.app.close();
  });

  it.each(styles.map(([name], index) => [name, index] as const))('%s', async (name, index) => {
    const { base } = apps[index];
    const client = name === 'renamed fields' ? { fields: { code: 'status_id', message: 'msg', data: 'result' } } : {};
    expect(await apiFetch<unknown[]>(`${base}/users`, {}, client)).toHaveLength(2);
    const invalid = await failureOf(apiFetch(`${base}/orders`, post(JSON.stringify(invalidOrder)), client));
    expect(invalid.status).toBe(name === 'problem+json' ? 422 : 400);
    expect(invalid.violations.map((v) => v.message)).toContain('country must be one of CN, US, DE');
    styles[index][2](invalid.violations);
    const business = await failureOf(apiFetch(`${base}/orders/1`, {}, client));
    expect(business).toMatchObject({ status: 404, code: 10012, message: 'order 1 not found' });
    expect(business.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
