import { Module } from '@nestjs/common';
import jsonpointer from 'jsonpointer';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ResponseModule } from '../../src/index.js';
import { NotReserved, OrdersController } from '../fixtures/route-validation-pipes.app.js';
import { ADAPTERS, createTestApp, type TestApp } from './harness.js';

const KEY = { 'x-api-key': 'k1' };
const VALID = { name: 'Ada', quantity: 2 };
/** The three routes with a ValidationPipe of their own: on the base controller's method, as a class, on the param. */
const OWN_ROUTES = [
  ['POST', '/api/orders'],
  ['PUT', '/api/orders/7'],
  ['PATCH', '/api/orders/7'],
] as const;

@Module({
  imports: [ResponseModule.forRoot({ validation: { maxNodes: 200, maxDepth: 8, maxViolations: 3 } })],
  controllers: [OrdersController],
})
class RoutePipesModule {}

afterEach(() => vi.restoreAllMocks());

describe.each(ADAPTERS)('ValidationPipes on controllers, routes and params on %s', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, [RoutePipesModule], (app) => app.setGlobalPrefix('api'));
  });
  afterAll(() => t.app.close());
  const send = (method: string, path: string, body: unknown) => {
    const http = request(t.app.getHttpServer());
    const verb = method.toLowerCase() as 'post' | 'put' | 'patch';
    return http[verb](path)
      .set(KEY)
      .set('Content-Type', 'application/json')
      .send(typeof body === 'string' ? body : JSON.stringify(body));
  };

  it('a body over maxNodes answers 413 in the envelope before class-transformer runs, on each route', async () => {
    const runs = vi.spyOn(NotReserved.prototype, 'validate');
    for (const [method, path] of OWN_ROUTES) {
      const res = await send(method, path, { name: 'Ada', quantity: 1, items: new Array(1000).fill({}) });
      expect(res.status, `${method} ${path}`).toBe(413);
      expect(res.body).toMatchObject({ code: 413, status: 413, path });
      expect(res.body.details).toEqual([{ field: '', issue: 'body holds more than 200 values', location: 'body' }]);
    }
    expect(runs).not.toHaveBeenCalled();
    expect(t.logger.of('error')).toEqual([]);
  });

  it('a body nested deeper than maxDepth answers 400 naming maxDepth, without an ERROR log, on each route', async () => {
    for (const [method, path] of OWN_ROUTES) {
      const res = await send(
        method,
        path,
        `{"name":"Ada","quantity":1,"items":${'['.repeat(3000)}${']'.repeat(3000)}}`,
      );
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(res.body.details[0]).toMatchObject({ issue: 'body is nested deeper than 8 levels', location: 'body' });
      expect(res.body.details[0].field).toBe('/items/0/0/0/0/0/0/0');
    }
    expect(t.logger.of('error')).toEqual([]);
  });

  it("an ordinary invalid body renders the module's violations: pointers, locations, redaction, the cap", async () => {
    const sent = { name: 'root', quantity: 0, password: 'hunter2', items: [{ sku: 1 }] };
    for (const [method, path] of OWN_ROUTES.slice(0, 2)) {
      const res = await send(method, path, sent);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 400, message: 'Request parameters are invalid', path });
      expect(res.body.details).toEqual([
        { field: '/name', value: 'root', issue: 'name is reserved', location: 'body' },
        { field: '/quantity', value: 0, issue: 'quantity must not be less than 1', location: 'body' },
        {
          field: '/password',
          value: '[REDACTED]',
          issue: 'password must be longer than or equal to 12 characters',
          location: 'body',
        },
      ]);
      expect(res.body.omittedViolations).toBe(1); // /items/0/sku, over maxViolations: 3
      expect(res.text).not.toContain('hunter2');
      for (const detail of res.body.details.slice(0, 2))
        expect(jsonpointer.get(sent, detail.field)).toEqual(detail.value);
    }
    const patched = await send('PATCH', '/api/orders/7', { quantity: 'x' });
    expect(patched.body.details).toEqual([
      { field: '/quantity', value: 'x', issue: 'quantity must not be less than 1', location: 'body' },
      { field: '/quantity', value: 'x', issue: 'quantity must be an integer number', location: 'body' },
    ]);
  });

  it("keeps each pipe's options: whitelist + forbidNonWhitelisted + transform, none, whitelist + transform", async () => {
    const forbidden = await send('POST', '/api/orders', { ...VALID, role: 'admin' });
    expect(forbidden.status).toBe(400);
    expect(forbidden.body.details).toEqual([
      { field: '/role', value: 'admin', issue: 'property role should not exist', location: 'body' },
    ]);
    const created = await send('POST', '/api/orders', VALID);
    expect(created.status).toBe(201);
    expect(created.body.data).toEqual({ isDto: true, body: VALID });
    // Nest's pipe as a class, default options: an unknown property passes, the handler gets the plain body.
    const replaced = await send('PUT', '/api/orders/7', { ...VALID, role: 'admin' });
    expect(replaced.status).toBe(200);
    expect(replaced.body.data).toEqual({ id: '7', isDto: false, body: { ...VALID, role: 'admin' } });
    // whitelist without forbidNonWhitelisted: stripped; transform: an instance.
    const patched = await send('PATCH', '/api/orders/7', { quantity: 3, role: 'admin' });
    expect(patched.status).toBe(200);
    expect(patched.body.data).toEqual({ id: '7', isDto: true, patch: { quantity: 3 } });
  });

  it('validates each body once: on the three own routes and on the route the global pipe validates', async () => {
    const runs = vi.spyOn(NotReserved.prototype, 'validate');
    for (const [method, path] of [...OWN_ROUTES, ['POST', '/api/orders/drafts']] as const) {
      runs.mockClear();
      const ok = await send(method, path, VALID);
      expect(ok.status, `${method} ${path}`).toBeLessThan(300);
      expect(runs, `${method} ${path}`).toHaveBeenCalledTimes(1);
      runs.mockClear();
      const refused = await send(method, path, { ...VALID, name: 'root' });
      expect(refused.status).toBe(400);
      expect(refused.body.details).toEqual([
        { field: '/name', value: 'root', issue: 'name is reserved', location: 'body' },
      ]);
      expect(runs, `${method} ${path}`).toHaveBeenCalledTimes(1);
    }
  });

  it("a pipe with the app's own exceptionFactory keeps it, and the limits are checked before it", async () => {
    const hostile = await send('POST', '/api/orders/bulk', { ...VALID, items: new Array(1000).fill({}) });
    expect(hostile.status).toBe(413);
    expect(hostile.body.details).toEqual([{ field: '', issue: 'body holds more than 200 values', location: 'body' }]);
    const invalid = await send('POST', '/api/orders/bulk', { ...VALID, quantity: 0 });
    expect(invalid.status).toBe(422);
    expect(invalid.body).toMatchObject({ code: 422, message: 'bulk order refused', path: '/api/orders/bulk' });
    const runs = vi.spyOn(NotReserved.prototype, 'validate');
    await send('POST', '/api/orders/bulk', VALID).expect(201);
    expect(runs).toHaveBeenCalledTimes(1);
  });

  it('a hand-built EnvelopeValidationPipe on a route checks the limits of the module, not the defaults', async () => {
    const runs = vi.spyOn(NotReserved.prototype, 'validate');
    const wide = await send('POST', '/api/orders/by-hand', { name: 'Ada', tags: new Array(300).fill(1) });
    expect(wide.status).toBe(413);
    expect(wide.body.details).toEqual([{ field: '', issue: 'body holds more than 200 values', location: 'body' }]);
    const extra = await send('POST', '/api/orders/by-hand', { name: 'root', role: 'x' });
    expect(extra.body.details).toEqual([
      { field: '/role', value: 'x', issue: 'property role should not exist', location: 'body' },
      { field: '/name', value: 'root', issue: 'name is reserved', location: 'body' },
    ]);
    expect(runs).toHaveBeenCalledTimes(1); // validated once: the module's global pipe left it to the route's
  });

  it('the guard still runs first: no key, 403 in the envelope, nothing validated', async () => {
    const runs = vi.spyOn(NotReserved.prototype, 'validate');
    const res = await request(t.app.getHttpServer())
      .post('/api/orders')
      .send({ name: 'root', items: new Array(1000).fill({}) });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 403, status: 403, path: '/api/orders' });
    expect(runs).not.toHaveBeenCalled();
  });
});
