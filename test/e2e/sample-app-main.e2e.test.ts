import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPackage } from '../support/installed-package.js';
import { ADAPTERS } from './harness.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
/** The origin the docs give for the sample app (PORT unset). */
const DOCUMENTED = '127.0.0.1:3000';

/** Starts `node main.js` on a free port and resolves with everything it printed once it printed its last line. */
function start(main: string, adapter: string): Promise<{ child: ChildProcess; printed: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', ADAPTER: adapter };
  delete env.HOST; // the default host, whatever this shell has set
  const child = spawn(process.execPath, [main], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let printed = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      // The two signed lines come last.
      if ((printed.match(/^ {2}curl .*X-Signature/gm) ?? []).length === 2) resolve({ child, printed });
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`the sample app exited (${code}) before it was ready: ${errors}`)));
  });
}

const shell = async (line: string) => (await run('sh', ['-c', line], { timeout: 10_000 })).stdout;

/** The docs' expected JSON, with "…" standing for a value that varies (timestamps, request ids). */
function matchesDocumented(actual: unknown, documented: unknown): boolean {
  if (documented === '…') return actual !== undefined;
  if (typeof documented !== 'object' || documented === null) return Object.is(actual, documented);
  if (typeof actual !== 'object' || actual === null || Array.isArray(actual) !== Array.isArray(documented)) {
    return false;
  }
  const keys = Object.keys(documented);
  if (JSON.stringify(Object.keys(actual)) !== JSON.stringify(keys)) return false;
  return keys.every((key) =>
    matchesDocumented((actual as Record<string, unknown>)[key], (documented as Record<string, unknown>)[key]),
  );
}

/** The curl lines of docs/sample-app.md, each with the first line of the answer the docs show for it. */
async function documentedLines(): Promise<{ line: string; answer: string }[]> {
  const page = await readFile(join(ROOT, 'docs', 'sample-app.md'), 'utf8');
  const fence = /```sh\n([\s\S]*?)```/.exec(page)?.[1] ?? '';
  const lines = fence.split('\n');
  return lines.flatMap((line, index) =>
    line.startsWith('curl ') ? [{ line, answer: (lines[index + 1] ?? '').replace(/^# /, '') }] : [],
  );
}

describe('the sample app as `npm start` runs it: where it listens is where the docs and its own lines point', () => {
  let home: string;
  let main: string;
  beforeAll(async () => {
    ({ home, sampleMain: main } = await installPackage('nest-envelope-sample-'));
  }, 120_000);
  afterAll(() => rm(home, { recursive: true, force: true }));

  it('documents one origin everywhere: the README, CONTRIBUTING and docs/sample-app.md', async () => {
    for (const file of ['README.md', 'CONTRIBUTING.md', join('docs', 'sample-app.md')]) {
      const text = await readFile(join(ROOT, file), 'utf8');
      expect(text, file).toContain(`http://${DOCUMENTED}`);
      expect(text, file).not.toMatch(/localhost:3000/);
    }
  });

  describe.each(ADAPTERS)('on %s', (adapter) => {
    let child: ChildProcess | undefined;
    let printed = '';
    let origin = '';
    beforeAll(async () => {
      ({ child, printed } = await start(main, adapter));
      origin = /sample app on \w+ \(VALIDATION_STYLE=\w+\): (\S+)/.exec(printed)?.[1] ?? '';
    }, 30_000);
    afterAll(() => {
      child?.kill('SIGTERM');
    });

    it('listens on the loopback address it prints, with the real port', () => {
      expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(origin).not.toBe('http://127.0.0.1:0');
    });

    it('answers the curl lines it prints, run by curl itself', async () => {
      const lines = printed
        .split('\n')
        .filter((line) => line.startsWith('  curl -s ') && !/ -N | -OJ /.test(line))
        .map((line) => line.trim());
      expect(lines.length).toBeGreaterThanOrEqual(12);
      for (const line of lines) {
        expect(line, line).toContain(origin);
        expect((await shell(line)).length, line).toBeGreaterThan(0);
      }
    });

    it('answers the curl lines of docs/sample-app.md as the docs show', async () => {
      const documented = await documentedLines();
      expect(documented.length).toBeGreaterThanOrEqual(9);
      for (const { line, answer } of documented) {
        expect(line, line).toContain(DOCUMENTED);
        const output = await shell(line.replace(DOCUMENTED, origin.replace('http://', '')));
        if (answer.startsWith('{') && !line.includes('head -c')) {
          const actual = JSON.parse(output) as unknown;
          expect(matchesDocumented(actual, JSON.parse(answer)), `${line}\n${output}`).toBe(true);
        } else {
          // Text answers: their first line (Nest opens an event stream with an empty one).
          const first = output.split('\n').find((text) => text !== '');
          expect(first, line).toBe(answer.replace(/ {2,}\(.*\)$/, ''));
        }
      }
    });
  });
});
