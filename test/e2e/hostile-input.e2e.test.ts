import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseOptions } from '../../src/index.js';
import { hostileAppModule, setUpHostileApp } from '../fixtures/hostile.app.js';
import { NEST_MAJOR } from '../nest-version.js';
import { ADAPTERS, createTestApp, type TestApp } from './harness.js';

// Standard Schema bodies (`@Body({ schema })`) exist from Nest 12 on; on Nest 11 the zod route validates nothing.
const BODY_PATHS = NEST_MAJOR >= 12 ? ['/api/hostile/orders', '/api/hostile/zod'] : ['/api/hostile/orders'];

// Work bounded before it is spent (points 7–9) and secrets that never echo (10–12), in an app shaped like a real
// one: a global prefix, with the module's pipe or the app's own global ValidationPipe, in all three styles.
const SECRET = 'hunter2-secret';
const STYLES: Record<string, ResponseOptions> = {
  wechat: {},
  spring: { validation: { style: 'spring' } },
  'problem+json': { format: 'problem+json' },
};
const MATRIX = ADAPTERS.flatMap((adapter) =>
  Object.keys(STYLES).flatMap((style) => [true, false].map((ownPipe) => ({ adapter, style, ownPipe }))),
);
const BODY_BOUND = 64 * 1024;

/** The violations of an answer whatever its style, as `{ field, message, value }`. */
function violationsOf(
  style: string,
  body: Record<string, unknown>,
): { field: string; message: string; value?: unknown }[] {
  if (style === 'spring') {
    return (body.errors as Record<string, unknown>[]).map((e) => ({
      field: typeof e.field === 'string' ? e.field : '',
      message: String(e.defaultMessage),
      value: e.rejectedValue,
    }));
  }
  if (style === 'problem+json') {
    return (body.errors as Record<string, unknown>[]).map((e) => ({
      field: String(e.pointer ?? e.parameter ?? e.header),
      message: String(e.detail),
    }));
  }
  return (body.details as Record<string, unknown>[]).map((d) => ({
    field: String(d.field),
    message: String(d.issue),
    value: d.value,
  }));
}

describe.each(MATRIX)('hostile input on $adapter, $style, own pipe: $ownPipe', ({ adapter, style, ownPipe }) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, [hostileAppModule(STYLES[style])], setUpHostileApp(ownPipe), {
      bodyLimit: 2 * 1024 * 1024,
    });
  });
  afterAll(() => t.app.close());
  const http = () => request(t.app.getHttpServer());
  const json = (path: string, body: string) => http().post(path).set('Content-Type', 'application/json').send(body);
  const noErrorLogs = () => expect(t.logger.of('error')).toEqual([]);

  it('7: 33 000 empty items (99 KB) are refused before any validator runs: 413 naming maxNodes', async () => {
    for (const path of BODY_PATHS) {
      const body = JSON.stringify({ name: 'abc', items: new Array(33_000).fill({}) });
      expect(body.length).toBeGreaterThan(98_000);
      const res = await json(path, body);
      expect(res.status).toBe(413);
      const [violation, ...rest] = violationsOf(style, res.body);
      expect(rest).toEqual([]);
      expect(violation.message).toBe('body holds more than 2000 values');
    }
    // Under the budget, the body is validated as before
    const fine = await json('/api/hostile/orders', JSON.stringify({ name: 'abc', items: new Array(100).fill({}) }));
    expect(fine.status).toBe(400);
    expect(violationsOf(style, fine.body)).toHaveLength(style === 'problem+json' ? 100 : 100);
    noErrorLogs();
  });

  it('8: 3 000 levels of arrays or objects answer 400 naming maxDepth, without an ERROR log', async () => {
    const arrays = `{"name":"a","items":${'['.repeat(3000)}${']'.repeat(3000)}}`;
    const objects = `{"name":"a","items":[${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}]}`;
    for (const path of BODY_PATHS) {
      for (const body of [arrays, objects, '['.repeat(3000) + ']'.repeat(3000)]) {
        const res = await json(path, body);
        expect(res.status, `${path} ${body.slice(0, 30)}`).toBe(400);
        const [violation] = violationsOf(style, res.body);
        expect(violation.message).toBe('body is nested deeper than 32 levels');
        expect(res.text.length).toBeLessThan(BODY_BOUND);
      }
    }
    noErrorLogs();
  });

  it('9: a 900 KB key and long values give a small body; a slow redaction pattern sees cut keys', async () => {
    const key = 'k'.repeat(900_000);
    const huge = await json('/api/hostile/orders', JSON.stringify({ name: { [key]: 'v'.repeat(300_000) } }));
    expect(huge.status).toBe(400);
    expect(huge.text.length).toBeLessThan(BODY_BOUND);
    // 500 items, each rejected with a long key and value: capped by count and by size
    const items = Array.from({ length: 500 }, (_, i) => ({ name: { [`${'q'.repeat(900)}${i}`]: 'v'.repeat(1000) } }));
    const many = await json('/api/hostile/orders', JSON.stringify({ name: 'a', items }));
    expect(many.status).toBe(400);
    expect(many.text.length).toBeLessThan(BODY_BOUND);
    expect(many.body.omittedViolations).toBeGreaterThanOrEqual(400);
    noErrorLogs();
  });

  it('10, 11: secrets named like secrets are redacted in values and messages, in body, query, path and headers', async () => {
    const names = ['access_token', 'api_key', 'client_secret', 'newPassword', 'privateKey', 'session_token'];
    const login = Object.fromEntries(names.map((name) => [name, `${SECRET}-${name}`]));
    const answers = [
      await http()
        .post('/api/hostile/login')
        .send({ ...login, monkey: 'banana' }),
      await http().get('/api/hostile/login').query(login),
      await http().get(`/api/hostile/sessions/${SECRET}`),
      await http().get('/api/hostile/headers').set('X-API-Key', SECRET).set('X-Auth-Token', SECRET),
      ...(NEST_MAJOR >= 12
        ? [await http().post('/api/hostile/zod').send({ access_token: SECRET, client_secret: SECRET })]
        : []),
    ];
    for (const res of answers) {
      expect(res.status).toBe(400);
      // A secret sent in the URL path is echoed by `path` (`instance`), the request as sent: only the violations are checked
      expect(JSON.stringify(violationsOf(style, res.body))).not.toContain(SECRET);
      if (res !== answers[2]) expect(res.text).not.toContain(SECRET);
      for (const violation of violationsOf(style, res.body)) {
        if (violation.value === undefined || violation.value === null || violation.message.startsWith('monkey'))
          continue;
        expect(violation.value).toBe('[REDACTED]');
      }
    }
    const [body] = answers;
    const messages = violationsOf(style, body.body).map((v) => v.message);
    expect(messages).toContain('newPassword [REDACTED] is too short');
    expect(messages).toContain('monkey banana is too short'); // a monkey is no key
    if (style !== 'problem+json') {
      const monkey = violationsOf(style, body.body).find((v) => v.message.startsWith('monkey'));
      expect(monkey?.value).toBe('banana');
    }
  });

  it('12: a 404 message drops the query, as path does, also on the HTML page', async () => {
    const res = await http().get(`/api/nope?access_token=${SECRET}&x=1`);
    expect(res.status).toBe(404);
    expect(res.text).not.toContain(SECRET);
    expect(style === 'problem+json' ? res.body.detail : res.body.message).toBe('Cannot GET /api/nope');
  });
});

describe.each(ADAPTERS)('the limits and redaction options on %s', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(
      adapter,
      [
        hostileAppModule({
          html: true,
          validation: { maxNodes: 50, maxDepth: 3, alsoRedact: [/^mon/, /.*secret/i], neverRedact: ['session_token'] },
        }),
      ],
      setUpHostileApp(true),
      { bodyLimit: 1024 * 1024 },
    );
  });
  afterAll(() => t.app.close());
  const http = () => request(t.app.getHttpServer());

  it('maxNodes and maxDepth are the options', async () => {
    const wide = await http()
      .post('/api/hostile/orders')
      .send({ name: 'a', items: new Array(60).fill({}) });
    expect(wide.status).toBe(413);
    expect(wide.body.details[0]).toMatchObject({ field: '', issue: 'body holds more than 50 values' });
    const deep = await http()
      .post('/api/hostile/orders')
      .send({ name: 'a', items: [{ name: { a: 1 } }] });
    expect(deep.status).toBe(400);
    expect(deep.body.details[0]).toMatchObject({
      field: '/items/0/name',
      issue: 'body is nested deeper than 3 levels',
    });
    const fine = await http()
      .post('/api/hostile/orders')
      .send({ name: 'a', items: [{ name: 'b' }] });
    expect(fine.status).toBe(201);
  });

  it('alsoRedact adds to the default list, neverRedact spares a name', async () => {
    const res = await http()
      .post('/api/hostile/login')
      .send({ monkey: 'banana', session_token: 'abc', api_key: SECRET });
    const values = Object.fromEntries(
      (res.body.details as { field: string; value: unknown }[]).map((d) => [d.field, d.value]),
    );
    expect(values).toEqual({ '/api_key': '[REDACTED]', '/monkey': '[REDACTED]', '/session_token': 'abc' });
    expect(res.text).not.toContain(SECRET);
  });

  it('a 150 KB key under a pattern like /.*secret/i: no pattern runs on it, its value is redacted', async () => {
    const key = 'k'.repeat(150_000);
    const started = performance.now();
    const res = await http()
      .post('/api/hostile/orders')
      .send({ name: { [key]: 1, [`${key}secret`]: SECRET } });
    expect(res.status).toBe(400);
    expect(performance.now() - started).toBeLessThan(4000); // uncut: 30 s of backtracking
    expect(res.body.detail.value).toEqual({ [`${'k'.repeat(128)}…`]: '[REDACTED]' });
    expect(res.text).not.toContain(SECRET);
  });

  it('the HTML 404 page drops the query too', async () => {
    const res = await http().get(`/api/nope?access_token=${SECRET}`).set('Accept', 'text/html');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('Cannot GET /api/nope');
    expect(res.text).not.toContain(SECRET);
  });
});
