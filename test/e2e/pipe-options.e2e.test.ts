import {
  type Provider,
  UnprocessableEntityException,
  ValidationPipe,
  type ValidationPipeOptions,
} from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseOptions } from '../../src/index.js';
import { pipeOptionsModule } from '../fixtures/pipe-options.app.js';
import { NEST_MAJOR } from '../nest-version.js';
import { ADAPTERS, type AdapterName, createTestApp, type TestApp } from './harness.js';

interface Setup {
  options?: ResponseOptions;
  /** The app's own `app.useGlobalPipes(new ValidationPipe(…))`. */
  appPipe?: ValidationPipeOptions;
  providers?: Provider[];
}

function boot(adapter: AdapterName, { options, appPipe, providers }: Setup) {
  const holder: { t?: TestApp } = {};
  beforeAll(async () => {
    holder.t = await createTestApp(adapter, [pipeOptionsModule(options, providers)], (app) => {
      if (appPipe) app.useGlobalPipes(new ValidationPipe(appPipe));
    });
  });
  afterAll(() => holder.t?.app.close());
  return () => request(holder.t!.app.getHttpServer());
}

const fields = (body: { details?: { field: string }[] }) => body.details?.map((detail) => detail.field);

describe.each(ADAPTERS)("the app's own ValidationPipe options on %s", (adapter) => {
  describe('groups', () => {
    const http = boot(adapter, { appPipe: { groups: ['create'] } });

    it('validates the constraints of the group only', async () => {
      const res = await http().post('/p/grouped').send({ name: 'ab', version: 'x' }).expect(400);
      expect(res.body.details).toEqual([
        { field: '/name', value: 'ab', issue: 'name must be longer than or equal to 3 characters', location: 'body' },
      ]);
      await http().post('/p/grouped').send({ name: 'abc', version: 'x' }).expect(201);
    });
  });

  describe('its own exceptionFactory', () => {
    const http = boot(adapter, {
      appPipe: {
        exceptionFactory: (errors) =>
          new UnprocessableEntityException({ message: 'invalid input', fields: errors.map((e) => e.property) }),
      },
    });

    it("renders the app's exception (and the module validated nothing before it)", async () => {
      const res = await http().post('/p/simple').send({ name: 1 }).expect(422);
      expect(res.body).toMatchObject({ code: 422, message: 'invalid input', detail: { fields: ['name'] } });
      expect(res.body.details).toBeUndefined();
    });
  });

  describe('errorHttpStatusCode', () => {
    const http = boot(adapter, { appPipe: { errorHttpStatusCode: 422 } });

    it('answers violations with its status', async () => {
      const res = await http().post('/p/simple').send({ name: 'a' }).expect(422);
      expect(res.body).toMatchObject({ code: 422, status: 422, error: 'Unprocessable Entity' });
      expect(fields(res.body)).toEqual(['/name']);
    });
  });

  describe('validateCustomDecorators + transform + enableImplicitConversion', () => {
    const http = boot(adapter, {
      appPipe: {
        validateCustomDecorators: true,
        transform: true,
        transformOptions: { enableImplicitConversion: true },
      },
    });

    it("validates a custom decorator's value", async () => {
      const res = await http().get('/p/sort?sort=up').expect(400);
      expect(res.body.detail).toMatchObject({ field: '/sort', value: 'up', location: 'body' });
      await http().get('/p/sort?sort=asc').expect(200);
    });

    it('converts query numbers and reports the value as sent', async () => {
      expect((await http().get('/p/count?count=3').expect(200)).body.data).toEqual({ count: 3, type: 'number' });
      const res = await http().get('/p/count?count=0').expect(400);
      expect(res.body.details).toEqual([
        { field: 'count', value: '0', issue: 'count must not be less than 1', location: 'query' },
      ]);
    });
  });

  describe('disableErrorMessages', () => {
    const http = boot(adapter, { appPipe: { disableErrorMessages: true } });

    it('answers a bare 400, without violations', async () => {
      const res = await http().post('/p/simple').send({ name: 'a' }).expect(400);
      expect(res.body).toMatchObject({ code: 400, message: 'Bad Request' });
      expect(res.body.details).toBeUndefined();
      expect(res.text).not.toContain('name');
    });
  });

  describe('an APP_PIPE provider', () => {
    const providers = [
      { provide: APP_PIPE, useValue: new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true }) },
    ];
    const http = boot(adapter, { providers });

    it('is adopted too', async () => {
      const res = await http().post('/p/simple').send({ name: 'ok', admin: true }).expect(400);
      expect(res.body.details).toEqual([
        { field: '/admin', value: true, issue: 'property admin should not exist', location: 'body' },
      ]);
    });
  });

  describe('what Nest does not validate', () => {
    const http = boot(adapter, { appPipe: { whitelist: true } });

    it('headers with @ValidHeaders', async () => {
      const res = await http().get('/p/tenant').set('x-tenant-id', 'acme').expect(400);
      expect(res.body.detail).toMatchObject({ field: 'x-tenant-id', value: 'acme', location: 'header' });
    });

    it.skipIf(NEST_MAJOR < 12)('a Standard Schema (zod) body, by the module', async () => {
      const res = await http().post('/p/zod').send({ text: 'a' }).expect(400);
      expect(fields(res.body)).toEqual(['/text']);
      expect((await http().post('/p/zod').send({ text: 'ab' }).expect(201)).body.data).toEqual({ text: 'ab' });
    });
  });
});

describe.each(ADAPTERS)("the module's own pipe with Nest's options on %s", (adapter) => {
  const http = boot(adapter, {
    options: {
      validation: {
        style: 'spring',
        pipe: {
          groups: ['create'],
          errorHttpStatusCode: 422,
          transform: true,
          transformOptions: { enableImplicitConversion: true },
        },
      },
    },
  });

  it('groups and errorHttpStatusCode', async () => {
    const res = await http().post('/p/grouped').send({ name: 'ab', version: 'x' }).expect(422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['name']);
  });

  it('transformOptions', async () => {
    expect((await http().get('/p/count?count=3').expect(200)).body.data).toEqual({ count: 3, type: 'number' });
  });
});

describe.each(ADAPTERS)('validation: { pipe: false } on %s', (adapter) => {
  const http = boot(adapter, { options: { validation: { pipe: false } } });

  it('validates nothing globally', async () => {
    await http().post('/p/simple').send({ name: 1 }).expect(201);
  });

  it('@UsePipes(EnvelopeValidationPipe) validates', async () => {
    const res = await http().post('/p/by-class').send({ name: 1 }).expect(400);
    expect(fields(res.body)).toEqual(['/name', '/name']);
  });

  it('new EnvelopeValidationPipe({ … }) by hand validates, with its options', async () => {
    const res = await http().post('/p/by-hand').send({ name: 'ok', admin: true }).expect(400);
    expect(res.body.details).toEqual([
      { field: '/admin', value: true, issue: 'property admin should not exist', location: 'body' },
    ]);
  });
});

describe.each(ADAPTERS)("validation: { pipe: false } with the app's own pipe on %s", (adapter) => {
  const http = boot(adapter, {
    options: { validation: { pipe: false } },
    appPipe: { whitelist: true, forbidNonWhitelisted: true },
  });

  it("keeps the app pipe's failures structured", async () => {
    const res = await http().post('/p/simple').send({ name: 'a', admin: true }).expect(400);
    expect(res.body.details).toEqual([
      { field: '/admin', value: true, issue: 'property admin should not exist', location: 'body' },
      { field: '/name', value: 'a', issue: 'name must be longer than or equal to 2 characters', location: 'body' },
    ]);
  });
});

describe.each(ADAPTERS)('bodies that are missing or not objects on %s', (adapter) => {
  const http = boot(adapter, {});
  const json = () => http().post('/p/simple').set('Content-Type', 'application/json');

  it("a missing body: the DTO's missing fields", async () => {
    const res = await http().post('/p/simple').expect(400);
    expect(res.body.details).toEqual([
      { field: '/name', issue: 'name must be longer than or equal to 2 characters', location: 'body' },
      { field: '/name', issue: 'name must be a string', location: 'body' },
    ]);
  });

  it.each([
    ['null', 'null', null],
    ['"str"', 'a string', undefined],
    ['42', 'a number', 42],
    ['true', 'a boolean', true],
    ['[1]', 'an array', [1]],
  ])('the JSON body %s: "must be a JSON object"', async (sent, kind, value) => {
    const res = await json().send(sent).expect(400);
    expect(res.body.message).toBe('Request parameters are invalid');
    expect(res.body.details).toEqual([
      { field: '', value, issue: `body must be a JSON object (got ${kind})`, location: 'body' },
    ]);
  });

  it('@Body("item") with a missing item: its missing fields; with a string: not an object', async () => {
    expect(fields((await http().post('/p/item').send({}).expect(400)).body)).toEqual(['/item/name', '/item/name']);
    const res = await http().post('/p/item').send({ item: 'x' }).expect(400);
    expect(res.body.details).toEqual([
      { field: '/item', issue: 'item must be a JSON object (got a string)', location: 'body' },
    ]);
  });
});
