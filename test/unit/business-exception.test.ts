import { HttpException, NotFoundException } from '@nestjs/common';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  BusinessException,
  type CodeDefinition,
  CustomStatusCodes,
  defineCodes,
  type MessageParams,
  type Placeholders,
} from '../../src/index.js';

const BookCodes = defineCodes(
  {
    NOT_FOUND: { code: 30010, status: 404, message: 'book {id} not found' },
    OUT_OF_PRINT: { code: 30011, status: 410, message: { 'zh-CN': '{title} 已绝版', en: '{title} is out of print' } },
    ON_LOAN: { code: 30012, status: 409, message: { 'zh-CN': '已借出：{title}，{days} 天后归还', ja: '貸出中' } },
    SHELF_FULL: { code: 30013, message: 'the shelf is full' },
  },
  { name: 'BookCodes' },
);

describe('BusinessException.message: the definition’s text, params filled in', () => {
  it('is what an app’s own filters, loggers and tests read', () => {
    const find = (id: number) => {
      throw new BusinessException(BookCodes.NOT_FOUND, { params: { id } });
    };
    expect(() => find(42)).toThrow('book 42 not found');
    expect(() => find(42)).toThrow(HttpException);
    try {
      find(7);
    } catch (error) {
      expect(error).toBeInstanceOf(BusinessException);
      expect((error as Error).message).toBe('book 7 not found');
      expect((error as Error).name).toBe('BusinessException');
      expect((error as Error).stack?.split('\n')[0]).toBe('BusinessException: book 7 not found');
    }
  });

  it('takes English, else the message’s only or first locale', () => {
    expect(new BusinessException(BookCodes.OUT_OF_PRINT, { params: { title: 'Dune' } }).message).toBe(
      'Dune is out of print',
    );
    expect(new BusinessException(BookCodes.ON_LOAN, { params: { title: '三体', days: 3 } }).message).toBe(
      '已借出：三体，3 天后归还',
    );
    const only = defineCodes({ X: { code: 1, message: { 'zh-CN': '库存不足' } } });
    expect(new BusinessException(only.X).message).toBe('库存不足');
  });

  it('uses a message override, with the params filled in', () => {
    const exception = new BusinessException(BookCodes.NOT_FOUND, { params: { id: 3 }, message: 'no book {id} here' });
    expect(exception.message).toBe('no book 3 here');
    expect(exception.messageOverride).toBe('no book {id} here');
  });

  it('never shows a raw {placeholder}, even when the compiler could not check the params', () => {
    const loose: CodeDefinition = BookCodes.NOT_FOUND; // typed loosely: no check
    expect(new BusinessException(loose).message).toBe('book not found');
    expect(new BusinessException(loose, { params: { id: { no: 'text' } } }).message).toBe('book not found');
  });
});

describe('BusinessException.getResponse(): a Nest-style body where ResponseModule is absent', () => {
  it('has statusCode, message, error and the business code', () => {
    expect(new BusinessException(BookCodes.NOT_FOUND, { params: { id: 42 } }).getResponse()).toEqual({
      statusCode: 404,
      message: 'book 42 not found',
      error: 'Not Found',
      code: 30010,
    });
    expect(new BusinessException(BookCodes.SHELF_FULL).getResponse()).toEqual({
      statusCode: 400,
      message: 'the shelf is full',
      error: 'Bad Request',
      code: 30013,
    });
    const redirect = new BusinessException(CustomStatusCodes.FAILED_AND_SEE_OTHER, { params: { target: '/login' } });
    expect(redirect.getResponse()).toEqual({
      statusCode: 391,
      message: '/login',
      error: 'Failed And See Other',
      code: 391,
    });
    expect(new BusinessException(BookCodes.SHELF_FULL, { status: 507 }).getStatus()).toBe(507);
    expect(new BusinessException(BookCodes.SHELF_FULL, { status: 507 }).getResponse()).toMatchObject({
      statusCode: 507,
      error: 'Insufficient Storage',
    });
  });
});

describe('the compiler requires the params a message’s placeholders name', () => {
  it('reads placeholders as interpolate does', () => {
    expectTypeOf<Placeholders<'book {id} of {shelf} not found'>>().toEqualTypeOf<'id' | 'shelf'>();
    expectTypeOf<Placeholders<'{a.b-c} {_x9} a{b2}'>>().toEqualTypeOf<'a.b-c' | '_x9' | 'b2'>();
    expectTypeOf<Placeholders<'use {} or { x } or {9x} or {"a":1} or {a b}'>>().toEqualTypeOf<never>();
    expectTypeOf<Placeholders<string>>().toEqualTypeOf<never>();
    expectTypeOf<MessageParams<typeof BookCodes.ON_LOAN>>().toEqualTypeOf<{
      readonly title: unknown;
      readonly days: unknown;
    }>();
    expectTypeOf<MessageParams<typeof BookCodes.SHELF_FULL>>().toEqualTypeOf<{}>(); // eslint-disable-line @typescript-eslint/no-empty-object-type
  });

  it('refuses a definition with placeholders and no params, wrong or extra keys; accepts the rest', () => {
    const loose: CodeDefinition = BookCodes.NOT_FOUND;
    const accepted = [
      new BusinessException(BookCodes.NOT_FOUND, { params: { id: 1 } }),
      new BusinessException(BookCodes.SHELF_FULL),
      new BusinessException(BookCodes.SHELF_FULL, { detail: { shelf: 3 } }),
      new BusinessException({ code: 'E1', message: 'plain' }),
      new BusinessException(loose),
    ];
    expect(accepted.map((exception) => exception.message)).toEqual([
      'book 1 not found',
      'the shelf is full',
      'the shelf is full',
      'plain',
      'book not found',
    ]);
    const refused = [
      // @ts-expect-error: 'book {id} not found' needs params
      new BusinessException(BookCodes.NOT_FOUND),
      // @ts-expect-error: options without params
      new BusinessException(BookCodes.NOT_FOUND, { detail: 1 }),
      // @ts-expect-error: the wrong key
      new BusinessException(BookCodes.NOT_FOUND, { params: { ids: 1 } }),
      // @ts-expect-error: a key the message does not have
      new BusinessException(BookCodes.NOT_FOUND, { params: { id: 1, shelf: 2 } }),
      // @ts-expect-error: a placeholder of another locale is missing
      new BusinessException(BookCodes.ON_LOAN, { params: { title: 'x' } }),
      // @ts-expect-error: an inline definition is checked too
      new BusinessException({ code: 'E2', message: 'order {id} is locked' }),
    ];
    // had the compiler been ignored, still no raw placeholder reaches a reader
    expect(refused.map((exception) => exception.message)).toEqual([
      'book not found',
      'book not found',
      'book not found',
      'book 1 not found',
      '已借出：x，天后归还',
      'order is locked',
    ]);
  });
});

describe('instanceof BusinessException', () => {
  class BookException extends BusinessException {
    readonly shelf = 3;
  }

  it('is plain instanceof, narrowing to BusinessException<CodeDefinition> or the subclass, never to any', () => {
    const thrown: unknown[] = [
      new BusinessException(BookCodes.SHELF_FULL),
      new BookException(BookCodes.SHELF_FULL),
      new NotFoundException(),
      new Error('x'),
      null,
    ];
    expect(thrown.map((value) => value instanceof BusinessException)).toEqual([true, true, false, false, false]);
    expect(thrown.map((value) => value instanceof BookException)).toEqual([false, true, false, false, false]);
    const [first, second] = thrown;
    if (first instanceof BusinessException) expectTypeOf(first).toEqualTypeOf<BusinessException>();
    if (second instanceof BookException) expectTypeOf(second).toEqualTypeOf<BookException>();
    expect(second instanceof BookException && second.shelf).toBe(3);
  });
});
