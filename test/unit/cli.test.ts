import { Module } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { AppModule } from '../../sample-app/src/app.module.js';
import { defineCodes, ResponseModule } from '../../src/index.js';
import { CLI_USAGE, CliUsageError, parseCliArgs } from '../../src/cli/cli-args.js';
import { runCli } from '../../src/cli/run-cli.js';
import { exitAfterOutput, stdoutToStderr } from '../../src/cli/process-output.js';

describe('parseCliArgs', () => {
  it.each([
    [['--help'], { kind: 'help' }],
    [['codes', 'x.js', '-h'], { kind: 'help' }],
    [
      ['codes', 'dist/app.module.js'],
      { kind: 'codes', file: 'dist/app.module.js', format: 'md', exportName: 'AppModule' },
    ],
    [['codes', '--format', 'json', 'a.js'], { kind: 'codes', file: 'a.js', format: 'json', exportName: 'AppModule' }],
    [
      ['codes', 'a.js', '--format=md', '--export=ShopModule'],
      { kind: 'codes', file: 'a.js', format: 'md', exportName: 'ShopModule' },
    ],
  ])('%j → %j', (argv, command) => {
    expect(parseCliArgs(argv)).toEqual(command);
  });

  it.each([
    [[], 'a command is needed (known: codes)'],
    [['list'], 'unknown command "list" (known: codes)'],
    [['--format', 'md'], 'unknown command undefined (known: codes)'],
    [['codes'], 'codes needs the module file, e.g. dist/app.module.js'],
    [['codes', 'a.js', 'b.js'], 'unexpected argument "b.js"'],
    [['codes', 'a.js', '--format', 'xml'], '--format must be md or json (got "xml")'],
    [['codes', 'a.js', '--format'], '--format needs a value'],
    [['codes', 'a.js', '--export', '--format', 'md'], '--export needs a value'],
    [['codes', 'a.js', '--verbose'], 'unknown option --verbose'],
  ])('%j is a usage error: %s', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(new CliUsageError(message));
  });
});

const DupA = defineCodes({ X: { code: 1, message: 'a' } }, { name: 'DupA' });
const DupB = defineCodes({ Y: { code: 1, message: 'b' } }, { name: 'DupB' });

@Module({ imports: [ResponseModule.forRoot({ codes: [DupA, DupB] })] })
class DuplicateModule {}

@Module({})
class BareModule {}

async function run(argv: string[], exported: Record<string, unknown> = { AppModule }) {
  const output = { out: '', err: '' };
  const code = await runCli(
    argv,
    { out: (text) => (output.out += text), err: (text) => (output.err += text) },
    (file) =>
      file === 'missing.js' ? Promise.reject(new Error(`Cannot find module ${file}`)) : Promise.resolve(exported),
  );
  return { code, ...output };
}

describe('runCli', () => {
  it('prints the sample app’s code table as Markdown and as JSON', async () => {
    const md = await run(['codes', 'app.module.js']);
    expect(md).toMatchObject({ code: 0, err: '' });
    const lines = md.out.split('\n');
    expect(lines[0]).toBe(
      '| code    | name                         | HTTP status | message (en)         | message (zh-CN)  | endpoints                                 |',
    );
    expect(lines).toContain(
      '| `10010` | `OrderCodes.OUT_OF_STOCK`    | 409         | out of stock: {sku}  | 库存不足：{sku}  | `POST /orders`                            |',
    );
    const json = await run(['codes', 'app.module.js', '--format', 'json']);
    const rows = JSON.parse(json.out) as { code: number; endpoints: string[] }[];
    expect(rows.map((row) => row.code)).toEqual([10000, 10001, 10002, 10010, 10011, 10012, 20000, 20001, 20010]);
    expect(rows.find((row) => row.code === 10012)?.endpoints).toEqual(['DELETE /orders/:id', 'GET /orders/:id']);
  });

  it('finds the module under another export name', async () => {
    const { code, out } = await run(['codes', 'shop.js', '--export', 'ShopModule'], { ShopModule: AppModule });
    expect(code).toBe(0);
    expect(out).toContain('`UserCodes.USER_NOT_FOUND`');
  });

  it('exits 1 with the registry’s error when the app has a duplicate code', async () => {
    const { code, out, err } = await run(['codes', 'dup.js'], { AppModule: DuplicateModule });
    expect({ code, out }).toEqual({ code: 1, out: '' });
    expect(err).toBe(
      'nest-envelope: CodeRegistry: a code must have one definition, but\n  - code 1 is defined by DupA.X and DupB.Y\n',
    );
  });

  it('exits 1 when the module cannot be loaded or has no ResponseModule', async () => {
    expect(await run(['codes', 'missing.js'])).toEqual({
      code: 1,
      out: '',
      err: 'nest-envelope: Cannot find module missing.js\n',
    });
    expect((await run(['codes', 'bare.js'], { AppModule: BareModule })).err).toBe(
      'nest-envelope: AppModule does not import ResponseModule: there is no CodeRegistry to print\n',
    );
  });

  it('exits 2 with the usage on a usage error, and 0 with it for --help', async () => {
    const missing = await run(['codes', 'x.js'], { Other: AppModule, helper: 1 });
    expect(missing).toEqual({
      code: 2,
      out: '',
      err: `nest-envelope: x.js has no export AppModule (it exports Other, helper); name the module with --export\n\n${CLI_USAGE}\n`,
    });
    expect((await run(['codes', 'x.js'], {})).err).toContain('(it exports nothing)');
    expect((await run(['frobnicate'])).code).toBe(2);
    expect(await run(['--help'])).toEqual({ code: 0, out: `${CLI_USAGE}\n`, err: '' });
    expect(await run([])).toEqual({
      code: 2,
      out: '',
      err: `nest-envelope: a command is needed (known: codes)\n\n${CLI_USAGE}\n`,
    });
  });
});

describe('the bin’s output: stdout for the table alone, then exit', () => {
  /** A stream that records what it is given and calls back later, as a pipe does. */
  function stream(log: string[], name: string) {
    return {
      write(text: string, done?: () => void) {
        log.push(`${name}:${text}`);
        if (done)
          setTimeout(() => {
            log.push(`${name}:flushed`);
            done();
          }, 5);
        return true;
      },
    } as unknown as NodeJS.WriteStream;
  }

  it('sends what others print to stderr, and exits with the code only once both streams took the output', async () => {
    const log: string[] = [];
    const proc = {
      stdout: stream(log, 'out'),
      stderr: stream(log, 'err'),
      exit: (code: number): never => {
        log.push(`exit:${code}`);
        return undefined as never;
      },
    };
    const stdout = stdoutToStderr(proc);
    proc.stdout.write('[Nest] listening on 3000\n');
    stdout.write('| code |\n');
    await exitAfterOutput(proc, stdout, 2);
    expect(log).toEqual([
      'err:[Nest] listening on 3000\n',
      'out:| code |\n',
      'out:',
      'err:',
      'out:flushed',
      'err:flushed',
      'exit:2',
    ]);
  });
});
