import { describe, expect, it } from 'vitest';
import {
  POSTFIX_ERROR_CODE,
  springErrorCode,
  springField,
  springMessageCodes,
  springObjectName,
  toDelimitedString,
} from '../../src/validation/spring-message-codes.js';

// Spring's DefaultMessageCodesResolverTests, every case (REFERENCES §1.4); TestBean's type name is its FQCN there.
const TEST_BEAN = 'org.springframework.beans.testfixture.beans.TestBean';

describe("springMessageCodes: Spring's DefaultMessageCodesResolverTests", () => {
  it('shouldResolveMessageCode', () => {
    expect(springMessageCodes('errorCode', 'objectName')).toEqual(['errorCode.objectName', 'errorCode']);
  });

  it('shouldResolveFieldMessageCode', () => {
    expect(springMessageCodes('errorCode', 'objectName', 'field', TEST_BEAN)).toEqual([
      'errorCode.objectName.field',
      'errorCode.field',
      `errorCode.${TEST_BEAN}`,
      'errorCode',
    ]);
  });

  it('shouldResolveIndexedFieldMessageCode', () => {
    expect(springMessageCodes('errorCode', 'objectName', 'a.b[3].c[5].d', TEST_BEAN)).toEqual([
      'errorCode.objectName.a.b[3].c[5].d',
      'errorCode.objectName.a.b[3].c.d',
      'errorCode.objectName.a.b.c.d',
      'errorCode.a.b[3].c[5].d',
      'errorCode.a.b[3].c.d',
      'errorCode.a.b.c.d',
      'errorCode.d',
      `errorCode.${TEST_BEAN}`,
      'errorCode',
    ]);
  });

  it('shouldResolveMessageCodeWithPrefix', () => {
    expect(springMessageCodes('errorCode', 'objectName', undefined, undefined, { prefix: 'prefix.' })).toEqual([
      'prefix.errorCode.objectName',
      'prefix.errorCode',
    ]);
  });

  it('shouldResolveFieldMessageCodeWithPrefix', () => {
    expect(springMessageCodes('errorCode', 'objectName', 'field', TEST_BEAN, { prefix: 'prefix.' })).toEqual([
      'prefix.errorCode.objectName.field',
      'prefix.errorCode.field',
      `prefix.errorCode.${TEST_BEAN}`,
      'prefix.errorCode',
    ]);
  });

  it('shouldSupportNullPrefix', () => {
    expect(springMessageCodes('errorCode', 'objectName', 'field', TEST_BEAN, { prefix: '' })).toEqual([
      'errorCode.objectName.field',
      'errorCode.field',
      `errorCode.${TEST_BEAN}`,
      'errorCode',
    ]);
  });

  it('shouldSupportMalformedIndexField', () => {
    expect(springMessageCodes('errorCode', 'objectName', 'field[', TEST_BEAN)).toEqual([
      'errorCode.objectName.field[',
      'errorCode.field[',
      `errorCode.${TEST_BEAN}`,
      'errorCode',
    ]);
  });

  it('shouldSupportNullFieldType', () => {
    expect(springMessageCodes('errorCode', 'objectName', 'field', undefined)).toEqual([
      'errorCode.objectName.field',
      'errorCode.field',
      'errorCode',
    ]);
  });

  it('shouldSupportPostfixFormat', () => {
    expect(springMessageCodes('errorCode', 'objectName', undefined, undefined, { format: POSTFIX_ERROR_CODE })).toEqual(
      ['objectName.errorCode', 'errorCode'],
    );
  });

  it('shouldSupportFieldPostfixFormat', () => {
    expect(springMessageCodes('errorCode', 'objectName', 'field', TEST_BEAN, { format: POSTFIX_ERROR_CODE })).toEqual([
      'objectName.field.errorCode',
      'field.errorCode',
      `${TEST_BEAN}.errorCode`,
      'errorCode',
    ]);
  });

  it('shouldSupportCustomFormat', () => {
    const format = (errorCode: string, objectName?: string, field?: string) =>
      toDelimitedString(`CUSTOM-${errorCode}`, objectName, field);
    expect(springMessageCodes('errorCode', 'objectName', undefined, undefined, { format })).toEqual([
      'CUSTOM-errorCode.objectName',
      'CUSTOM-errorCode',
    ]);
  });

  it("the resolver's Javadoc example (typeMismatch on user.groups[0].name)", () => {
    expect(springMessageCodes('typeMismatch', 'user', 'groups[0].name', 'java.lang.String')).toEqual([
      'typeMismatch.user.groups[0].name',
      'typeMismatch.user.groups.name',
      'typeMismatch.groups[0].name',
      'typeMismatch.groups.name',
      'typeMismatch.name',
      'typeMismatch.java.lang.String',
      'typeMismatch',
    ]);
  });

  it('DESIGN §4 example (IsNotEmpty on createOrderDto.items[0].name)', () => {
    expect(springMessageCodes('IsNotEmpty', 'createOrderDto', 'items[0].name', 'String')).toEqual([
      'IsNotEmpty.createOrderDto.items[0].name',
      'IsNotEmpty.createOrderDto.items.name',
      'IsNotEmpty.items[0].name',
      'IsNotEmpty.items.name',
      'IsNotEmpty.name',
      'IsNotEmpty.String',
      'IsNotEmpty',
    ]);
  });

  it('a trailing index (a.tags[0]) strips cumulatively and keeps the last segment alone', () => {
    expect(springMessageCodes('code', 'obj', 'a.tags[0]', 'type')).toEqual([
      'code.obj.a.tags[0]',
      'code.obj.a.tags',
      'code.a.tags[0]',
      'code.a.tags',
      'code.tags[0]',
      'code.tags',
      'code.type',
      'code',
    ]);
  });

  it('never produces a partially stripped middle variant', () => {
    expect(springMessageCodes('e', 'o', 'a.b[3].c[5].d')).not.toContain('e.a.b.c[5].d');
  });
});

describe('Spring notation helpers', () => {
  it('writes fields with dots and bracketed indexes', () => {
    expect(springField(['items', 0, 'name'])).toBe('items[0].name');
    expect(springField(['matrix', 1, 2])).toBe('matrix[1][2]');
    expect(springField(['a.b', 'c'])).toBe('a.b.c');
    expect(springField([])).toBe('');
  });

  it('derives object names and error codes', () => {
    expect(springObjectName('CreateOrderDto')).toBe('createOrderDto');
    expect(springErrorCode('isNotEmpty')).toBe('IsNotEmpty');
    expect(springErrorCode('whitelistValidation')).toBe('WhitelistValidation');
  });
});
