import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { bothInt64Forms, holdsInt64, referencedSchemas, rewriteInt64 } from '../../src/swagger/int64-schema.js';

const ajv = new Ajv({ strict: false, validateFormats: false });
type Json = ReturnType<typeof JSON.parse>;

describe('bothInt64Forms', () => {
  const schema = bothInt64Forms({
    type: 'integer',
    format: 'int64',
    minimum: 1,
    example: 7,
    description: 'the id',
  }) as Json;

  it('accepts what the serializer writes for a bigint, in either mode, and nothing else', () => {
    const validate = ajv.compile(schema);
    // The oracle: JSON.stringify of the bigint's digits, as a number and as a string.
    const big = 9_007_199_254_740_993n;
    expect(validate(JSON.parse(big.toString()))).toBe(true);
    expect(validate(JSON.parse(JSON.stringify(big.toString())))).toBe(true);
    expect(validate((-big).toString())).toBe(true);
    for (const wrong of ['9007199254740993x', '', '1.5', 1.5, null, true]) expect(validate(wrong)).toBe(false);
  });

  it('keeps the description and example outside, the numeric bounds with the integer', () => {
    expect(schema.description).toBe('the id');
    expect(schema.example).toBe(7);
    expect(schema.type).toBeUndefined();
    expect(schema.oneOf[0]).toEqual({ type: 'integer', format: 'int64', minimum: 1 });
    expect(schema.oneOf[1]).toMatchObject({ type: 'string', pattern: '^-?[0-9]+$' });
  });
});

describe('rewriteInt64', () => {
  it('finds int64 in properties, items, allOf and additionalProperties, leaves other integers alone', () => {
    const id = { type: 'integer', format: 'int64' };
    const schema: Json = {
      allOf: [
        {
          type: 'object',
          properties: {
            ids: { type: 'array', items: { ...id } },
            byName: { type: 'object', additionalProperties: { ...id } },
            count: { type: 'integer', format: 'int32' },
          },
        },
      ],
    };
    expect(rewriteInt64(schema)).toBe(true);
    const properties = schema.allOf[0].properties;
    expect(properties.ids.items.oneOf).toHaveLength(2);
    expect(properties.byName.additionalProperties.oneOf).toHaveLength(2);
    expect(properties.count).toEqual({ type: 'integer', format: 'int32' });
  });

  it('may run twice over an object two places share: no form inside a form', () => {
    const shared: Json = { type: 'object', properties: { id: { type: 'integer', format: 'int64' } } };
    rewriteInt64(shared);
    const once = JSON.stringify(shared);
    expect(rewriteInt64(shared)).toBe(true);
    expect(JSON.stringify(shared)).toBe(once);
  });

  it('says false for a schema without int64 and does not follow a $ref', () => {
    expect(rewriteInt64({ type: 'object', properties: { n: { type: 'integer' } } })).toBe(false);
    expect(rewriteInt64({ $ref: '#/components/schemas/Order' })).toBe(false);
  });
});

describe('referencedSchemas and holdsInt64', () => {
  const components: Json = {
    Order: {
      type: 'object',
      properties: { id: { type: 'integer', format: 'int64' }, owner: { $ref: '#/components/schemas/User' } },
    },
    User: { type: 'object', properties: { friend: { $ref: '#/components/schemas/User' } } }, // a cycle
    Plain: { type: 'object', properties: { n: { type: 'number' } } },
  };

  it('follows $refs transitively, through a cycle, to schemas that exist', () => {
    const schema = { type: 'array', items: { $ref: '#/components/schemas/Order' } } as Json;
    expect([...referencedSchemas(schema, components)].sort()).toEqual(['Order', 'User']);
    expect(referencedSchemas({ $ref: '#/components/schemas/Missing' }, components).size).toBe(0);
  });

  it('tells whether a schema reaches an int64, changing nothing', () => {
    const before = JSON.stringify(components);
    expect(holdsInt64({ items: { $ref: '#/components/schemas/Order' } } as Json, components)).toBe(true);
    expect(holdsInt64({ $ref: '#/components/schemas/Plain' }, components)).toBe(false);
    expect(holdsInt64({ type: 'integer', format: 'int64' }, components)).toBe(true);
    expect(JSON.stringify(components)).toBe(before);
  });
});
