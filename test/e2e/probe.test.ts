import request from 'supertest';
import { describe, it } from 'vitest';
import { ordersAppModule } from '../fixtures/orders.app.js';
import { ADAPTERS, createTestApp } from './harness.js';

describe.each(ADAPTERS)('probe %s', (adapter) => {
  it('prints', async () => {
    const { app, logger } = await createTestApp(adapter, [ordersAppModule()]);
    const s = app.getHttpServer();
    for (const [m, p, body, ct] of [
      ['get', '/orders/7'], ['get', '/orders/8'], ['post', '/orders', { sku: 'X' }], ['post', '/orders', { sku: 'SOLD-OUT' }],
      ['get', '/nope'], ['post', '/orders', '{"sku":', 'application/json'], ['post', '/orders', 'a,b', 'text/csv'],
      ['post', '/orders', '{"sku":"x"}', 'application/json; charset=koi8-r'],
      ['post', '/orders', '', 'application/json'],
      ['post', '/orders', JSON.stringify({ sku: 'x'.repeat(2_000_000) }), 'application/json'],
      ['get', '/cases/bigint'], ['get', '/cases/raw'], ['get', '/cases/file'], ['get', '/cases/events'], ['get', '/cases/redirect'],
      ['post', '/cases/no-content'], ['get', '/cases/self'], ['get', '/cases/passthrough'], ['get', '/cases/throw/circular'],
      ['get', '/cases/http-error-code'], ['get', '/cases/circular-detail'], ['get', '/cases/circular-result'], ['get', '/cases/observable'],
    ] as [string, string, unknown?, string?][]) {
      let r = (request(s) as any)[m](p);
      if (ct) r = r.set('Content-Type', ct);
      if (body !== undefined) r = r.send(body);
      const res = await r;
      console.log(adapter, m, p, res.status, res.headers['content-type'], res.headers['x-request-id'], JSON.stringify(res.body)?.slice(0, 300), res.text?.slice(0, 100));
    }
    console.log(JSON.stringify(logger.entries).slice(0, 2000));
    await app.close();
  });
});
