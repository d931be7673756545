import { type DynamicModule, Module } from '@nestjs/common';
import jsonpointer from 'jsonpointer';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ResponseModule, type ResponseOptions } from '../../src/index.js';
import { AppModule, NotReserved, setUpApp, UsersController } from '../fixtures/own-validation-pipe.app.js';
import { ADAPTERS, type AdapterName, createTestApp, type TestApp } from './harness.js';

const KEY = { 'x-api-key': 'k1' };
const VALID = { name: 'Ada', email: 'ada@example.com', age: 36, password: 'correct horse battery' };

/** The recipe's app, with other module options where a test needs them; `own: false` leaves out the app's pipe. */
function recipeModule(options?: ResponseOptions): DynamicModule | typeof AppModule {
  if (options === undefined) return AppModule;
  @Module({})
  class StyledAppModule {}
  return { module: StyledAppModule, imports: [ResponseModule.forRoot(options)], controllers: [UsersController] };
}

function boot(adapter: AdapterName, { options, own = true }: { options?: ResponseOptions; own?: boolean } = {}) {
  const holder: { t?: TestApp } = {};
  beforeAll(async () => {
    holder.t = await createTestApp(adapter, [recipeModule(options)], (app) =>
      own ? setUpApp(app) : app.setGlobalPrefix('api'),
    );
  });
  afterAll(() => holder.t?.app.close());
  return () => request(holder.t!.app.getHttpServer());
}

/** How many times class-validator ran the app's own constraint: once per validation of a `name`. */
function countConstraintRuns() {
  return vi.spyOn(NotReserved.prototype, 'validate');
}

afterEach(() => vi.restoreAllMocks());

describe.each(ADAPTERS)('an app with its own global ValidationPipe (the recipe) on %s', (adapter) => {
  const http = boot(adapter);

  it('keeps its semantics on success: a DTO instance, numbers from implicit conversion, the guard', async () => {
    const created = await http().post('/api/users').set(KEY).send(VALID).expect(201);
    expect(created.body).toEqual({ code: 0, message: 'OK', data: { created: true, name: 'Ada', age: 36 } });
    const listed = await http().get('/api/users?page=2&size=5').set(KEY).expect(200);
    expect(listed.body.data).toEqual({ page: 2, size: 5 }); // numbers, not '2' and '5'
    const refused = await http().get('/api/users').expect(403);
    expect(refused.body).toMatchObject({ code: 403, status: 403, path: '/api/users' });
  });

  it('validates a body once: the constraint runs once per request', async () => {
    const runs = countConstraintRuns();
    await http().post('/api/users').set(KEY).send(VALID).expect(201);
    expect(runs).toHaveBeenCalledTimes(1);
    await http()
      .post('/api/users')
      .set(KEY)
      .send({ ...VALID, name: 'root' })
      .expect(400);
    expect(runs).toHaveBeenCalledTimes(2);
  });

  it('renders its failures as WeChat violations with pointers, locations and redaction', async () => {
    const sent = { name: 'root', email: 'nope', age: 12, password: 'short' };
    const res = await http().post('/api/users').set(KEY).send(sent).expect(400);
    expect(res.body).toMatchObject({ code: 400, message: 'Request parameters are invalid', path: '/api/users' });
    expect(res.body.details).toEqual([
      { field: '/name', value: 'root', issue: 'name is reserved', location: 'body' },
      { field: '/email', value: 'nope', issue: 'email must be an email', location: 'body' },
      { field: '/age', value: 12, issue: 'age must not be less than 18', location: 'body' },
      {
        field: '/password',
        value: '[REDACTED]',
        issue: 'password must be longer than or equal to 12 characters',
        location: 'body',
      },
    ]);
    expect(res.text).not.toContain('short');
    for (const detail of res.body.details.slice(0, 3))
      expect(jsonpointer.get(sent, detail.field)).toEqual(detail.value);
  });

  it('reports a property forbidNonWhitelisted refuses as a violation at its pointer, in the same shape', async () => {
    const res = await http()
      .post('/api/users')
      .set(KEY)
      .send({ ...VALID, role: 'admin' })
      .expect(400);
    expect(res.body.details).toEqual([
      { field: '/role', value: 'admin', issue: 'property role should not exist', location: 'body' },
    ]);
  });

  it('answers the request docs/recipes.md shows', async () => {
    const sent = { name: 'root', email: 'nope', age: 12, password: 'short', role: 'x' };
    const res = await http().post('/api/users').set(KEY).send(sent).expect(400);
    expect(res.body.details.map((d: { field: string; value: unknown }) => [d.field, d.value])).toEqual([
      ['/role', 'x'],
      ['/name', 'root'],
      ['/email', 'nope'],
      ['/age', 12],
      ['/password', '[REDACTED]'],
    ]);
    expect(res.body.details[0].issue).toBe('property role should not exist');
  });

  it('names a query parameter with the value as sent (before implicit conversion)', async () => {
    const res = await http().get('/api/users?page=0&size=500').set(KEY).expect(400);
    expect(res.body.details).toEqual([
      { field: 'page', value: '0', issue: 'page must not be less than 1', location: 'query' },
      { field: 'size', value: '500', issue: 'size must not be greater than 100', location: 'query' },
    ]);
  });

  it("reports a missing body as the DTO's missing fields, as Nest's pipe does", async () => {
    const res = await http().post('/api/users').set(KEY).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual([
      '/name',
      '/name',
      '/name',
      '/email',
      '/age',
      '/age',
      '/password',
      '/password',
    ]);
  });
});

describe.each(ADAPTERS)('the module alone (no pipe of the app) on %s', (adapter) => {
  const http = boot(adapter, { own: false });

  it('validates a body once too', async () => {
    const runs = countConstraintRuns();
    await http()
      .post('/api/users')
      .set(KEY)
      .send({ ...VALID, name: 'admin' })
      .expect(400);
    expect(runs).toHaveBeenCalledTimes(1);
  });
});

describe.each(ADAPTERS)('the recipe in the other styles on %s', (adapter) => {
  const sent = { ...VALID, age: 12, password: 'short', extra: 1 };

  describe('Spring', () => {
    const http = boot(adapter, { options: { validation: { style: 'spring' } } });

    it('renders errors[] for every failure, the whitelist one included', async () => {
      const res = await http().post('/api/users').set(KEY).send(sent).expect(400);
      expect(res.body.message).toBe("Validation failed for object='createUserDto'. Error count: 3");
      expect(res.body.errors.map((e: { field: string; code: string }) => `${e.code} ${e.field}`)).toEqual([
        'WhitelistValidation extra', // class-validator reports unknown properties first
        'Min age',
        'IsLength password',
      ]);
      expect(res.body.errors[0]).toMatchObject({ rejectedValue: 1, defaultMessage: 'property extra should not exist' });
      expect(res.body.errors[1]).toMatchObject({ arguments: [expect.any(Object), 18], rejectedValue: 12 });
      expect(res.body.errors[1].codes).toContain('Min.Number');
      expect(res.body.errors[2]).toMatchObject({
        arguments: [expect.any(Object), 12, 128],
        rejectedValue: '[REDACTED]',
      });
    });
  });

  describe('RFC 9457 with 422', () => {
    const http = boot(adapter, { options: { format: 'problem+json', validation: { status: 422 } } });

    it('renders problem details with pointers', async () => {
      const res = await http().post('/api/users').set(KEY).send(sent).expect(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors).toEqual([
        { detail: 'property extra should not exist', pointer: '#/extra' },
        { detail: 'age must not be less than 18', pointer: '#/age' },
        { detail: 'password must be longer than or equal to 12 characters', pointer: '#/password' },
      ]);
      expect(res.body.instance).toBe('/api/users');
    });
  });
});
