import { HttpException } from '@nestjs/common';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import jsonpointer from 'jsonpointer';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BusinessException } from '../../src/index.js';
import { chaosAppModule, returned, thrown } from '../fixtures/chaos.app.js';
import { ADAPTERS, createTestApp, type TestApp } from './harness.js';

const RUNS = 120;
/** A JSON Schema of the default failure envelope, written from DESIGN §4, checked by an independent validator. */
const FAILURE_SCHEMA = {
  type: 'object',
  required: ['code', 'message', 'status', 'error', 'path', 'timestamp', 'requestId'],
  properties: {
    code: { type: ['integer', 'string'] },
    message: { type: 'string' },
    status: { type: 'integer', minimum: 390, maximum: 599 },
    error: { type: 'string', minLength: 1 },
    path: { type: 'string', pattern: '^/' },
    timestamp: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$' },
    requestId: { type: 'string', minLength: 1, maxLength: 128 },
    detail: {},
  },
  additionalProperties: false,
} as const;
const validateFailure = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(FAILURE_SCHEMA);
const STACK_FRAME = /\\n\s+at |\bat [^"]*\(?\/[^"]*:\d+:\d+/;

let nextId = 0;
const id = () => String(++nextId);

function circular(): Record<string, unknown> {
  const value: Record<string, unknown> = { name: 'loop' };
  value.self = value;
  return value;
}

/** Arbitrary things a handler might throw, each built fresh per request. */
const thrownValue: fc.Arbitrary<() => unknown> = fc.oneof(
  fc.string().map((message) => () => new Error(message)),
  fc.string().map((message) => () => new TypeError(`${message}\n    at secret (/srv/app/db.ts:12:3)`)),
  fc.tuple(fc.oneof(fc.string(), fc.jsonValue()), fc.integer({ min: -5, max: 1200 })).map(
    ([response, status]) =>
      () =>
        new HttpException(response as string | Record<string, unknown>, status),
  ),
  fc
    .record({
      code: fc.oneof(fc.integer(), fc.string({ minLength: 1 })),
      status: fc.option(fc.integer({ min: 100, max: 700 }), { nil: undefined }),
      message: fc.oneof(fc.string(), fc.record({ en: fc.string(), 'zh-CN': fc.string() })),
    })
    .chain((definition) =>
      fc.jsonValue().map((detail) => () => new BusinessException(definition, { detail, params: { x: 1 } })),
    ),
  fc.string().map((text) => () => text),
  fc.oneof(fc.integer(), fc.double(), fc.bigInt()).map((value) => () => value),
  fc.constantFrom<() => unknown>(
    () => null,
    () => undefined,
    () => Symbol('thrown'),
    () => circular(),
    () => Object.freeze({ frozen: true }),
    () => Object.create(null) as unknown,
    () => 'x'.repeat(1_000_000),
    () => ({
      get message(): string {
        throw new Error('getter');
      },
    }),
    () =>
      new Proxy(
        {},
        {
          get() {
            throw new Error('trap');
          },
          getPrototypeOf() {
            throw new Error('trap');
          },
          ownKeys() {
            throw new Error('trap');
          },
        },
      ),
    () => {
      const error = new Error('stack getter');
      Object.defineProperty(error, 'stack', {
        get() {
          throw new Error('no stack for you');
        },
      });
      return error;
    },
    () =>
      new (class Weird extends HttpException {
        override getResponse(): never {
          throw new Error('response getter');
        }
      })('x', 400),
    () => new BusinessException({ code: 'CIRCULAR', status: 409, message: 'loop' }, { detail: circular() }),
  ),
);

describe.each(ADAPTERS)('property: anything thrown on %s', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, [chaosAppModule()]);
  });
  afterAll(() => t.app.close());

  it(`renders a schema-valid envelope with a failure status and no stack frames (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(thrownValue, async (make) => {
        const key = id();
        thrown.set(key, make);
        const res = await request(t.app.getHttpServer()).get(`/chaos/throw/${key}`);
        thrown.delete(key);
        // 4xx/5xx, or a custom business status of the 39x family (391: go to a page) that only a BusinessException gives
        expect(res.status).toBeGreaterThanOrEqual(res.status < 400 && make() instanceof BusinessException ? 390 : 400);
        expect(res.status).toBeLessThanOrEqual(599);
        const body: unknown = JSON.parse(res.text);
        expect(validateFailure(body), JSON.stringify(validateFailure.errors)).toBe(true);
        expect((body as { status: number }).status).toBe(res.status);
        expect(res.text).not.toMatch(STACK_FRAME);
        expect(res.text).not.toContain('/srv/app');
      }),
      { numRuns: RUNS },
    );
  });
});

describe.each(ADAPTERS)('the stack-frame oracle itself on %s', (adapter) => {
  it('does see stack frames when the debug switch puts them in the body', async () => {
    const t = await createTestApp(adapter, [chaosAppModule({ debug: true })]);
    try {
      const key = id();
      thrown.set(key, () => new Error('visible with debug'));
      const res = await request(t.app.getHttpServer()).get(`/chaos/throw/${key}`).expect(500);
      expect(res.text).toMatch(STACK_FRAME);
      expect(validateFailure(JSON.parse(res.text))).toBe(false); // exception and stack are extra members
    } finally {
      await t.app.close();
    }
  });
});

/** Arbitrary handler results: JSON values plus bigints, undefined members, Dates and Maps. */
const resultValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 2 }),
    fc.bigInt(),
    fc.constant(undefined),
    fc.date({ noInvalidDate: true }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 }),
    fc.array(fc.tuple(fc.string(), fc.integer()), { maxLength: 3 }).map((entries) => new Map(entries)),
  ),
})).value;

describe.each(ADAPTERS)('property: any result on %s', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, [chaosAppModule()]);
  });
  afterAll(() => t.app.close());

  it(`wraps it in valid JSON whose data is what JSON.stringify gives, bigints as strings on request (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(resultValue, async (value) => {
        const key = id();
        returned.set(key, value);
        const res = await request(t.app.getHttpServer()).get(`/chaos/return/${key}`).set('X-Stringify', '1');
        returned.delete(key);
        expect(res.status).toBe(200);
        const expected = JSON.parse(
          JSON.stringify({ data: value ?? null }, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)),
        ) as { data: unknown };
        const body = JSON.parse(res.text) as { code: number; message: string; data: unknown };
        expect(body).toEqual({ code: 0, message: 'OK', data: expected.data });
      }),
      { numRuns: RUNS },
    );
  });
});

/** Fastify's default JSON parser (Nest 11) refuses `__proto__` keys outright: a malformed-body 400, not violations. */
function refusedAsMalformed(body: { message?: string }): boolean {
  return body.message === 'Malformed JSON in request body';
}

/** Arbitrary JSON bodies for the chaos DTO: mostly the right shape, often wrong in places. */
const part = fc.record(
  {
    label: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
    weight: fc.oneof(fc.integer({ min: -3, max: 12 }), fc.string()),
  },
  { requiredKeys: [] },
);
const dtoBody = fc.record(
  {
    name: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
    count: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string()),
    flag: fc.oneof(fc.boolean(), fc.string()),
    parts: fc.oneof(fc.array(part, { maxLength: 4 }), fc.string(), fc.constant(null)),
    main: fc.oneof(part, fc.integer()),
    password: fc.oneof(fc.string(), fc.integer()),
    'we/ird~key': fc.jsonValue({ maxDepth: 1 }),
  },
  { requiredKeys: [] },
);

describe.each(ADAPTERS)('property: arbitrary JSON bodies on a DTO route, %s', (adapter) => {
  let wechat: TestApp;
  let spring: TestApp;
  beforeAll(async () => {
    wechat = await createTestApp(adapter, [chaosAppModule()]);
    spring = await createTestApp(adapter, [chaosAppModule({ validation: { style: 'spring' } })]);
  });
  afterAll(async () => {
    await wechat.app.close();
    await spring.app.close();
  });

  it(`every WeChat field resolves in the sent body to its value, or the value is redacted (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(dtoBody, async (body) => {
        const sent = JSON.parse(JSON.stringify(body)) as Record<string, unknown>; // what the server receives (-0 → 0)
        const res = await request(wechat.app.getHttpServer()).post('/chaos/dto').send(sent);
        if (res.status === 201 || refusedAsMalformed(res.body)) return;
        expect(res.status).toBe(400);
        const details = res.body.details as { field: string; value: unknown; location: string }[];
        expect(details.length).toBeGreaterThan(0);
        for (const detail of details) {
          expect(detail.location).toBe('body');
          if (detail.value === '[REDACTED]') {
            expect(detail.field).toMatch(/password/);
            continue;
          }
          const found: unknown = jsonpointer.get(sent, detail.field);
          expect(detail.value, detail.field).toEqual(found === undefined ? undefined : found);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it(`every Spring codes list follows the Spring rule (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(dtoBody, async (sent) => {
        const res = await request(spring.app.getHttpServer()).post('/chaos/dto').send(sent);
        if (res.status === 201 || refusedAsMalformed(res.body)) return;
        for (const error of res.body.errors as { codes: string[]; code: string; field: string; objectName: string }[]) {
          const { codes, code, field, objectName } = error;
          expect(objectName).toBe('chaosDto');
          expect(codes[0]).toBe(`${code}.${objectName}.${field}`);
          expect(codes[codes.length - 1]).toBe(code);
          expect(new Set(codes).size).toBe(codes.length);
          const last = field.slice(field.lastIndexOf('.') + 1).replace(/\[\d+\]/g, '');
          expect(codes).toContain(`${code}.${last}`);
          // indexes are stripped cumulatively from the right, never from the middle alone
          const stripped = field.replace(/\[\d+\]/g, '');
          expect(codes).toContain(`${code}.${objectName}.${stripped}`);
          for (const candidate of codes) expect(candidate.startsWith(`${code}.`) || candidate === code).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
