/**
 * What the HTTP benchmark and the profiler share: the server variants, the scenarios (each with a check of a
 * correct answer) and how a server process of `bench-server.ts` is started, pinned to core 0 where `taskset` exists.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * `bare-again` is a second, identical bare server: its ratio to bare is the noise floor of the run. `bare-id` is bare
 * Nest plus only an `X-Request-Id` header from `crypto.randomUUID()`: the floor any envelope with a request id has.
 */
export const ALL_VARIANTS = ['bare', 'bare-again', 'bare-id', 'minimal', 'module', 'module-spring'] as const;
export type Variant = (typeof ALL_VARIANTS)[number];
/** Variants answering with Nest's own bodies (no envelope). */
export const isBare = (variant: Variant): boolean =>
  variant === 'bare' || variant === 'bare-again' || variant === 'bare-id';
export const canPin = existsSync('/usr/bin/taskset') && cpus().length >= 2;

export interface Scenario {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  check: (variant: Variant, status: number, body: Record<string, unknown>) => boolean;
}

/**
 * `count` order lines with one violation each (qty 0): 600 of them (1 802 values, under the default `maxNodes` of
 * 2 000) reach the cap of 100 violations.
 */
function linesScenario(name: string, count: number): Record<string, Scenario> {
  const lines = Array.from({ length: count }, (_, index) => ({ sku: `SKU-${index}`, qty: 0 }));
  const shown = Math.min(count, 100);
  return {
    [name]: {
      method: 'POST',
      path: '/bench/lines',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lines }),
      check: (variant, status, body) => {
        if (status !== 400) return false;
        if (variant === 'module') return (body.details as unknown[]).length === shown;
        if (variant === 'module-spring') return (body.errors as unknown[]).length === shown;
        return variant === 'minimal' ? body.code === 400 : (body.message as unknown[]).length === count;
      },
    },
  };
}

export const ALL_SCENARIOS: Record<string, Scenario> = {
  'success 600 B': {
    method: 'GET',
    path: '/bench/order',
    check: (variant, status, body) =>
      status === 200 &&
      (isBare(variant)
        ? body.number === 'SO-2026-000007'
        : (body.data as { number?: string })?.number === 'SO-2026-000007'),
  },
  NotFoundException: {
    method: 'GET',
    path: '/bench/missing',
    check: (_variant, status, body) => status === 404 && (body.code === 404 || body.statusCode === 404),
  },
  'invalid body, 6 violations': {
    method: 'POST',
    path: '/bench/orders',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'nope', sku: 'x', qty: 0, currency: 'EUR', city: '', country: 'FR' }),
    check: (variant, status, body) => {
      if (status !== 400) return false;
      if (variant === 'module') return (body.details as unknown[]).length === 6;
      if (variant === 'module-spring') return (body.errors as unknown[]).length === 6;
      return variant === 'minimal' ? body.code === 400 : (body.message as unknown[]).length === 6;
    },
  },
  ...linesScenario('invalid lines, 2 (small body)', 2),
  ...linesScenario('invalid lines, 600 (maxViolations reached)', 600),
  'bigint, X-Stringify: 1': {
    method: 'GET',
    path: '/bench/big',
    headers: { 'x-stringify': '1' },
    check: (variant, status, body) => {
      const data = (isBare(variant) ? body : body.data) as { id?: unknown };
      return status === 200 && data?.id === '9007199254740993';
    },
  },
};

export interface Server {
  adapter: string;
  variant: Variant;
  url: string;
  process: ChildProcess;
}

export async function startServer(
  adapter: string,
  variant: Variant,
  extra: { nodeOptions?: string[]; env?: Record<string, string> } = {},
): Promise<Server> {
  const command = canPin ? 'taskset' : process.execPath;
  const node = [...(extra.nodeOptions ?? []), join(here, 'bench-server.js')];
  const args = canPin ? ['-c', '0', process.execPath, ...node] : node;
  const child = spawn(command, args, {
    env: { ...process.env, ...extra.env, ADAPTER: adapter, VARIANT: variant, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const ready = /READY (\S+)/.exec(chunk.toString());
      if (ready?.[1]) resolve(ready[1].replace('[::1]', '127.0.0.1'));
    });
    child.on('exit', (code) => reject(new Error(`${adapter}/${variant} exited with ${String(code)}`)));
  });
  return { adapter, variant, url, process: child };
}

/**
 * Runs `main` in this process pinned to core 1 (the load generator's core; servers get core 0): re-executes this
 * script under `taskset` once, where it exists.
 *
 * @example
 * await runPinnedToLoadCore(main);
 */
export async function runPinnedToLoadCore(main: () => Promise<void>): Promise<void> {
  if (!canPin || process.env.BENCH_PINNED) return main();
  const child = spawn('taskset', ['-c', '1', process.execPath, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_PINNED: '1' },
  });
  child.on('exit', (code) => process.exit(code ?? 1));
}
