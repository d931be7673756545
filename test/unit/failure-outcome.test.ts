import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import * as common from '@nestjs/common';
import { HttpException } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { BusinessException } from '../../src/index.js';
import { resolveResponseOptions } from '../../src/options/resolve-options.js';
import { failureOutcome } from '../../src/outcome/failure-outcome.js';
import { NEST_MAJOR } from '../nest-version.js';

const options = resolveResponseOptions();
const named = resolveResponseOptions({ statusCodes: { 400: 'PARAM_ERROR', 500: 'SYSTEM_ERROR' } });

/** Every HttpException subclass @nestjs/common exports, found by walking its exports (no hand-kept list). */
const BUILT_IN_EXCEPTIONS = Object.entries(common).filter(
  ([name, value]) =>
    typeof value === 'function' &&
    value.prototype instanceof HttpException &&
    name.endsWith('Exception') &&
    name !== 'HttpException',
) as [string, new (message?: string) => HttpException][];

describe('failureOutcome: HttpException', () => {
  it('knows at least the 20 usual built-in subclasses', () => {
    expect(BUILT_IN_EXCEPTIONS.length).toBeGreaterThanOrEqual(20);
  });

  it.each(BUILT_IN_EXCEPTIONS)('%s: status, reason phrase, default and custom message', (_name, Exception) => {
    const plain = new Exception();
    const status = plain.getStatus();
    const outcome = failureOutcome(plain, options, 'en');
    expect(outcome).toMatchObject({ kind: 'failure', httpStatus: status, code: status });
    // Nest's enum name of the status (NOT_FOUND) and the reason phrase (Not Found) share their first word
    const firstWord = (text: string) =>
      text
        .toUpperCase()
        .replace(/[^A-Z]+/g, ' ')
        .trim()
        .split(' ')[0];
    expect(firstWord(outcome.error)).toBe(firstWord(String(common.HttpStatus[status])));
    expect(typeof outcome.message).toBe('string');
    expect(outcome.message.length).toBeGreaterThan(0);
    expect(failureOutcome(new Exception('custom text'), options, 'en').message).toBe('custom text');
  });

  it('reads string, object and array bodies', () => {
    expect(failureOutcome(new HttpException('text', 418), options, 'en')).toMatchObject({
      httpStatus: 418,
      code: 418,
      message: 'text',
      error: "I'm a Teapot",
    });
    expect(failureOutcome(new HttpException('', 400), options, 'en').message).toBe('Bad Request');
    expect(failureOutcome(new HttpException({ message: ['a', '', 'b', 3] }, 400), options, 'en').message).toBe('a; b');
    expect(failureOutcome(new HttpException({ message: [] }, 400), options, 'en').message).toBe('Bad Request');
    expect(failureOutcome(new HttpException({ message: { nested: true } }, 409), options, 'en').message).toBe(
      'Conflict',
    );
  });

  it('keeps extra members of an object body as detail, or an explicit detail', () => {
    const extra = failureOutcome(
      new HttpException({ message: 'locked', statusCode: 409, lockedBy: 'u1' }, 409),
      options,
      'en',
    );
    expect(extra.detail).toEqual({ lockedBy: 'u1' });
    const explicit = failureOutcome(new HttpException({ message: 'x', detail: [1, 2] }, 409), options, 'en');
    expect(explicit.detail).toEqual([1, 2]);
    expect(failureOutcome(new common.NotFoundException(), options, 'en').detail).toBeUndefined();
  });

  it.skipIf(NEST_MAJOR < 12)("uses Nest 12's errorCode as the code", () => {
    const outcome = failureOutcome(
      new common.BadRequestException('expired', { errorCode: 'COUPON_EXPIRED' }),
      options,
      'en',
    );
    expect(outcome).toMatchObject({ code: 'COUPON_EXPIRED', message: 'expired', httpStatus: 400 });
    const inBody = failureOutcome(new HttpException({ message: 'm', errorCode: 'IN_BODY' }, 400), options, 'en');
    expect(inBody.code).toBe('IN_BODY');
  });

  it('does not send the message of an Error given as the body', () => {
    const outcome = failureOutcome(new HttpException(new Error('internal detail'), 502), options, 'en');
    expect(outcome.message).toBe('Bad Gateway');
  });

  it('maps statuses to configured names', () => {
    expect(failureOutcome(new common.BadRequestException(), named, 'en').code).toBe('PARAM_ERROR');
    expect(failureOutcome(new common.NotFoundException(), named, 'en').code).toBe(404);
    expect(failureOutcome(new Error('x'), named, 'en').code).toBe('SYSTEM_ERROR');
  });

  it('treats a status outside 400–599 as a server fault', () => {
    expect(failureOutcome(new HttpException('moved', 302), options, 'en')).toMatchObject({
      httpStatus: 500,
      message: 'Internal server error',
    });
  });

  it('carries exception name and stack for 5xx only', () => {
    expect(failureOutcome(new common.ServiceUnavailableException(), options, 'en').exception?.name).toBe(
      'ServiceUnavailableException',
    );
    expect(failureOutcome(new common.NotFoundException(), options, 'en').exception).toBeUndefined();
  });
});

describe('failureOutcome: errors raised while reading the request', () => {
  const syntax = Object.assign(new SyntaxError('Unexpected token p in "password=hunter2"'), {
    status: 400,
    type: 'entity.parse.failed',
  });

  it('never quotes the parser message', () => {
    const wrapped = new common.BadRequestException(syntax.message, { cause: syntax });
    expect(failureOutcome(wrapped, options, 'en').message).toBe('Malformed JSON in request body');
    expect(failureOutcome(syntax, options, 'en')).toMatchObject({
      httpStatus: 400,
      message: 'Malformed JSON in request body',
    });
  });

  it.each([
    [
      { statusCode: 413, type: 'entity.too.large', message: 'request entity too large' },
      413,
      'Request body is too large',
    ],
    [
      { statusCode: 415, type: 'charset.unsupported', message: 'unsupported charset "KOI8-R"' },
      415,
      'Unsupported media type',
    ],
    [
      { statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', message: 'Unsupported Media Type: text/csv' },
      415,
      'Unsupported media type',
    ],
    [
      { statusCode: 400, code: 'FST_ERR_CTP_EMPTY_JSON_BODY', message: 'Body cannot be empty' },
      400,
      'Request body is empty',
    ],
    [{ statusCode: 400, code: 'FST_ERR_CTP_INVALID_CONTENT_LENGTH', message: 'bad length' }, 400, 'Malformed request'],
    [{ statusCode: 431, code: 'FST_ERR_X', message: 'x' }, 431, 'Request Header Fields Too Large'],
  ])('%j → %i', (raw, status, message) => {
    const error = Object.assign(new Error(raw.message), raw);
    const direct = failureOutcome(error, options, 'en');
    expect(direct.httpStatus).toBe(status);
    expect(direct.message.startsWith(message)).toBe(true);
    const mapped = failureOutcome(new HttpException(raw.message, status, { cause: error }), options, 'en');
    expect(mapped.message).toBe(direct.message);
    expect(mapped.detail).toBeUndefined();
  });

  it("recognises Nest 11's cause-less parser errors by their wording, and leaves other messages alone", () => {
    for (const message of [
      'Expected double-quoted property name in JSON at position 22',
      'Unexpected end of JSON input',
      `Unexpected token 'p', "password=hunter2" is not valid JSON`,
      "Body is not valid JSON but content-type is set to 'application/json'",
    ]) {
      expect(failureOutcome(new common.BadRequestException(message), options, 'en').message).toBe(
        'Malformed JSON in request body',
      );
    }
    expect(failureOutcome(new common.BadRequestException('JSON field "a" is missing'), options, 'en').message).toBe(
      'JSON field "a" is missing',
    );
    expect(failureOutcome(new common.ConflictException('Unexpected end of JSON input'), options, 'en').message).toBe(
      'Unexpected end of JSON input',
    );
  });

  it('does not treat a 5xx or an unrelated object with a status as a request error', () => {
    expect(failureOutcome({ statusCode: 503, code: 'FST_ERR_HANDLER_TIMEOUT' }, options, 'en').httpStatus).toBe(500);
    expect(failureOutcome({ status: 404 }, options, 'en').httpStatus).toBe(500);
  });
});

describe('failureOutcome: BusinessException', () => {
  const OUT_OF_STOCK = { code: 10010, status: 409, message: { en: 'out of stock: {sku}', 'zh-CN': '库存不足：{sku}' } };

  it('renders code, status, localised and interpolated message, detail', () => {
    const exception = new BusinessException(OUT_OF_STOCK, { params: { sku: 'A1' }, detail: { sku: 'A1' } });
    expect(failureOutcome(exception, options, 'zh-CN')).toEqual({
      kind: 'failure',
      httpStatus: 409,
      code: 10010,
      message: '库存不足：A1',
      error: 'Conflict',
      detail: { sku: 'A1' },
      exception: undefined,
    });
    expect(failureOutcome(exception, options, 'en').message).toBe('out of stock: A1');
  });

  it('defaults to 400, and takes a status and message override', () => {
    const plain = new BusinessException({ code: 'E1', message: 'bad' });
    expect(failureOutcome(plain, options, 'en')).toMatchObject({ httpStatus: 400, code: 'E1', message: 'bad' });
    const overridden = new BusinessException(OUT_OF_STOCK, { status: 410, message: 'gone for good' });
    expect(failureOutcome(overridden, options, 'en')).toMatchObject({
      httpStatus: 410,
      message: 'gone for good',
      error: 'Gone',
    });
  });

  it('is an HttpException, so Nest alone still answers it', () => {
    const exception = new BusinessException({ code: 'E1', message: 'bad' });
    expect(exception).toBeInstanceOf(HttpException);
    expect(exception.getResponse()).toEqual({ statusCode: 400, message: 'bad', error: 'Bad Request', code: 'E1' });
  });

  it('treats a definition with a success status as a server fault', () => {
    const misuse = new BusinessException({ code: 'CREATED', status: 201, message: 'created' });
    expect(failureOutcome(misuse, options, 'en')).toMatchObject({ httpStatus: 500, message: 'Internal server error' });
  });
});

describe('failureOutcome: anything else thrown', () => {
  const circular: Record<string, unknown> = {};
  circular.self = circular;
  const throwingGetters = new Proxy(
    {},
    {
      get() {
        throw new Error('trap');
      },
      getPrototypeOf() {
        throw new Error('trap');
      },
    },
  );

  it.each([
    ['an Error', new Error('db password is hunter2'), 'Error'],
    ['a TypeError', new TypeError('x is undefined'), 'TypeError'],
    ['a string', 'boom', 'string'],
    ['null', null, 'object'],
    ['undefined', undefined, 'undefined'],
    ['a number', 42, 'number'],
    ['a symbol', Symbol('s'), 'symbol'],
    ['a bigint', 10n, 'bigint'],
    ['a plain object', { message: 'leak me' }, 'Object'],
    ['a circular object', circular, 'Object'],
    ['a frozen object', Object.freeze({ a: 1 }), 'Object'],
    ['an object without prototype', Object.create(null) as object, 'Object'],
  ])('%s → generic 500', (_name, value, exceptionName) => {
    const outcome = failureOutcome(value, options, 'en');
    expect(outcome).toMatchObject({
      kind: 'failure',
      httpStatus: 500,
      code: 500,
      message: 'Internal server error',
      error: 'Internal Server Error',
    });
    expect(outcome.detail).toBeUndefined();
    expect(outcome.exception?.name).toBe(exceptionName);
  });

  it('survives a proxy whose every trap throws', () => {
    expect(failureOutcome(throwingGetters, options, 'en')).toMatchObject({
      httpStatus: 500,
      message: 'Internal server error',
    });
  });
});

/** The error body-parser's own JSON parser (strict, as Nest's Express adapter uses it) raises for `body`. */
async function bodyParserError(body: string): Promise<unknown> {
  // body-parser comes with @nestjs/platform-express; it has no types of its own.
  const bodyParser = createRequire(import.meta.url)('body-parser') as {
    json: () => (req: unknown, res: unknown, next: (error?: unknown) => void) => void;
  };
  const req = Object.assign(Readable.from([Buffer.from(body)]), {
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
  });
  return new Promise((resolve) => bodyParser.json()(req, {}, resolve));
}

describe('failureOutcome: a valid JSON body that strict mode refuses', () => {
  it.each([
    ['null', null, 'null'],
    ['"str"', 'str', 'a string'],
    [' 42', 42, 'a number'],
    ['true', true, 'a boolean'],
  ])('%s is "must be a JSON object", as a violation of the body', async (body, value, kind) => {
    const error = await bodyParserError(body);
    expect(error).toBeInstanceOf(SyntaxError); // the parser refused it
    for (const thrown of [error, new common.BadRequestException('x', { cause: error })]) {
      const outcome = failureOutcome(thrown, options, 'en');
      expect(outcome).toMatchObject({ httpStatus: 400, message: 'Request parameters are invalid' });
      expect(outcome.violations).toEqual([
        expect.objectContaining({
          location: 'body',
          path: [],
          constraint: 'isObject',
          message: `body must be a JSON object (got ${kind})`,
        }),
      ]);
      expect(outcome.violations?.[0].value).toEqual(typeof value === 'string' ? undefined : value);
    }
    // Nest 11 keeps only the parser's message
    const message = (error as Error).message;
    expect(failureOutcome(new common.BadRequestException(message), options, 'en').violations).toHaveLength(1);
  });

  it.each(['nul', '{"a":', '[1,', 'tru e', "'x'"])('%s stays malformed JSON', async (body) => {
    const error = await bodyParserError(body);
    expect(error).toBeInstanceOf(SyntaxError);
    expect(failureOutcome(error, options, 'en')).toMatchObject({ message: 'Malformed JSON in request body' });
    const message = (error as Error).message;
    expect(failureOutcome(new common.BadRequestException(message), options, 'en').violations).toBeUndefined();
  });
});
