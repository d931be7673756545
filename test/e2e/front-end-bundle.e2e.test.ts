import { Body, Controller, Module, Post } from '@nestjs/common';
import { build, type BuildResult, type Plugin } from 'esbuild';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BusinessException, type CodeDefinition, ResponseModule } from '../../src/index.js';
import { ADAPTERS, createTestApp, type TestApp } from './harness.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** A team's catalogue, shared by its server and its front end, written against the package as a user would. */
const ORDER_CODES = `
import { defineCodes } from 'nest-envelope/codes';

export const OrderCodes = defineCodes(
  {
    OUT_OF_STOCK: { code: 10010, status: 409, message: { en: 'out of stock: {sku}', 'zh-CN': '库存不足：{sku}' } },
    ORDER_LOCKED: { code: 10011, status: 423, message: 'order {id} is locked' },
  },
  { name: 'OrderCodes' },
);
`;

/** The front end: the catalogue, a built-in one and the client. */
const FRONT_END = `
import { apiFetch, isApiError } from 'nest-envelope/client';
import { HttpStatusCodes } from 'nest-envelope/codes';
import { OrderCodes } from './orders.codes';

export { OrderCodes };

export async function buy(base: string, sku: string): Promise<string> {
  try {
    const order = await apiFetch<{ sku: string }>(base + '/orders', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sku }),
    });
    return 'bought ' + order.sku;
  } catch (error) {
    if (isApiError(error, OrderCodes.OUT_OF_STOCK)) return 'out of stock: ' + error.message;
    if (isApiError(error, OrderCodes.ORDER_LOCKED)) return 'locked: ' + error.message;
    if (isApiError(error, HttpStatusCodes.NOT_FOUND)) return 'no such route';
    throw error;
  }
}
`;

/** Every bare import fails, as in a front-end project without Nest; the package's entries are its sources. */
function frontEndProject(entries: Record<string, string>): Plugin {
  return {
    name: 'front-end-project',
    setup(build) {
      build.onResolve({ filter: /^nest-envelope(\/.*)?$/ }, ({ path }) =>
        path in entries
          ? { path: join(ROOT, entries[path]) }
          : { errors: [{ text: `${path} is not an entry this test maps` }] },
      );
      build.onResolve({ filter: /^[^./]/ }, ({ path, importer }) => ({
        errors: [{ text: `${path} is not installed here (imported by ${relative(ROOT, importer)})` }],
      }));
    },
  };
}

const ENTRIES = {
  'nest-envelope': 'src/index.ts',
  'nest-envelope/codes': 'src/codes/index.ts',
  'nest-envelope/client': 'src/client/index.ts',
};

async function bundle(dir: string, entry: string): Promise<BuildResult<{ metafile: true }>> {
  return build({
    entryPoints: [join(dir, entry)],
    outfile: join(dir, 'dist', 'front-end.mjs'),
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    metafile: true,
    logLevel: 'silent',
    plugins: [frontEndProject(ENTRIES)],
  });
}

interface FrontEnd {
  OrderCodes: { OUT_OF_STOCK: CodeDefinition; ORDER_LOCKED: CodeDefinition };
  buy(base: string, sku: string): Promise<string>;
}

describe('a front-end bundle of a shared catalogue and the client, with esbuild and no Nest installed', () => {
  let dir: string;
  let result: BuildResult<{ metafile: true }>;
  let frontEnd: FrontEnd;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nest-envelope-front-end-'));
    await mkdir(join(dir, 'src'));
    await writeFile(join(dir, 'src', 'orders.codes.ts'), ORDER_CODES);
    await writeFile(join(dir, 'src', 'main.ts'), FRONT_END);
    await writeFile(join(dir, 'src', 'server-only.ts'), `export { defineCodes } from 'nest-envelope';\n`);
    result = await bundle(dir, 'src/main.ts');
    frontEnd = (await import(pathToFileURL(join(dir, 'dist', 'front-end.mjs')).href)) as FrontEnd;
  }, 60_000);

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('builds with no error and no warning', () => {
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('holds the catalogue, the client and the pure modules they need, nothing of Nest', () => {
    const inputs = Object.keys(result.metafile.inputs).map((file) => relative(ROOT, join(process.cwd(), file)));
    const ours = inputs.filter((file) => !file.startsWith('..')).map((file) => file.split(sep).join('/'));
    expect(ours.length).toBeGreaterThan(5);
    expect(
      ours.filter(
        (file) => !/^src\/(codes|client|options)\//.test(file) && file !== 'src/signing/canonical-request.ts',
      ),
    ).toEqual([]);
    expect(ours.filter((file) => /exception|decorator|registry|\.module\./.test(file))).toEqual([]);
    expect(inputs.filter((file) => file.startsWith('..')).map((file) => file.split(sep).pop())).toEqual([
      'orders.codes.ts',
      'main.ts',
    ]);
  });

  it('would fail, naming Nest, for a file that imports the main entry (the check is real)', async () => {
    const failed = await bundle(dir, 'src/server-only.ts').then(
      () => undefined,
      (error: { errors: { text: string }[] }) => error.errors.map((problem) => problem.text),
    );
    expect(failed).toEqual(expect.arrayContaining([expect.stringMatching(/^@nestjs\/common is not installed here/)]));
  });

  describe.each(ADAPTERS)(
    'and the server throws BusinessException with the bundle’s own definitions, on %s',
    (adapter) => {
      let t: TestApp;
      let base: string;

      beforeAll(async () => {
        const { OrderCodes } = frontEnd;
        @Controller('orders')
        class OrdersController {
          @Post()
          buy(@Body() body: { sku: string }) {
            if (body.sku === 'SOLD')
              throw new BusinessException(OrderCodes.OUT_OF_STOCK, { params: { sku: body.sku } });
            if (body.sku === 'LOCK') throw new BusinessException(OrderCodes.ORDER_LOCKED, { params: { id: 7 } });
            return { sku: body.sku };
          }
        }
        @Module({ imports: [ResponseModule.forRoot({ codes: [OrderCodes] })], controllers: [OrdersController] })
        class ShopModule {}
        t = await createTestApp(adapter, [ShopModule], (app) => app.setGlobalPrefix('api'));
        await t.app.listen(0, '127.0.0.1');
        base = `http://127.0.0.1:${((t.app.getHttpServer() as Server).address() as AddressInfo).port}/api`;
      });
      afterAll(() => t.app.close());

      it('narrows each failure by the shared definition on the client', async () => {
        expect(await frontEnd.buy(base, 'TEA-1')).toBe('bought TEA-1');
        expect(await frontEnd.buy(base, 'SOLD')).toBe('out of stock: out of stock: SOLD');
        expect(await frontEnd.buy(base, 'LOCK')).toBe('locked: order 7 is locked');
        expect(await frontEnd.buy(`${base}/nowhere`, 'TEA-1')).toBe('no such route');
      });
    },
  );
});
