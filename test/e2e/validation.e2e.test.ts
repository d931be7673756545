import jsonpointer from 'jsonpointer';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseOptions } from '../../src/index.js';
import { validationAppModule } from '../fixtures/validation.app.js';
import { NEST_MAJOR } from '../nest-version.js';
import { ADAPTERS, type AdapterName, createTestApp, type TestApp } from './harness.js';

const TENANT = '0b0c7a3e-5c1f-4d4e-9a55-3a3a3a3a3a3a';

function bootWith(adapter: AdapterName, options: ResponseOptions, bodyLimit?: number) {
  const holder: { t?: TestApp } = {};
  beforeAll(async () => {
    holder.t = await createTestApp(adapter, [validationAppModule(options)], undefined, { bodyLimit });
  });
  afterAll(() => holder.t?.app.close());
  return () => request(holder.t!.app.getHttpServer());
}

/** Every WeChat `field` of a body violation, resolved in the sent body by an independent library, gives its `value`. */
function expectPointersResolve(sent: unknown, details: { field: string; value: unknown; location: string }[]): void {
  for (const detail of details.filter((d) => d.location === 'body')) {
    if (detail.value === '[REDACTED]') continue;
    expect(jsonpointer.get(sent as object, detail.field), detail.field).toEqual(detail.value);
  }
}

const INVALID_ORDER = {
  email: 'nope',
  items: [
    { name: 'tea', qty: 1 },
    { name: '', qty: 0 },
  ],
  amount: { total: 5, currency: 'XYZ' },
  tags: ['a', 1],
};

describe.each(ADAPTERS)('WeChat style (default) on %s', (adapter) => {
  const http = bootWith(adapter, {});

  it('renders every violation in class-validator order, detail = the first, with pointers that resolve', async () => {
    const res = await http().post('/v/orders').send(INVALID_ORDER).expect(400);
    expect(res.body).toMatchObject({
      code: 400,
      message: 'Request parameters are invalid',
      status: 400,
      error: 'Bad Request',
    });
    expect(res.body.details).toEqual([
      { field: '/email', value: 'nope', issue: 'email must be an email', location: 'body' },
      { field: '/items/1/name', value: '', issue: 'name should not be empty', location: 'body' },
      { field: '/items/1/qty', value: 0, issue: 'qty must not be less than 1', location: 'body' },
      { field: '/amount/currency', value: 'XYZ', issue: 'currency must be an ISO 4217 code', location: 'body' },
      { field: '/tags', value: ['a', 1], issue: 'each value in tags must be a string', location: 'body' },
    ]);
    expect(res.body.detail).toEqual(res.body.details[0]);
    expectPointersResolve(INVALID_ORDER, res.body.details);
  });

  it('localises the summary', async () => {
    const res = await http().post('/v/orders').set('Accept-Language', 'zh-CN').send(INVALID_ORDER).expect(400);
    expect(res.body.message).toBe('参数错误');
  });

  it('escapes ~ and / in pointers and keeps names with . and [ as they are', async () => {
    const sent = { 'a/b': 1, 'm~n': 2, 'x.y': 3, 'k[0]': 4 };
    const res = await http().post('/v/weird').send(sent).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['/a~1b', '/m~0n', '/x.y', '/k[0]']);
    expectPointersResolve(sent, res.body.details);
  });

  it('points into the body from a @Body("item") parameter', async () => {
    const sent = { item: { name: 'ok', qty: 0 } };
    const res = await http().post('/v/items').send(sent).expect(400);
    expect(res.body.detail).toMatchObject({ field: '/item/qty', value: 0, location: 'body' });
    expectPointersResolve(sent, res.body.details);
  });

  it('names query and path parameters, with the value as sent', async () => {
    const query = await http().get('/v/orders?page=0&sort=up').expect(400);
    expect(query.body.details).toEqual([
      { field: 'page', value: '0', issue: 'page must not be less than 1', location: 'query' },
      { field: 'sort', value: 'up', issue: 'sort must be one of the following values: asc, desc', location: 'query' },
    ]);
    const path = await http().get('/v/orders/not-a-uuid').expect(400);
    expect(path.body.detail).toEqual({
      field: 'id',
      value: 'not-a-uuid',
      issue: 'id must be a UUID',
      location: 'path',
    });
  });

  it('validates headers with @ValidHeaders, naming the header in lower case', async () => {
    const bad = await http().get('/v/tenant').set('X-Tenant-Id', 'acme').expect(400);
    expect(bad.body.detail).toEqual({
      field: 'x-tenant-id',
      value: 'acme',
      issue: 'X-Tenant-Id must be a UUID',
      location: 'header',
    });
    const good = await http().get('/v/tenant').set('x-tenant-id', TENANT).expect(200);
    expect(good.body.data).toEqual({ tenant: TENANT });
  });

  // `@Body({ schema })` is Nest 12's
  it.skipIf(NEST_MAJOR < 12)('validates a Standard Schema (zod) body', async () => {
    const sent = { sku: 'A', qty: -1, lines: [{ note: 7 }] };
    const res = await http().post('/v/zod').send(sent).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['/sku', '/qty', '/lines/0/note']);
    expectPointersResolve(sent, res.body.details);
    const ok = await http().post('/v/zod').send({ sku: 'AB', qty: 2 }).expect(201);
    expect(ok.body.data).toEqual({ sku: 'AB', qty: 2 });
  });

  it('never echoes a secret: the violation stays, the value is [REDACTED], at any depth', async () => {
    const sent = { ...INVALID_ORDER, password: 'short', credentials: { password: 'hunter2' } };
    const res = await http().post('/v/orders').send(sent).expect(400);
    const secrets = res.body.details.filter((d: { field: string }) => /password/.test(d.field));
    expect(secrets).toEqual([
      {
        field: '/credentials/password',
        value: '[REDACTED]',
        issue: 'password must be longer than or equal to 8 characters',
        location: 'body',
      },
      {
        field: '/password',
        value: '[REDACTED]',
        issue: 'password must be longer than or equal to 8 characters',
        location: 'body',
      },
    ]);
    expect(res.text).not.toContain('hunter2');
    expect(res.text).not.toContain('"short"');
  });

  it('refuses a body that is not an object', async () => {
    const res = await http().post('/v/orders').set('Content-Type', 'application/json').send('[1,2]').expect(400);
    expect(res.body.detail).toMatchObject({ field: '', value: [1, 2], location: 'body' });
  });

  it('neither crashes nor pollutes prototypes with __proto__ and constructor keys', async () => {
    const raw =
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted2":true}},"email":"a@b.co","items":[{"name":"x","qty":1,"__proto__":{"admin":true}}],"amount":{"total":1,"currency":"CNY"}}';
    const res = await http().post('/v/orders').set('Content-Type', 'application/json').send(raw);
    if (adapter === 'fastify') {
      // Fastify's parser refuses such bodies outright (onProtoPoisoning: 'error'), as invalid JSON
      expect(res.status).toBe(400);
      expect(res.body.message).toBe('Malformed JSON in request body');
    } else {
      // Express parses them as own keys; the pipe strips them before class-transformer copies anything
      expect(res.status).toBe(201);
      expect(res.body.data.email).toBe('a@b.co');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted2).toBeUndefined();
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});

describe.each(ADAPTERS)('Spring style on %s', (adapter) => {
  const http = bootWith(adapter, { validation: { style: 'spring' } });

  it('renders errors[] with Spring keys, order and codes (DESIGN §4)', async () => {
    const sent = { email: 'a@b.co', items: [{ name: '', qty: 1 }], amount: { total: 1, currency: 'CNY' } };
    const res = await http().post('/v/orders').send(sent).expect(400);
    expect(res.body.message).toBe("Validation failed for object='createOrderDto'. Error count: 1");
    expect(res.body.errors).toHaveLength(1);
    expect(JSON.stringify(res.body.errors[0])).toBe(
      JSON.stringify({
        codes: [
          'IsNotEmpty.createOrderDto.items[0].name',
          'IsNotEmpty.createOrderDto.items.name',
          'IsNotEmpty.items[0].name',
          'IsNotEmpty.items.name',
          'IsNotEmpty.name',
          'IsNotEmpty.String',
          'IsNotEmpty',
        ],
        arguments: [
          {
            codes: ['createOrderDto.items[0].name', 'items[0].name'],
            arguments: null,
            defaultMessage: 'items[0].name',
            code: 'items[0].name',
          },
        ],
        defaultMessage: 'name should not be empty',
        objectName: 'createOrderDto',
        field: 'items[0].name',
        rejectedValue: '',
        bindingFailure: false,
        code: 'IsNotEmpty',
      }),
    );
    expect(res.body.detail).toBeUndefined();
  });

  it('puts constraint arguments after the field resolvable, and redacts rejectedValue', async () => {
    const sent = {
      email: 'a@b.co',
      items: [{ name: 'x', qty: 0 }],
      amount: { total: 1, currency: 'CNY' },
      password: 'short',
    };
    const res = await http().post('/v/orders').send(sent).expect(400);
    const [qty, password] = res.body.errors;
    expect(qty.arguments.slice(1)).toEqual([1]);
    expect(qty.codes).toContain('Min.Number');
    expect(password.arguments.slice(1)).toEqual([8, 64]);
    expect(password.rejectedValue).toBe('[REDACTED]');
  });
});

describe.each(ADAPTERS)('RFC 9457 with 422 on %s', (adapter) => {
  const http = bootWith(adapter, {
    format: 'problem+json',
    validation: { status: 422 },
    problem: { typeBase: 'https://errors.example.com/' },
  });

  it('renders problem details with errors in #/ pointer form', async () => {
    const res = await http().post('/v/weird').send({ 'a/b': 'ok', 'm~n': 'ok', 'x.y': 'ok', 'k[0]': 5 }).expect(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toEqual({
      type: 'https://errors.example.com/422',
      title: 'Unprocessable Entity',
      status: 422,
      detail: 'Request parameters are invalid',
      instance: '/v/weird',
      code: 422,
      timestamp: expect.any(String),
      requestId: res.headers['x-request-id'],
      errors: [{ detail: 'k[0] must be a string', pointer: '#/k%5B0%5D' }], // [ and ] are not allowed in a URI fragment
    });
  });

  it('names query parameters and headers', async () => {
    expect((await http().get('/v/orders?page=0').expect(422)).body.errors).toEqual([
      { detail: 'page must not be less than 1', parameter: 'page' },
    ]);
    expect((await http().get('/v/tenant').expect(422)).body.errors).toEqual([
      { detail: 'X-Tenant-Id must be a UUID', header: 'x-tenant-id' },
    ]);
  });
});

describe.each(ADAPTERS)('caps and limits on %s', (adapter) => {
  const http = bootWith(adapter, { validation: { maxViolations: 3, maxNodes: 6_000_000 } }, 12 * 1024 * 1024);

  it('keeps at most maxViolations and says how many were left out', async () => {
    const items = Array.from({ length: 50 }, () => ({ name: '', qty: 0 }));
    const res = await http()
      .post('/v/orders')
      .send({ ...INVALID_ORDER, items })
      .expect(400);
    expect(res.body.details).toHaveLength(3);
    expect(res.body.omittedViolations).toBe(1 + 100 + 2 - 3);
  });

  it('answers a 10 MB array of invalid items with a small body', async () => {
    const tags = new Array<number>(5_000_000).fill(1);
    const valid = { email: 'a@b.co', items: [{ name: 'x', qty: 1 }], amount: { total: 1, currency: 'CNY' } };
    const body = JSON.stringify({ ...valid, tags });
    expect(body.length).toBeGreaterThan(10_000_000);
    const res = await http().post('/v/orders').set('Content-Type', 'application/json').send(body).expect(400);
    expect(res.text.length).toBeLessThan(5_000);
    const tagsDetail = res.body.details.find((d: { field: string }) => d.field === '/tags');
    expect(tagsDetail.value).toHaveLength(21);
    expect(tagsDetail.value[20]).toBe('… 4999980 more');
  }, 30_000); // parsing and validating 10 MB takes seconds on a loaded 2-core machine
});

describe.each(ADAPTERS)('pipe options on %s', (adapter) => {
  describe('whitelist + forbidNonWhitelisted + transform', () => {
    const http = bootWith(adapter, {
      validation: { pipe: { whitelist: true, forbidNonWhitelisted: true, transform: true } },
    });

    it('reports unknown properties with their value', async () => {
      const sent = {
        email: 'a@b.co',
        items: [{ name: 'x', qty: 1, extra: 1 }],
        amount: { total: 1, currency: 'CNY' },
        admin: true,
      };
      const res = await http().post('/v/orders').send(sent).expect(400);
      expect(res.body.details).toEqual([
        { field: '/admin', value: true, issue: 'property admin should not exist', location: 'body' },
        { field: '/items/0/extra', value: 1, issue: 'property extra should not exist', location: 'body' },
      ]);
    });

    it('hands the handler a DTO instance and transforms query numbers', async () => {
      const sent = { email: 'a@b.co', items: [{ name: 'x', qty: 1 }], amount: { total: 1, currency: 'CNY' } };
      expect((await http().post('/v/orders').send(sent).expect(201)).body.data).toEqual({
        isDto: true,
        email: 'a@b.co',
      });
      expect((await http().get('/v/orders?page=2').expect(200)).body.data).toEqual({ page: 2, type: 'number' });
    });
  });

  describe('pipe: false', () => {
    const http = bootWith(adapter, { validation: { pipe: false } });

    it('leaves validation to the app', async () => {
      await http().post('/v/orders').send({ email: 'nope' }).expect(201);
    });
  });
});
