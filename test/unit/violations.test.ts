import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsString, Length, Min, validate, ValidateNested } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { presentRejectedValue, REDACTED } from '../../src/render/rejected-value.js';
import { problemError, springError, wechatDetail } from '../../src/render/violations.renderer.js';
import { classValidatorViolations } from '../../src/validation/class-validator-violations.js';
import { standardSchemaViolations } from '../../src/validation/standard-schema-violations.js';
import { stripPrototypeKeys } from '../../src/validation/strip-prototype-keys.js';
import type { Violation } from '../../src/validation/violation.interface.js';
import { z } from 'zod';

class Line {
  @IsNotEmpty()
  @IsString()
  name!: string;

  @IsInt()
  @Min(1)
  qty!: number;
}

class Order {
  @IsIn(['CNY', 'USD'])
  currency!: string;

  @ValidateNested({ each: true })
  @Type(() => Line)
  lines!: Line[];

  @IsString({ each: true })
  tags!: string[];

  @Length(2, 4)
  code!: string;
}

const REDACT = ['password', /^secret/i];

async function violationsOf(raw: Record<string, unknown>, whitelist = false): Promise<Violation[]> {
  const errors = await validate(plainToInstance(Order, raw), { whitelist, forbidNonWhitelisted: whitelist });
  return classValidatorViolations(errors, { location: 'body', raw, prefix: [], objectName: 'Order' });
}

describe('classValidatorViolations', () => {
  it('flattens the tree in class-validator order, with numeric indexes, arguments, raw values and types', async () => {
    const raw = {
      currency: 'XYZ',
      lines: [
        { name: 'a', qty: 1 },
        { name: '', qty: '0' },
      ],
      tags: ['x', 2],
      code: 'toolong',
    };
    const violations = await violationsOf(raw);
    expect(violations.map((v) => [v.path, v.constraint, v.arguments, v.value, v.type])).toEqual([
      [['currency'], 'isIn', [['CNY', 'USD']], 'XYZ', 'String'],
      [['lines', 1, 'name'], 'isNotEmpty', [], '', 'String'],
      [['lines', 1, 'qty'], 'min', [1], '0', 'Number'],
      [['lines', 1, 'qty'], 'isInt', [], '0', 'Number'],
      [['tags'], 'isString', [], ['x', 2], 'Array'],
      [['code'], 'isLength', [2, 4], 'toolong', 'String'],
    ]);
    expect(violations.every((v) => v.location === 'body' && v.objectName === 'Order')).toBe(true);
  });

  it('turns whitelist errors into violations carrying the unknown value', async () => {
    const raw = { currency: 'CNY', lines: [], tags: [], code: 'ab', extra: { deep: 1 } };
    const violations = await violationsOf(raw, true);
    expect(violations).toEqual([
      expect.objectContaining({ path: ['extra'], constraint: 'whitelistValidation', value: { deep: 1 } }),
    ]);
  });

  it('prefixes paths of a partial body', async () => {
    const raw = { name: '', qty: 1 };
    const errors = await validate(plainToInstance(Line, raw));
    const [violation] = classValidatorViolations(errors, {
      location: 'body',
      raw,
      prefix: ['line'],
      objectName: 'Line',
    });
    expect(violation?.path).toEqual(['line', 'name']);
  });

  it('reports nestedValidation for a nested value that is not an object', async () => {
    const violations = await violationsOf({ currency: 'CNY', lines: 'nope', tags: [], code: 'ab' });
    expect(violations.map((v) => [v.path, v.constraint])).toEqual([[['lines'], 'nestedValidation']]);
  });
});

describe('standardSchemaViolations', () => {
  it('reads zod issues: path, code, arguments and the raw value', () => {
    const raw = { sku: 'A', lines: [{ qty: 0 }] };
    const schema = z.object({ sku: z.string().min(2), lines: z.array(z.object({ qty: z.number().positive() })) });
    const result = schema.safeParse(raw);
    expect(result.success).toBe(false);
    const violations = standardSchemaViolations(result.error!.issues, {
      location: 'body',
      raw,
      prefix: [],
      objectName: 'body',
    });
    expect(violations.map((v) => [v.path, v.constraint, v.arguments, v.value])).toEqual([
      [['sku'], 'too_small', [2], 'A'],
      [['lines', 0, 'qty'], 'too_small', [0], 0],
    ]);
  });

  it('accepts path segments given as { key }', () => {
    const [violation] = standardSchemaViolations([{ message: 'bad', path: [{ key: 'a' }, { key: 1 }] }], {
      location: 'query',
      raw: { a: ['x', 'y'] },
      prefix: [],
      objectName: 'query',
    });
    expect(violation).toMatchObject({ path: ['a', 1], value: 'y', constraint: 'invalid', arguments: [] });
  });
});

const base: Violation = {
  location: 'body',
  path: ['amount', 'currency'],
  value: 'XYZ',
  constraint: 'isIn',
  arguments: [['CNY', 'USD']],
  message: 'currency must be an ISO 4217 code',
  objectName: 'CreateOrderDto',
  type: 'String',
};

describe('wechatDetail', () => {
  it('renders the WeChat Pay example item', () => {
    expect(wechatDetail(base, REDACT)).toEqual({
      field: '/amount/currency',
      value: 'XYZ',
      issue: 'currency must be an ISO 4217 code',
      location: 'body',
    });
  });

  it('names path, query and header parameters; points into nested query objects', () => {
    expect(wechatDetail({ ...base, location: 'path', path: ['id'] }, REDACT).field).toBe('id');
    expect(wechatDetail({ ...base, location: 'query', path: ['page'] }, REDACT).field).toBe('page');
    expect(wechatDetail({ ...base, location: 'query', path: ['filter', 'from'] }, REDACT).field).toBe('/filter/from');
    expect(wechatDetail({ ...base, location: 'header', path: ['x-tenant-id'] }, REDACT).field).toBe('x-tenant-id');
  });

  it('redacts by any path segment, case-insensitively, and by pattern', () => {
    expect(wechatDetail({ ...base, path: ['Password'] }, REDACT).value).toBe(REDACTED);
    expect(wechatDetail({ ...base, path: ['secretKey', 'x'] }, REDACT).value).toBe(REDACTED);
    expect(wechatDetail({ ...base, path: ['user'], value: { name: 'a', PASSWORD: 'b' } }, REDACT).value).toEqual({
      name: 'a',
      PASSWORD: REDACTED,
    });
  });
});

describe('springError', () => {
  it('renders a FieldError with Spring key order, the field resolvable first, string arguments as resolvables', () => {
    const error = springError({ ...base, arguments: ['CNY', 2] }, REDACT);
    expect(Object.keys(error)).toEqual([
      'codes',
      'arguments',
      'defaultMessage',
      'objectName',
      'field',
      'rejectedValue',
      'bindingFailure',
      'code',
    ]);
    expect(error).toEqual({
      codes: ['IsIn.createOrderDto.amount.currency', 'IsIn.amount.currency', 'IsIn.currency', 'IsIn.String', 'IsIn'],
      arguments: [
        {
          codes: ['createOrderDto.amount.currency', 'amount.currency'],
          arguments: null,
          defaultMessage: 'amount.currency',
          code: 'amount.currency',
        },
        { codes: ['CNY'], arguments: null, defaultMessage: 'CNY', code: 'CNY' },
        2,
      ],
      defaultMessage: 'currency must be an ISO 4217 code',
      objectName: 'createOrderDto',
      field: 'amount.currency',
      rejectedValue: 'XYZ',
      bindingFailure: false,
      code: 'IsIn',
    });
  });

  it('writes a missing value as null and a secret as [REDACTED]', () => {
    expect(springError({ ...base, value: undefined }, REDACT).rejectedValue).toBeNull();
    expect(springError({ ...base, path: ['password'] }, REDACT).rejectedValue).toBe(REDACTED);
  });

  it('renders a violation of the whole object as an ObjectError', () => {
    expect(
      springError({ ...base, path: [], constraint: 'isObject', message: 'body must be a JSON object' }, REDACT),
    ).toEqual({
      codes: ['IsObject.createOrderDto', 'IsObject'],
      arguments: null,
      defaultMessage: 'body must be a JSON object',
      objectName: 'createOrderDto',
      code: 'IsObject',
    });
  });
});

describe('problemError', () => {
  it('uses URI-fragment pointers for the body, names elsewhere', () => {
    expect(problemError({ ...base, path: ['profile', 'color'] })).toEqual({
      detail: 'currency must be an ISO 4217 code',
      pointer: '#/profile/color',
    });
    expect(problemError({ ...base, location: 'query', path: ['page'] })).toEqual({
      detail: base.message,
      parameter: 'page',
    });
    expect(problemError({ ...base, location: 'header', path: ['x-a'] })).toEqual({
      detail: base.message,
      header: 'x-a',
    });
  });
});

describe('presentRejectedValue', () => {
  it('cuts long strings, long arrays, wide and deep objects', () => {
    expect(presentRejectedValue('x'.repeat(300), [])).toBe('x'.repeat(256) + '…');
    const long = presentRejectedValue(
      Array.from({ length: 25 }, (_, i) => i),
      [],
    ) as unknown[];
    expect(long).toHaveLength(21);
    expect(long[20]).toBe('… 5 more');
    const wide = presentRejectedValue(Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`k${i}`, i])), []);
    expect(Object.keys(wide as object)).toHaveLength(51);
    expect(presentRejectedValue({ a: { b: { c: { d: { e: { f: 1 } } } } } }, [])).toEqual({
      a: { b: { c: { d: { e: '…' } } } },
    });
    expect(presentRejectedValue(5n, [])).toBe(5n);
    expect(presentRejectedValue(null, [])).toBeNull();
  });
});

describe('stripPrototypeKeys', () => {
  it('removes __proto__, constructor and prototype own keys at any depth, and survives cycles and deep nesting', () => {
    const parsed = JSON.parse(
      '{"__proto__":{"x":1},"a":[{"constructor":{"prototype":{"y":1}},"ok":1}],"prototype":2}',
    ) as Record<string, unknown>;
    stripPrototypeKeys(parsed);
    expect(parsed).toEqual({ a: [{ ok: 1 }] });
    const cyclic: Record<string, unknown> = { ok: true };
    cyclic.self = cyclic;
    expect(() => stripPrototypeKeys(cyclic)).not.toThrow();
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 5_000; i++) deep = deep.next = {};
    expect(() => stripPrototypeKeys(root)).not.toThrow();
  });
});
