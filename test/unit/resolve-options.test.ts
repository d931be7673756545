import { describe, expect, it } from 'vitest';
import { ResponseOptionsError, type ResponseOptions } from '../../src/index.js';
import { resolveResponseOptions } from '../../src/options/resolve-options.js';

describe('resolveResponseOptions', () => {
  it('gives the documented defaults for no options', () => {
    const options = resolveResponseOptions();
    expect(options.httpStatus).toBe('mirror');
    expect(options.success).toEqual({ code: 0, message: 'OK' });
    expect(options.successLayout).toEqual([
      ['code', 'code'],
      ['message', 'message'],
      ['data', 'data'],
    ]);
    expect(options.failureLayout.map(([field]) => field)).toEqual([
      'code',
      'message',
      'status',
      'error',
      'path',
      'timestamp',
      'requestId',
      'detail',
    ]);
    expect(options.outcome).toEqual({ success: 'success', failure: 'failure' });
    expect(options.format).toBe('envelope');
    expect(options.validation).toMatchObject({ style: 'wechat', status: 400, maxViolations: 100 });
    expect(options.validation.redact).toContain('password');
    expect(options.requestId.header).toBe('x-request-id');
    expect(options.int64).toEqual({ headers: ['x-stringify'], queries: ['_string'] });
    expect(options.locale).toEqual({ default: 'en', header: 'accept-language', known: ['en', 'zh-CN'] });
    expect(options.html).toBe(false);
    expect(options.debug).toBe(false);
    expect(options.timestamp(new Date('2026-11-22T08:00:00.000Z'))).toBe('2026-11-22T08:00:00.000Z');
  });

  it("takes Nest's ValidationPipe options for validation.pipe, as given, and false", () => {
    const exceptionFactory = () => new Error('x');
    const pipe = {
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      transformOptions: { enableImplicitConversion: true },
      groups: ['create'],
      errorHttpStatusCode: 422 as const,
      validateCustomDecorators: true,
      exceptionFactory,
      errorFormat: 'grouped' as const,
    };
    expect(resolveResponseOptions({ validation: { pipe } }).validation.pipe).toEqual(pipe);
    expect(resolveResponseOptions({ validation: { pipe: false } }).validation.pipe).toBe(false);
    expect(resolveResponseOptions().validation.pipe).toEqual({});
  });

  it('takes one int64 name or several: headers lower-cased, queries as written, duplicates dropped', () => {
    expect(resolveResponseOptions({ int64: { header: 'X-Big', query: 'str' } }).int64).toEqual({
      headers: ['x-big'],
      queries: ['str'],
    });
    expect(
      resolveResponseOptions({
        int64: { header: ['X-Stringify', 'x-stringify', 'X-Int64-As-String'], query: ['_string', '_stringify', 'Str'] },
      }).int64,
    ).toEqual({ headers: ['x-stringify', 'x-int64-as-string'], queries: ['_string', '_stringify', 'Str'] });
  });

  it('accepts forRoot() with undefined, and an empty object', () => {
    expect(resolveResponseOptions(undefined).success.code).toBe(0);
    expect(resolveResponseOptions({}).success.code).toBe(0);
  });

  it('renames fields and keeps the configured order (HTTP always 200, status_id)', () => {
    const options = resolveResponseOptions({
      fields: { code: 'status_id', outcome: 'status' },
      successFields: ['code', 'outcome', 'message', 'data'],
    });
    expect(options.successLayout).toEqual([
      ['code', 'status_id'],
      ['outcome', 'status'],
      ['message', 'message'],
      ['data', 'data'],
    ]);
  });

  it('adds requestId to success bodies for requestId.inSuccessBody, once', () => {
    expect(resolveResponseOptions({ requestId: { inSuccessBody: true } }).successLayout.map(([f]) => f)).toEqual([
      'code',
      'message',
      'data',
      'requestId',
    ]);
    const listed = resolveResponseOptions({ successFields: ['requestId', 'data'], requestId: { inSuccessBody: true } });
    expect(listed.successLayout.map(([f]) => f)).toEqual(['requestId', 'data']);
  });

  it('lowercases header names and lists the success message locales among the known ones', () => {
    const options = resolveResponseOptions({
      requestId: { header: 'X-Trace-Id' },
      success: { message: { ja: 'OK', en: 'OK' } },
      locale: { default: 'zh-CN' },
    });
    expect(options.requestId.header).toBe('x-trace-id');
    expect(options.locale.known).toEqual(['zh-CN', 'en', 'ja']);
  });

  const bad: [string, unknown, string][] = [
    ['an unknown top-level key', { sucess: {} }, '"sucess" is not an option'],
    ['an unknown nested key', { success: { cod: 1 } }, 'success.cod is not an option'],
    [
      'a bad httpStatus',
      { httpStatus: 'always-201' },
      'httpStatus must be one of "mirror", "always-200" (got "always-201")',
    ],
    [
      'a non-finite success code',
      { success: { code: Number.NaN } },
      'success.code must be a finite number or a non-empty string',
    ],
    [
      'an empty success message map',
      { success: { message: {} } },
      'success.message must be a string or a non-empty map',
    ],
    ['a non-string localised message', { success: { message: { en: 1 } } }, 'success.message.en must be a string'],
    ['a bad locale key', { success: { message: { 'not a tag': 'x' } } }, 'must be keyed by a BCP 47 locale tag'],
    ['an unknown field', { fields: { cod: 'x' } }, 'fields.cod is not an option'],
    ['an empty wire name', { fields: { code: '' } }, 'fields.code must be a non-empty string'],
    ['an unknown field in a list', { successFields: ['code', 'body'] }, 'successFields[1] must be one of'],
    ['a field listed twice', { failureFields: ['code', 'code'] }, 'failureFields[1] is listed twice'],
    ['a field list that is not an array', { failureFields: 'code' }, 'failureFields must be an array of fields'],
    [
      'two fields on one wire name',
      { fields: { message: 'code' } },
      'fields.code and fields.message share the wire name "code"',
    ],
    ['a wire name reserved for validation', { fields: { detail: 'errors' } }, 'reserved member name "errors"'],
    ['an empty outcome text', { outcome: { success: '', failure: 'x' } }, 'outcome.success must be a non-empty string'],
    [
      'a status key out of range',
      { statusCodes: { 200: 'OK' } },
      'statusCodes.200 must be keyed by an HTTP error status',
    ],
    [
      'an empty status code name',
      { statusCodes: { 400: '' } },
      'statusCodes.400 must be a finite number or a non-empty string',
    ],
    ['a bad format', { format: 'xml' }, 'format must be one of'],
    [
      'problem+json with always-200',
      { format: 'problem+json', httpStatus: 'always-200' },
      "format 'problem+json' needs httpStatus 'mirror'",
    ],
    [
      'a bad validation style',
      { validation: { style: 'google' } },
      'validation.style must be one of "wechat", "spring"',
    ],
    ['a bad validation status', { validation: { status: 409 } }, 'validation.status must be one of 400, 422'],
    [
      'a zero maxViolations',
      { validation: { maxViolations: 0 } },
      'validation.maxViolations must be a positive integer',
    ],
    [
      'a fractional maxViolations',
      { validation: { maxViolations: 1.5 } },
      'validation.maxViolations must be a positive integer',
    ],
    [
      'a bad redact entry',
      { validation: { redact: ['password', 3] } },
      'validation.redact[1] must be a non-empty string or a RegExp',
    ],
    [
      'a typo in the pipe options',
      { validation: { pipe: { whiteList: true } } },
      'validation.pipe.whiteList is not an option',
    ],
    [
      'a non-boolean pipe flag',
      { validation: { pipe: { transform: 'yes' } } },
      'validation.pipe.transform must be a boolean',
    ],
    [
      'pipe groups that are not strings',
      { validation: { pipe: { groups: ['a', 1] } } },
      'validation.pipe.groups must be an array of strings',
    ],
    [
      'a pipe status that is no failure',
      { validation: { pipe: { errorHttpStatusCode: 302 } } },
      'validation.pipe.errorHttpStatusCode must be an HTTP status from 400 to 599',
    ],
    [
      'an exceptionFactory that is no function',
      { validation: { pipe: { exceptionFactory: 'x' } } },
      'validation.pipe.exceptionFactory must be a function',
    ],
    [
      'transformOptions that are no object',
      { validation: { pipe: { transformOptions: true } } },
      'validation.pipe.transformOptions must be an object',
    ],
    [
      'an unknown errorFormat',
      { validation: { pipe: { errorFormat: 'tree' } } },
      'validation.pipe.errorFormat must be one of',
    ],
    [
      'forbidNonWhitelisted without whitelist',
      { validation: { pipe: { forbidNonWhitelisted: true } } },
      'needs validation.pipe.whitelist: true',
    ],
    ['codes that are not catalogues', { codes: [1] }, 'codes must be an array of catalogues'],
    [
      'a request id header with a space',
      { requestId: { header: 'X Request' } },
      'requestId.header must be a valid HTTP header name',
    ],
    [
      'a generator that is not a function',
      { requestId: { generate: 'uuid' } },
      'requestId.generate must be a function',
    ],
    [
      'a non-boolean inSuccessBody',
      { requestId: { inSuccessBody: 'yes' } },
      'requestId.inSuccessBody must be a boolean',
    ],
    [
      'a timestamp pattern without tokens',
      { timestamp: { format: 'today' } },
      "timestamp.format must be 'iso', 'epoch-ms' or a pattern",
    ],
    [
      'a timestamp pattern with letters that are no token',
      { timestamp: { format: 'YYYY-MM-DD hh:mm A' } },
      `timestamp.format must be 'iso', 'epoch-ms' or a pattern of YYYY MM DD HH mm ss SSS Z ZZ: "hh", "A" are not date tokens; put literal text in brackets, as in '[at] HH:mm' (got "YYYY-MM-DD hh:mm A")`,
    ],
    [
      "a timestamp pattern in another library's letters",
      { timestamp: { format: 'yyyy-MM-dd' } },
      '"yyyy", "dd" are not date tokens',
    ],
    [
      'a timestamp pattern with an unclosed literal',
      { timestamp: { format: '[at HH:mm' } },
      '"at" is not a date token; put literal text in brackets',
    ],
    [
      'an unknown time zone',
      { timestamp: { timeZone: 'Mars/Olympus' } },
      'timestamp.timeZone must be an IANA time zone',
    ],
    ['an empty int64 query name', { int64: { query: '' } }, 'int64.query must be a non-empty string'],
    ['an empty list of int64 query names', { int64: { query: [] } }, 'int64.query must be a name or a non-empty array'],
    ['an empty name in a list', { int64: { query: ['_string', ' '] } }, 'int64.query[1] must be a non-empty string'],
    ['a hole in a list of names', { int64: { query: ['_string', undefined] } }, 'int64.query[1] must be a name'],
    ['a number as an int64 header', { int64: { header: ['x-stringify', 1] } }, 'int64.header[1] must be a non-empty'],
    [
      'a bad int64 header name',
      { int64: { header: ['x-stringify', 'x stringify'] } },
      'int64.header[1] must be a valid',
    ],
    ['an int64 option that is not one', { int64: { headers: ['x-big'] } }, 'int64.headers is not an option'],
    ['a bad default locale', { locale: { default: 'english please' } }, 'locale.default must be a BCP 47 locale tag'],
    ['a non-boolean debug', { debug: 1 }, 'debug must be a boolean (got 1)'],
    ['a non-boolean html', { html: 'on' }, 'html must be a boolean'],
    ['options that are not an object', 'strict', 'options must be an object'],
    ['a section that is not an object', { timestamp: 'iso' }, 'timestamp must be an object'],
  ];

  it.each(bad)('refuses %s with an error naming the option', (_name, input, message) => {
    expect(() => resolveResponseOptions(input as ResponseOptions)).toThrow(ResponseOptionsError);
    expect(() => resolveResponseOptions(input as ResponseOptions)).toThrow(message);
  });

  it('accepts a pattern whose only letters are tokens, [literals] and non-ASCII text', () => {
    const format = "YYYY年MM月DD日 HH:mm [o'clock] ZZ";
    const options = resolveResponseOptions({ timestamp: { format, timeZone: 'Asia/Shanghai' } });
    expect(options.timestamp(new Date('2026-11-22T08:00:05Z'))).toBe("2026年11月22日 16:00 o'clock +0800");
  });
});
