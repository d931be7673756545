import { Readable } from 'node:stream';
import {
  Controller,
  Get,
  Head,
  Header,
  Module,
  NotFoundException,
  Redirect,
  Res,
  StreamableFile,
  UseGuards,
  type CanActivate,
} from '@nestjs/common';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseModule } from '../../src/index.js';
import { ADAPTERS, createTestApp, type TestApp } from './harness.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** One object for every response, as an app keeps its constant headers: the id must never be stored in it. */
const SHARED_HEAD = { 'content-type': 'text/plain' };

type RawResponse = {
  statusCode: number;
  setHeader(name: string, value: string): void;
  writeHead(status: number, fields?: unknown): void;
  end(body?: string): void;
};
/** The Node response under either adapter's reply object. */
const rawOf = (res: { raw?: RawResponse } & RawResponse): RawResponse => res.raw ?? res;

class Refuse implements CanActivate {
  canActivate(): boolean {
    return false;
  }
}

abstract class BaseController {
  @Get('inherited')
  inherited() {
    return { from: 'base' };
  }
}

@Controller('every')
class EveryResponseController extends BaseController {
  @Get('ok')
  ok() {
    return { ok: true };
  }

  @Get('thrown')
  thrown() {
    throw new NotFoundException('no such order');
  }

  @Get('guarded')
  @UseGuards(Refuse)
  guarded() {
    return { never: true };
  }

  @Get('stream')
  stream() {
    return new StreamableFile(Readable.from(['a', 'b']), { type: 'text/plain' });
  }

  @Get('redirect')
  @Redirect('/every/ok', 302)
  redirect() {
    return undefined;
  }

  @Head('head')
  head() {
    return undefined;
  }

  @Get('own-id')
  @Header('X-Request-Id', 'chosen-by-handler')
  ownId() {
    return { own: true };
  }

  @Get('raw-end')
  rawEnd(@Res() res: { raw?: RawResponse } & RawResponse) {
    const raw = rawOf(res);
    raw.statusCode = 202;
    raw.end('written by hand');
  }

  @Get('raw-head')
  rawHead(@Res() res: { raw?: RawResponse } & RawResponse) {
    const raw = rawOf(res);
    raw.writeHead(200, SHARED_HEAD);
    raw.end('shared head');
  }

  @Get('raw-own-id')
  rawOwnId(@Res() res: { raw?: RawResponse } & RawResponse) {
    const raw = rawOf(res);
    raw.writeHead(200, { 'x-request-id': 'from-the-raw-head' });
    raw.end();
  }
}

@Module({ imports: [ResponseModule.forRoot()], controllers: [EveryResponseController] })
class EveryResponseModule {}

describe.each(ADAPTERS)('the request id header on every kind of response on %s', (adapter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(adapter, [EveryResponseModule], (app) => app.setGlobalPrefix('api'));
  });
  afterAll(() => t.app.close());
  const http = () => request(t.app.getHttpServer());

  it.each([
    ['a routed success', 'get', '/api/every/ok', 200],
    ['an inherited route', 'get', '/api/every/inherited', 200],
    ['a thrown HttpException', 'get', '/api/every/thrown', 404],
    ['a guard refusal', 'get', '/api/every/guarded', 403],
    ['an unknown route', 'get', '/api/nowhere', 404],
    ['a stream', 'get', '/api/every/stream', 200],
    ['a redirect', 'get', '/api/every/redirect', 302],
    ['a HEAD route', 'head', '/api/every/head', 200],
    ['a HEAD of a GET route', 'head', '/api/every/ok', 200],
    ['a response the handler ended on the raw response', 'get', '/api/every/raw-end', 202],
    ['a raw head with a shared fields object', 'get', '/api/every/raw-head', 200],
  ] as const)('carries a generated id on %s', async (_name, method, path, status) => {
    const res = await http()[method](path).buffer(true);
    expect(res.status).toBe(status);
    expect(res.headers['x-request-id']).toMatch(UUID);
  });

  it('echoes an acceptable incoming id on a stream and on a hand-written response', async () => {
    for (const path of ['/api/every/stream', '/api/every/raw-end', '/api/every/raw-head']) {
      const res = await http().get(path).set('X-Request-Id', 'trace-7').buffer(true);
      expect(res.headers['x-request-id']).toBe('trace-7');
    }
  });

  it('never stores one request id in a fields object the app shares between responses', async () => {
    const first = await http().get('/api/every/raw-head').buffer(true);
    const second = await http().get('/api/every/raw-head').buffer(true);
    expect(first.headers['x-request-id']).not.toBe(second.headers['x-request-id']);
    expect(SHARED_HEAD).toEqual({ 'content-type': 'text/plain' });
  });

  it("keeps the handler's own request id header, once", async () => {
    for (const [path, id] of [
      ['/api/every/own-id', 'chosen-by-handler'],
      ['/api/every/raw-own-id', 'from-the-raw-head'],
    ]) {
      const res = await http().get(path).buffer(true);
      expect(res.headers['x-request-id']).toBe(id);
      const { rawHeaders } = (res as unknown as { res: { rawHeaders: string[] } }).res;
      const names = rawHeaders.filter((_value, index) => index % 2 === 0);
      expect(names.filter((name) => name.toLowerCase() === 'x-request-id')).toHaveLength(1);
    }
  });

  it('gives each response its own id', async () => {
    const ids = await Promise.all(
      ['/api/every/ok', '/api/every/thrown', '/api/nowhere', '/api/every/raw-end'].map(
        async (path) => (await http().get(path).buffer(true)).headers['x-request-id'],
      ),
    );
    expect(new Set(ids).size).toBe(4);
  });
});
