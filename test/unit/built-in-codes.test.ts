import { STATUS_CODES } from 'node:http';
import * as common from '@nestjs/common';
import { BadRequestException, HttpException, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { BusinessException, CustomStatusCodes, HttpStatusCodes, Seed003Codes } from '../../src/index.js';
import { resolveResponseOptions } from '../../src/options/resolve-options.js';
import { httpStatusMessage, isBuiltInHttpCode } from '../../src/codes/http-status.codes.js';
import { failureOutcome } from '../../src/outcome/failure-outcome.js';
import { reasonPhrase } from '../../src/outcome/http-status.js';

const options = resolveResponseOptions();

/** Every HttpException subclass @nestjs/common exports. */
const NEST_EXCEPTIONS = Object.values(common).filter(
  (value) => typeof value === 'function' && value.prototype instanceof HttpException,
) as unknown as (new () => HttpException)[];

describe('HttpStatusCodes', () => {
  it('has the RFC reason phrase (as Node knows it) as the English message of every status', () => {
    for (const definition of Object.values(HttpStatusCodes)) {
      expect(definition.status).toBe(definition.code);
      expect(definition.message.en).toBe(STATUS_CODES[definition.code]);
      expect(definition.message['zh-CN']).toMatch(/\p{Script=Han}/u);
    }
  });

  it("has the Chinese texts of the RESTful convention's status table", () => {
    expect(HttpStatusCodes.OK.message['zh-CN']).toBe('成功');
    expect(HttpStatusCodes.UNAUTHORIZED.message['zh-CN']).toBe('未登录');
    expect(HttpStatusCodes.NOT_FOUND.message).toEqual({ en: 'Not Found', 'zh-CN': '实体数据不存在' });
    expect(HttpStatusCodes.TOO_MANY_REQUESTS.message['zh-CN']).toBe('请求过于频繁');
    expect(HttpStatusCodes.INTERNAL_SERVER_ERROR.message['zh-CN']).toBe('服务层错误');
  });

  it('has a message for the status of every Nest exception, so none stays English in zh-CN', () => {
    expect(NEST_EXCEPTIONS.length).toBeGreaterThanOrEqual(20);
    for (const Exception of NEST_EXCEPTIONS) {
      const status = new Exception().getStatus();
      expect(httpStatusMessage(status), `status ${status}`).toBeDefined();
    }
  });

  it('is the only built-in catalogue exempt from duplicates', () => {
    expect(isBuiltInHttpCode(HttpStatusCodes.NOT_FOUND)).toBe(true);
    expect(isBuiltInHttpCode({ ...HttpStatusCodes.NOT_FOUND })).toBe(false);
    expect(isBuiltInHttpCode(CustomStatusCodes.TOO_EARLY)).toBe(false);
  });
});

describe('CustomStatusCodes', () => {
  it('has the custom statuses, each answering with its own number', () => {
    const codes = Object.values(CustomStatusCodes);
    expect(codes.map((definition) => definition.code)).toEqual([391, 419, 420, 425, 440, 494, 499, 590]);
    for (const definition of codes) expect(definition.status).toBe(definition.code);
    expect(CustomStatusCodes.PAGE_EXPIRED.message).toEqual({
      en: 'Page Expired',
      'zh-CN': '临时token已过期，请刷新页面',
    });
    expect(CustomStatusCodes.NO_ROWS_AVAILABLE.message).toEqual({
      en: 'No Rows Available',
      'zh-CN': '没有找到符合的数据',
    });
  });

  it('answers 391 with the redirect target as the message, and 499 with the conflicting information', () => {
    const redirect = failureOutcome(
      new BusinessException(CustomStatusCodes.FAILED_AND_SEE_OTHER, { params: { target: '/login' } }),
      options,
      'zh-CN',
    );
    expect(redirect).toMatchObject({ httpStatus: 391, code: 391, message: '/login', error: 'Failed And See Other' });
    const conflict = failureOutcome(
      new BusinessException(CustomStatusCodes.CONFLICT_WITH, { params: { info: 'order 7 was paid' } }),
      options,
      'en',
    );
    expect(conflict).toMatchObject({ httpStatus: 499, message: 'order 7 was paid', error: 'Conflict With' });
  });

  it('gives the custom statuses reason phrases; other 3xx business statuses are still a 500', () => {
    expect([419, 420, 440, 494, 590].map(reasonPhrase)).toEqual([
      'Page Expired',
      'Enhance Your Calm',
      'Login Time-out',
      'No Rows Available',
      'Exception',
    ]);
    expect(
      failureOutcome(new BusinessException({ code: 'X', status: 302, message: 'x' }), options, 'en').httpStatus,
    ).toBe(500);
  });

  it('is still exported under its former name, Seed003Codes (deprecated), as the same object', () => {
    expect(Seed003Codes).toBe(CustomStatusCodes);
    expect(CustomStatusCodes.PAGE_EXPIRED.catalogue).toBe('CustomStatusCodes');
  });
});

describe('failureOutcome localises the texts the module and Nest wrote, never the team’s', () => {
  it('tells a default text by its letters, whatever their case, and keeps a message that only starts like one', () => {
    expect(failureOutcome(new NotFoundException('NOT FOUND'), options, 'zh-CN').message).toBe('实体数据不存在');
    expect(failureOutcome(new NotFoundException('not found'), options, 'zh-CN').message).toBe('实体数据不存在');
    expect(failureOutcome(new NotFoundException('Not Found!'), options, 'zh-CN').message).toBe('Not Found!');
    expect(failureOutcome(new NotFoundException('Not Foun'), options, 'zh-CN').message).toBe('Not Foun');
    expect(failureOutcome(new NotFoundException('Order 7 not found'), options, 'zh-CN').message).toBe(
      'Order 7 not found',
    );
  });

  it('drops the query from Nest’s unknown-route text only', () => {
    expect(failureOutcome(new NotFoundException('Cannot GET /x?token=1'), options, 'en').message).toBe('Cannot GET /x');
    expect(failureOutcome(new NotFoundException('No order ?token=1'), options, 'en').message).toBe('No order ?token=1');
  });

  it('gives a status’s default text in the locale', () => {
    expect(failureOutcome(new NotFoundException(), options, 'zh-CN').message).toBe('实体数据不存在');
    expect(failureOutcome(new NotFoundException(), options, 'en').message).toBe('Not Found');
    expect(failureOutcome(new BadRequestException(), options, 'zh-CN').message).toBe('客户端错误');
    expect(failureOutcome(new HttpException('', 403), options, 'zh-CN').message).toBe('无权限访问');
    expect(failureOutcome(new HttpException("i'M a TeApOt", 418), options, 'zh-CN').message).toBe('我是茶壶');
    expect(failureOutcome(new common.MisdirectedException(), options, 'zh-CN').message).toBe(
      '请求发送到了错误的服务器',
    );
    // wrapping an Error: Nest would send the reason phrase, so it is a default text too
    expect(failureOutcome(new UnauthorizedException(new Error('jwt expired')), options, 'zh-CN').message).toBe(
      '未登录',
    );
  });

  it('keeps a message the exception was given, in every locale', () => {
    expect(failureOutcome(new NotFoundException('Order 7 not found'), options, 'zh-CN').message).toBe(
      'Order 7 not found',
    );
    expect(failureOutcome(new NotFoundException('Cannot GET /nope'), options, 'zh-CN').message).toBe(
      'Cannot GET /nope',
    );
    expect(failureOutcome(new BadRequestException(['a', 'b']), options, 'zh-CN').message).toBe('a; b');
  });

  it('gives the generic 500 and the request-reading errors in the locale', () => {
    expect(failureOutcome(new Error('db down'), options, 'zh-CN').message).toBe('服务层错误');
    expect(failureOutcome(new Error('db down'), options, 'en').message).toBe('Internal server error');
    const malformed = Object.assign(new SyntaxError('Unexpected token'), { status: 400, type: 'entity.parse.failed' });
    expect(failureOutcome(malformed, options, 'zh-CN').message).toBe('请求体中的 JSON 格式错误');
    const empty = Object.assign(new Error('empty'), { statusCode: 400, code: 'FST_ERR_CTP_EMPTY_JSON_BODY' });
    expect(failureOutcome(empty, options, 'zh-CN').message).toBe('请求体为空，但其 Content-Type 声明为 JSON');
    const tooLarge = Object.assign(new Error('too large'), { status: 413, type: 'entity.too.large' });
    expect(failureOutcome(tooLarge, options, 'zh-CN').message).toBe('请求体过大');
    const timeout = Object.assign(new Error('aborted'), { status: 408, type: 'request.aborted' });
    expect(failureOutcome(timeout, options, 'zh-CN').message).toBe('网络不稳定，请求超时');
  });

  it('keeps the reason phrase in `error` (a protocol name, like Spring’s) and falls back to English', () => {
    expect(failureOutcome(new NotFoundException(), options, 'zh-CN').error).toBe('Not Found');
    expect(failureOutcome(new NotFoundException(), options, 'ja').message).toBe('Not Found');
    expect(failureOutcome(new HttpException('', 509), options, 'zh-CN').message).toBe('Bandwidth Limit Exceeded');
  });
});
