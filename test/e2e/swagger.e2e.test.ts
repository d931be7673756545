import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIObject } from '@nestjs/swagger';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppModule } from '../../sample-app/src/app.module.js';
import { setupSwagger } from '../../sample-app/src/swagger.js';
import { ServedContract } from '../support/served-contract.js';
import { ADAPTERS, createTestApp, type TestApp } from './harness.js';
import { send, signAsSample } from './signed-request.js';

const GOLDEN = new URL('../golden/sample-app.openapi.json', import.meta.url);
// `npm run golden:update` rewrites the golden copy; review its diff like code.
const UPDATE = process.env.UPDATE_GOLDEN === '1';

describe.each(ADAPTERS)('the sample app documents its envelope on %s', (adapter) => {
  let t: TestApp;
  let served: OpenAPIObject;
  // plain JSON, to read deep into it without the OpenAPI type unions
  let document: ReturnType<typeof JSON.parse>;
  beforeAll(async () => {
    t = await createTestApp(
      adapter,
      [AppModule],
      (app) => {
        served = setupSwagger(app);
        document = JSON.parse(JSON.stringify(served));
      },
      { rawBody: true },
    );
  });
  afterAll(() => t.app.close());

  it('is a valid OpenAPI document (swagger-parser)', async () => {
    await expect(SwaggerParser.validate(structuredClone(served) as never)).resolves.toBeDefined();
  });

  it('matches the committed golden copy', () => {
    const text = JSON.stringify(served, null, 2) + '\n';
    if (UPDATE && adapter === 'express') writeFileSync(GOLDEN, text);
    expect(existsSync(GOLDEN), 'run npm run golden:update').toBe(true);
    expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });

  it('wraps each success in the envelope, with the @ApiCode example, and lists the @ApiThrows codes', () => {
    const schemas = document.components.schemas;
    expect(schemas.SuccessEnvelope).toMatchObject({ required: ['code', 'message', 'data'] });
    expect(Object.keys(schemas.FailureEnvelope.properties)).toEqual([
      'code',
      'message',
      'status',
      'error',
      'path',
      'timestamp',
      'requestId',
      'detail',
    ]);
    const find = document.paths['/orders/{id}'].get;
    const ok = find.responses['200'].content['application/json'].schema;
    expect(ok.allOf[0]).toEqual({ $ref: '#/components/schemas/SuccessEnvelope' });
    expect(ok.allOf[1].properties).toMatchObject({
      code: { example: 10001 },
      message: { example: 'order' },
      data: { $ref: '#/components/schemas/OrderDto' },
    });
    const list = document.paths['/orders'].get.responses['200'].content['application/json'].schema;
    expect(list.allOf[1].properties.data).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/OrderDto' },
    });
    const notFound = find.responses['404'].content['application/json'];
    expect(notFound.schema.allOf).toEqual([
      { $ref: '#/components/schemas/FailureEnvelope' },
      { type: 'object', required: ['code'], properties: { code: { type: 'integer', enum: [10012] } } },
    ]);
    // the placeholder filled from OrderDto's example id
    expect(notFound.examples.ORDER_NOT_FOUND.value).toMatchObject({
      code: 10012,
      status: 404,
      message: 'order 1234567890123 not found',
      path: '/orders/1234567890123',
    });
    const create = document.paths['/orders'].post.responses;
    expect(Object.keys(create)).toEqual(['201', '400', '409', '413', '415', '500']);
    expect(create['400'].content['application/json'].examples.VALIDATION_FAILED.value).toMatchObject({
      code: 'PARAM_ERROR',
      details: [{ field: '/sku', location: 'body' }],
    });
    const cancel = document.paths['/orders/{id}'].delete.responses;
    expect(Object.keys(cancel)).toEqual(['204', '404', '423', '500']);
  });

  it('leaves raw routes, files and events unwrapped', () => {
    const csv = document.paths['/orders/export.csv'].get.responses['200'].content;
    expect(Object.keys(csv)).toEqual(['text/csv']);
    // @RawResponse: the body as the handler returns it, documented by the app's own @ApiOkResponse
    const health = document.paths['/health'].get.responses['200'].content['application/json'].schema;
    expect(health).toEqual({
      type: 'object',
      properties: { status: { type: 'string', enum: ['up'] } },
      required: ['status'],
    });
    expect(Object.keys(document.paths['/orders/events'].get.responses['200'].content)).toEqual(['text/event-stream']);
  });

  it('real answers validate against the served document: a signed body without @ApiProperty, int64 both ways', async () => {
    const contract = await ServedContract.load(document);
    const expectValid = (path: string, method: string, response: request.Response) =>
      expect(contract.problems(method, path, response), `${method} ${path}`).toEqual([]);
    const http = request(t.app.getHttpServer());
    const body = '{}';
    const signed = await signAsSample('POST', '/transfers', { body });
    const refused = await send(t.app.getHttpServer(), 'POST', '/transfers', signed.headers, body);
    expect(refused.status).toBe(400);
    expect(refused.body.details[0]).toMatchObject({ field: '/to', location: 'body' });
    expectValid('/transfers', 'post', refused);
    const exact = await http.get('/orders/9007199254740993').expect(200);
    expect(exact.text).toContain('"id":9007199254740993');
    expectValid('/orders/{id}', 'get', exact);
    const text = await http.get('/orders/9007199254740993').set('X-Stringify', '1').expect(200);
    expect(text.body.data.id).toBe('9007199254740993');
    expectValid('/orders/{id}', 'get', text);
    const listed = await http.get('/orders?_string=1').expect(200);
    expectValid('/orders', 'get', listed);
    expectValid('/health', 'get', await http.get('/health').expect(200));
    expectValid('/transfers/rates', 'get', await http.get('/transfers/rates').expect(200));
  });

  it('serves Swagger UI at /docs and the document at /docs-json', async () => {
    const http = request(t.app.getHttpServer());
    const ui = await http.get('/docs').redirects(1).expect(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);
    expect(ui.text).toContain('swagger-ui');
    expect((await http.get('/docs-json').expect(200)).body).toEqual(document);
  });
});
