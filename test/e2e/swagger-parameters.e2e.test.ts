import { ValidationPipe } from '@nestjs/common';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseOptions } from '../../src/index.js';
import { documentedParamsApp, setUpDocumentedApp } from '../fixtures/documented-params.app.js';
import { NEST_MAJOR } from '../nest-version.js';
import { answerOf, type Json, ServedContract } from '../support/served-contract.js';
import { exampleProblems } from '../support/served-examples.js';
import { ADAPTERS, createTestApp, type TestApp } from './harness.js';

interface Setup {
  readonly options: ResponseOptions;
  /** The app's own global pipe, which the module adopts. */
  readonly ownPipe?: () => ValidationPipe;
  readonly status: number;
  readonly media: string;
}

const SETUPS: [string, Setup][] = [
  ['WeChat style, the module’s pipe', { options: {}, status: 400, media: 'application/json' }],
  [
    'Spring style, the app’s own ValidationPipe (422) adopted',
    {
      options: { validation: { style: 'spring' } },
      ownPipe: () => new ValidationPipe({ transform: true, errorHttpStatusCode: 422 }),
      status: 422,
      media: 'application/json',
    },
  ],
  [
    'RFC 9457 with validation.status 422',
    {
      options: { format: 'problem+json', validation: { status: 422 } },
      status: 422,
      media: 'application/problem+json',
    },
  ],
];

/** The first violation of a validation failure body, in any of the three styles. */
function firstViolation(body: Json): Json {
  return (body.details ?? body.errors)[0];
}

/** What locates a violation (not its wording): the field or pointer, the parameter or header name, the location. */
function locator(violation: Json): Json {
  const keys = ['field', 'location', 'pointer', 'parameter', 'header', 'objectName'];
  return Object.fromEntries(keys.filter((key) => key in violation).map((key) => [key, violation[key]]));
}

describe.each(ADAPTERS)('the document tells the truth about parameters on %s', (adapter) => {
  describe.each(SETUPS)('%s', (_name, setup) => {
    let t: TestApp;
    let served: Json;
    let contract: ServedContract;

    beforeAll(async () => {
      t = await createTestApp(adapter, [documentedParamsApp(setup.options)], (app) => {
        setUpDocumentedApp(app, setup.ownPipe?.());
      });
      served = (await request(t.app.getHttpServer()).get('/docs-json').expect(200)).body;
      contract = await ServedContract.load(served);
    });
    afterAll(() => t.app.close());

    /** Checks a real answer against the served document; returns the media type object that documents it. */
    function expectDocumented(path: string, method: string, response: request.Response): Json {
      expect(contract.problems(method, path, response), `${method} ${path}`).toEqual([]);
      return contract.documentedMedia(`${method.toUpperCase()} ${path}`, answerOf(response));
    }

    // [what, location, path, method, request]; @ValidHeaders and Standard Schemas are the module's own checks
    // even when the app's pipe is adopted, so they keep `validation.status` then.
    type Failure = [string, string, string, string, (http: request.Agent) => request.Test];
    const failures: Failure[] = [
      ['a query DTO', 'query', '/api/items', 'get', (http) => http.get('/api/items?page=0')],
      ['a path DTO', 'path', '/api/items/{id}', 'get', (http) => http.get('/api/items/abc')],
      ['@ValidHeaders', 'header', '/api/items/tenant', 'get', (http) => http.get('/api/items/tenant')],
      ['a body DTO without @ApiProperty', 'body', '/api/items', 'post', (http) => http.post('/api/items').send({})],
    ];
    if (NEST_MAJOR >= 12) {
      const send = (http: request.Agent) => http.post('/api/items/by-schema').send({});
      failures.push(['a Standard Schema body', 'body', '/api/items/by-schema', 'post', send]);
    }
    const moduleOwn = (what: string) => what === '@ValidHeaders' || what.includes('Standard Schema');

    it.each(failures)(
      '%s that fails: documented, valid, and located as its example',
      async (what, location, path, method, send) => {
        const response = await send(request.agent(t.app.getHttpServer()));
        expect(response.status).toBe(moduleOwn(what) && setup.ownPipe ? 400 : setup.status);
        expect(response.headers['content-type']).toContain(setup.media);
        const documented = expectDocumented(path, method, response);
        const key = location === 'body' ? 'VALIDATION_FAILED' : `VALIDATION_FAILED_${location.toUpperCase()}`;
        const example = documented.examples[key].value;
        expect(locator(firstViolation(example))).toEqual(locator(firstViolation(response.body)));
        expect(contract.schemas.problems(documented.schema, example), key).toEqual([]);
      },
    );

    it('every example in the document validates against its schema and shows no raw placeholder', () => {
      const examples = exampleProblems(contract);
      expect(examples.problems).toEqual([]);
      expect(examples.checked).toBeGreaterThanOrEqual(failures.length);
    });

    it('a value the guard refuses is not a validation failure, and a valid request passes', async () => {
      const http = request(t.app.getHttpServer());
      const created = await http.post('/api/items').send({ name: 'tea' });
      expect(created.status).toBe(201);
      expectDocumented('/api/items', 'post', created);
      const tenant = await http.get('/api/items/tenant').set('x-tenant-id', '3f2c9a4e-8d1b-4c7a-9e0f-5b6d7c8e9f01');
      expect(tenant.status).toBe(200);
      expectDocumented('/api/items/tenant', 'get', tenant);
      expect((await http.get('/api/items/7').set('x-deny', '1')).status).toBe(403);
    });

    it('int64: exact JSON integers by default, strings with the header or the query switch, each valid', async () => {
      const http = request(t.app.getHttpServer());
      const plain = await http.get('/api/items/9007199254740993').expect(200);
      expect(plain.text).toContain('"id":9007199254740993');
      expectDocumented('/api/items/{id}', 'get', plain);
      const byHeader = await http.get('/api/items/9007199254740993').set('X-Stringify', '1').expect(200);
      expect(byHeader.body.data.id).toBe('9007199254740993');
      expectDocumented('/api/items/{id}', 'get', byHeader);
      const byQuery = await http.get('/api/items?page=1&_string=1').expect(200);
      expect(byQuery.body.data[0].id).toBe('9007199254740994');
      expectDocumented('/api/items', 'get', byQuery);
      for (const [path, method] of [
        ['/api/items/{id}', 'get'],
        ['/api/items', 'get'],
      ]) {
        const parameters: string[] = served.paths[path][method].parameters.map((p: Json) => `${p.in}:${p.name}`);
        expect(parameters).toEqual(expect.arrayContaining(['header:x-stringify', 'query:_string']));
      }
      const create: string[] = served.paths['/api/items'].post.parameters.map((p: Json) => String(p.name));
      expect(create).not.toContain('x-stringify'); // no int64 in that answer
    });
  });
});
