import { ServiceUnavailableException } from '@nestjs/common';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BusinessException, defineCodes } from '../../src/index.js';
import { MAX_CAUSE_DEPTH } from '../../src/http/thrown-description.js';
import { chaosAppModule, thrown } from '../fixtures/chaos.app.js';
import { ADAPTERS, createTestApp, type TestApp } from './harness.js';

const FRAME = /\n {4}at .+:\d+:\d+/;
const StoreCodes = defineCodes({ STORE_DOWN: { code: 'STORE_DOWN', status: 503, message: 'store unavailable' } });

class GetterTrap extends Error {
  override get name(): string {
    throw new Error('name getter');
  }
  override get message(): string {
    throw new Error('message getter');
  }
}

thrown.set('business-5xx', () => {
  const root = new Error('ECONNREFUSED 10.0.0.3:5432');
  const pool = new Error('pool exhausted', { cause: root });
  return new BusinessException(StoreCodes.STORE_DOWN, { cause: pool });
});
thrown.set('http-5xx-cause', () => new ServiceUnavailableException('later', { cause: new RangeError('quota') }));
thrown.set('getters', () => new GetterTrap());
thrown.set('stack-getter', () => {
  const error = new Error('stack hidden');
  Object.defineProperty(error, 'stack', {
    get() {
      throw new Error('stack getter');
    },
  });
  return error;
});
thrown.set('proxy', () => {
  const trap = () => {
    throw new Error('trap');
  };
  return new Proxy(new Error('inside'), { get: trap, getPrototypeOf: trap, has: trap, ownKeys: trap });
});
thrown.set('cycle', () => {
  const a = new Error('first');
  const b = new Error('second', { cause: a });
  Object.defineProperty(a, 'cause', { value: b });
  return a;
});
thrown.set('deep', () => {
  let error = new Error('level 0');
  for (let level = 1; level < 30; level++) error = new Error(`level ${level}`, { cause: error });
  return error;
});
thrown.set('cause-getter', () => {
  const error = new Error('outer');
  Object.defineProperty(error, 'cause', {
    get() {
      throw new Error('cause getter');
    },
  });
  return error;
});

describe.each(ADAPTERS)('the 5xx log on %s', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, [chaosAppModule({ codes: [StoreCodes] })], (app) => app.setGlobalPrefix('api'));
  });
  afterAll(() => t.app.close());

  /** The error entries one request adds to the log. */
  async function logOf(id: string, status: number) {
    const before = t.logger.entries.length;
    const res = await request(t.app.getHttpServer()).get(`/api/chaos/throw/${id}`).set('X-Request-Id', `rid-${id}`);
    expect(res.status).toBe(status);
    expect(res.text).not.toMatch(FRAME);
    const added = t.logger.entries.slice(before);
    expect(added.map((entry) => entry.level)).toEqual(['error']); // once, and nothing else
    return { line: added[0].message, detail: String(added[0].extra[0]) };
  }

  it('a 5xx BusinessException: one line with method, path, status, request id and code, then its cause chain', async () => {
    const { line, detail } = await logOf('business-5xx', 503);
    expect(line).toBe(
      'GET /api/chaos/throw/business-5xx 503 [requestId=rid-business-5xx] code=STORE_DOWN BusinessException',
    );
    expect(detail).toMatch(/^BusinessException: store unavailable\n {4}at /);
    expect(detail).toContain('\nCaused by: Error: pool exhausted\n    at ');
    expect(detail).toContain('\nCaused by: Error: ECONNREFUSED 10.0.0.3:5432\n    at ');
  });

  it('a 5xx HttpException with a cause: the cause is logged too', async () => {
    const { line, detail } = await logOf('http-5xx-cause', 503);
    expect(line).toContain('503 [requestId=rid-http-5xx-cause] code=503 ServiceUnavailableException');
    expect(detail).toContain('\nCaused by: RangeError: quota\n    at ');
  });

  it('getters that throw: the name says so, and the stack frames are kept', async () => {
    const { line, detail } = await logOf('getters', 500);
    expect(line).toContain('500 [requestId=rid-getters] code=500 <unreadable name>');
    expect(detail).toContain('<unreadable name>: <unreadable message> (stack without its header: a getter threw)');
    expect(detail).toMatch(FRAME);
    expect(detail).not.toMatch(/undefined|\[object Error\]/);
  });

  it('a stack getter that throws: name and message, and what happened to the stack', async () => {
    const { line, detail } = await logOf('stack-getter', 500);
    expect(line).toContain('code=500 Error');
    expect(detail).toBe('Error: stack hidden (stack unreadable: its getter threw)');
  });

  it('a Proxy whose traps throw: logged as a Proxy, nothing read from it', async () => {
    const { line, detail } = await logOf('proxy', 500);
    expect(line).toContain('code=500 Proxy');
    expect(detail).toContain('a Proxy');
  });

  it('a cause cycle is named and stopped; a long chain is cut at the bound', async () => {
    const cycle = await logOf('cycle', 500);
    expect(cycle.detail.match(/^Caused by:/gm)).toHaveLength(2);
    expect(cycle.detail).toContain('Caused by: Error: second');
    expect(cycle.detail).toContain('Caused by: … (a cycle: an error already shown above)');
    const deep = await logOf('deep', 500);
    expect(deep.detail.match(/^Caused by: Error: level/gm)).toHaveLength(MAX_CAUSE_DEPTH - 1);
    expect(deep.detail).toContain(`the chain goes on; ${MAX_CAUSE_DEPTH} errors shown`);
    const getter = await logOf('cause-getter', 500);
    expect(getter.detail).toMatch(/^Error: outer\n {4}at [\s\S]*\nCaused by: <unreadable cause: its getter threw>$/);
  });
});
