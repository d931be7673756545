import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPackage } from '../support/installed-package.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');

/** A module with a duplicate code, written as a user's built file would be (plain ESM, no decorators). */
const DUPLICATE_MODULE = `
import { Module } from '@nestjs/common';
import { defineCodes, ResponseModule } from 'nest-envelope';
const A = defineCodes({ TAKEN: { code: 10010, message: 'taken' } }, { name: 'CatalogueA' });
const B = defineCodes({ GONE: { code: 10010, message: 'gone' } }, { name: 'CatalogueB' });
export class AppModule {}
Module({ imports: [ResponseModule.forRoot({ codes: [A, B] })] })(AppModule);
`;

/** One catalogue, as a CommonJS app's build has it (`require`, a .cjs file). */
const COMMONJS_MODULE = `
const { Module } = require('@nestjs/common');
const { defineCodes, ResponseModule } = require('nest-envelope');
const A = defineCodes({ TAKEN: { code: 10010, message: 'taken' } }, { name: 'CatalogueA' });
class AppModule {}
Module({ imports: [ResponseModule.forRoot({ codes: [A] })] })(AppModule);
exports.AppModule = AppModule;
`;

/** The same, as an ES module with top-level await (which require() could not load). */
const AWAITING_MODULE = `
import { Module } from '@nestjs/common';
import { defineCodes, ResponseModule } from 'nest-envelope';
const A = await Promise.resolve(defineCodes({ TAKEN: { code: 10010, message: 'taken' } }, { name: 'CatalogueA' }));
export class AppModule {}
Module({ imports: [ResponseModule.forRoot({ codes: [A] })] })(AppModule);
`;

/** A built main file that starts the app's server when imported, and exports the module as well. */
const SERVER_MODULE = `
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
const app = await NestFactory.create(AppModule, { rawBody: true });
await app.listen(0, '127.0.0.1');
console.log('server listening');
export { AppModule };
`;

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The package as a user's app has it: built into node_modules/nest-envelope, its dependencies next to it, the
 * sample app built beside. Built once for the file; the CLI then runs as `npx nest-envelope` would run it.
 */
describe('the nest-envelope CLI, built and run with node', () => {
  let home: string;
  let bin: string;

  beforeAll(async () => {
    const installed = await installPackage('nest-envelope-cli-');
    home = installed.home;
    await writeFile(join(home, 'app', 'duplicate.module.js'), DUPLICATE_MODULE);
    await writeFile(join(home, 'app', 'commonjs.module.cjs'), COMMONJS_MODULE);
    await writeFile(join(home, 'app', 'awaiting.module.js'), AWAITING_MODULE);
    await writeFile(join(home, 'app', 'server.js'), SERVER_MODULE);
    bin = join(installed.pkg, installed.manifest.bin['nest-envelope']);
  }, 60_000);

  afterAll(() => rm(home, { recursive: true, force: true }));

  async function cli(...args: string[]): Promise<Result> {
    try {
      // A CLI that does not exit is killed, and fails the test with code null.
      const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
        cwd: home,
        timeout: 30_000,
        env: { ...process.env, PORT: '0' },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it('prints the sample app’s code table, as docs/codes.md shows it', async () => {
    const readme = await readFile(join(ROOT, 'docs', 'codes.md'), 'utf8');
    const shown = /<!-- codes:sample-app:start -->\n\n([\s\S]*?)\n<!-- codes:sample-app:end -->/.exec(readme)?.[1];
    const result = await cli('codes', 'app/app.module.js');
    expect(result).toEqual({ code: 0, stdout: shown, stderr: '' });
    expect(result.stdout).toContain(
      '| `10010` | `OrderCodes.OUT_OF_STOCK`    | 409         | out of stock: {sku}  | 库存不足：{sku}  |',
    );
  });

  it('prints it as JSON', async () => {
    const result = await cli('codes', 'app/app.module.js', '--format', 'json', '--export', 'AppModule');
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as { code: number; name: string; status: number | null }[];
    expect(rows).toHaveLength(9);
    expect(rows[3]).toEqual({
      code: 10010,
      name: 'OrderCodes.OUT_OF_STOCK',
      status: 409,
      message: { en: 'out of stock: {sku}', 'zh-CN': '库存不足：{sku}' },
      endpoints: ['POST /orders'],
    });
  });

  it('fails with exit code 1 naming both definitions of a duplicate code', async () => {
    expect(await cli('codes', 'app/duplicate.module.js')).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'nest-envelope: CodeRegistry: a code must have one definition, but\n' +
        '  - code 10010 is defined by CatalogueA.TAKEN and CatalogueB.GONE\n',
    });
  });

  // The CLI is CommonJS (the package's one implementation) and loads the app with Node's own import(): it finds
  // the app's CodeRegistry (one class for both), whatever the app's module format.
  it.each(['app/commonjs.module.cjs', 'app/awaiting.module.js'])('prints the table of %s', async (file) => {
    const result = await cli('codes', file);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\| `10010` \| `CatalogueA\.TAKEN` \| 400 +\| taken/m);
  });

  it('prints and exits when the module file starts a server at import, stdout holding the table alone', async () => {
    const result = await cli('codes', 'app/server.js', '--format', 'json');
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as unknown[]).length).toBe(9);
    expect(result.stderr).toContain('server listening');
    expect(result.stderr).toContain('Nest application successfully started');
  }, 40_000);

  it('exits 2 when given the sample app’s main file, which starts a server and exports no module', async () => {
    const result = await cli('codes', 'app/main.js');
    expect(result).toMatchObject({ code: 2, stdout: '' });
    // the server's own start-up lines may come before or after: they go to stderr too
    expect(result.stderr).toMatch(/^nest-envelope: app\/main\.js has no export AppModule \(it exports nothing\)/m);
  }, 40_000);

  it('exits 2 with the usage on stderr when given no arguments, 0 with it on stdout for --help', async () => {
    const none = await cli();
    expect(none).toMatchObject({ code: 2, stdout: '' });
    expect(none.stderr).toMatch(/^nest-envelope: a command is needed \(known: codes\)\n\nUsage: nest-envelope codes /);
    const help = await cli('--help');
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(/^Usage: nest-envelope codes /);
  });

  it('fails with exit code 2 and the usage on a usage error', async () => {
    const result = await cli('codes');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^nest-envelope: codes needs the module file.*\n\nUsage: nest-envelope codes <module-file>/s,
    );
  });
});
