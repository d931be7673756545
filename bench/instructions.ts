/**
 * Instructions per request, counted by valgrind's callgrind in the server process only (user space, every thread),
 * for each adapter × variant × scenario, several runs each: the median, the min–max and the ratio to bare Nest of the
 * same adapter and scenario, for all instructions and for all but those of V8's JIT compilers and major GC (the steady
 * state: a tier-up during the counted requests is paid once, not per request, and a mark-compact falls in some windows
 * and not in others). Unlike req/s and CPU time, an instruction count does not move when other processes share the
 * machine; V8 runs with `--predictable` (single-threaded, deterministic compilation; GC on the main thread).
 *
 *   npm run bench:instructions                      # everything: 2 adapters × 3 variants × 6 scenarios × 3 runs
 *   npm run bench:instructions -- --adapters fastify --variants module --scenarios success --runs 1
 *   npm run bench:instructions -- --jobs 3                  # three runs at a time (the counts do not move)
 *
 * Each run: a fresh server under callgrind (instrumentation off), a warm-up in rounds, instrumentation on for the counted
 * requests only, off, dump. No GC is forced before counting: after a forced mark-compact V8 compiled 345 k per request
 * again in the window (optimised code whose weak references had died), after a forced scavenge 30 k. `--keep DIR`
 * keeps each run's callgrind file and the server's output, marked where counting starts and stops (with `--node-args`
 * adding `--trace-gc`, it shows which collections fell in the window). Valgrind is installed with apt-get when missing
 * (as root). Writes a Markdown table to bench/results/instructions-<date>.md and prints it.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { ALL_SCENARIOS, type Scenario, type Variant } from './bench-scenarios.js';
import { readCallgrindCosts } from './callgrind-costs.js';

const here = dirname(fileURLToPath(import.meta.url));

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] !== undefined ? process.argv[index + 1] : fallback;
}
// Scenario names hold ", " ('invalid lines, 2 (small body)'): a list is split only at commas without a space after.
const list = (name: string, fallback: string) =>
  option(name, fallback)
    .split(/,(?! )/)
    .filter(Boolean);

const ADAPTERS = list('adapters', 'express,fastify');
/** `bare` always runs: it is the denominator. */
const VARIANTS = [...new Set(['bare', ...list('variants', 'bare-id,module')])] as Variant[];
const SCENARIO_NAMES = Object.keys(ALL_SCENARIOS).filter((name) =>
  list('scenarios', Object.keys(ALL_SCENARIOS).join(',')).some((wanted) => name.startsWith(wanted)),
);
const RUNS = Number(option('runs', '3'));
const JOBS = Number(option('jobs', '1'));
const WARM = Number(option('warm', '6000'));
/**
 * The warm-up comes in rounds, each on new connections: the first new set of sockets after the first load deoptimises
 * Node's HTTP and stream functions (wrong map), and with one warm-up round their re-optimisation (synchronous under
 * `--predictable`) fell into the counted requests: about 45 % of the count was TurboFan compiling.
 */
const WARM_ROUNDS = Number(option('warm-rounds', '6'));
const REQUESTS = Number(option('requests', '1000'));
/**
 * `--no-memory-reducer`: V8's memory reducer starts full GCs by timer once allocation slows (between load rounds,
 * longer on a loaded machine), so that how much of a major GC falls in the window depended on the machine's load.
 */
const NODE_ARGS = option('node-args', '--predictable --no-memory-reducer').split(' ').filter(Boolean);
/** `--keep DIR`: each run's callgrind file and server output (see the file header). */
const KEEP = option('keep', '');

function ensureValgrind(): void {
  try {
    execFileSync('valgrind', ['--version'], { stdio: 'ignore' });
  } catch {
    if (process.getuid?.() !== 0) throw new Error('valgrind is not installed: apt-get install -y valgrind');
    process.stderr.write('installing valgrind…\n');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'valgrind'], { stdio: 'inherit' });
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function load(url: string, scenario: Scenario, amount: number): Promise<void> {
  const result = await autocannon({
    url: url + scenario.path,
    method: scenario.method,
    headers: scenario.headers,
    body: scenario.body,
    connections: 4,
    amount,
    // Under callgrind a request of the 1 000-line body takes seconds: autocannon's 10 s default would cut it.
    timeout: 300,
  });
  if (result.errors > 0 || result.timeouts > 0) throw new Error(`${result.errors} errors, ${result.timeouts} timeouts`);
}

async function check(url: string, name: string, scenario: Scenario, variant: Variant): Promise<void> {
  const response = await fetch(url + scenario.path, {
    method: scenario.method,
    headers: scenario.headers,
    body: scenario.body,
  });
  const body = (await response.json()) as Record<string, unknown>;
  if (!scenario.check(variant, response.status, body)) {
    throw new Error(`${variant} answered ${name} wrongly: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  }
}

/** Instructions per counted request: all of them, those of V8's JIT compilers and those of its major GC. */
interface Count {
  total: number;
  compiling: number;
  majorGc: number;
  /** Not per request: how many ran in the window. */
  scavenges: number;
}

/** One run: instructions per counted request of a fresh server. */
async function countOnce(adapter: string, variant: Variant, name: string): Promise<Count> {
  const scenario = ALL_SCENARIOS[name];
  const port = await freePort();
  const work = mkdtempSync(join(tmpdir(), 'bench-instructions-'));
  const child = spawn(
    'valgrind',
    [
      '--tool=callgrind',
      '--instr-atstart=no',
      `--callgrind-out-file=${join(work, 'cg.%p')}`,
      process.execPath,
      ...NODE_ARGS,
      join(here, 'bench-server.js'),
    ],
    {
      env: { ...process.env, ADAPTER: adapter, VARIANT: variant, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${adapter}/${variant} did not start within 10 minutes`)),
        600_000,
      );
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('READY')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on('exit', (code) => reject(new Error(`${adapter}/${variant} exited with ${String(code)}`)));
    });
    const url = `http://127.0.0.1:${port}`;
    await check(url, name, scenario, variant);
    for (let round = 0; round < WARM_ROUNDS; round++) await load(url, scenario, Math.ceil(WARM / WARM_ROUNDS));
    execFileSync('callgrind_control', ['-i', 'on', String(child.pid)], { stdio: 'ignore' });
    output.push('=== counting on ===\n');
    await load(url, scenario, REQUESTS);
    execFileSync('callgrind_control', ['-i', 'off', String(child.pid)], { stdio: 'ignore' });
    output.push('=== counting off ===\n');
    execFileSync('callgrind_control', ['-d', String(child.pid)], { stdio: 'ignore' });
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    const count: Count = { total: 0, compiling: 0, majorGc: 0, scavenges: 0 };
    for (const file of readdirSync(work)) {
      const costs = readCallgrindCosts(join(work, file));
      count.total += costs.total / REQUESTS;
      count.compiling += costs.compiling / REQUESTS;
      count.majorGc += costs.majorGc / REQUESTS;
      count.scavenges += costs.scavenges;
    }
    if (count.total === 0) throw new Error(`${adapter}/${variant}/${name}: no instructions counted`);
    if (KEEP) {
      const kept = join(KEEP, `${adapter}-${variant}-${name.replace(/\W+/g, '_')}-${String(child.pid)}`);
      mkdirSync(kept, { recursive: true });
      for (const file of readdirSync(work)) writeFileSync(join(kept, file), readFileSync(join(work, file)));
      writeFileSync(join(kept, 'server.log'), output.join(''));
      process.stderr.write(`kept in ${kept}\n`);
    }
    return count;
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(work, { recursive: true, force: true });
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const thousands = (value: number) => `${(value / 1000).toFixed(1)} k`;
const spread = (values: number[]) => `${thousands(Math.min(...values))} – ${thousands(Math.max(...values))}`;

interface Row {
  adapter: string;
  scenario: string;
  variant: Variant;
  counts: Count[];
}

/**
 * Per request: every instruction, and every instruction but the JIT compilers' and the major GC's (the steady state).
 * A mark-compact's cost is real, but spread over all the requests between two of them, which V8 schedules by heap
 * growth and its own speed; in a window of 1 000 Express requests it was either none or ≈ 115 k per request.
 */
const all = (row: Row) => row.counts.map((count) => count.total);
const steady = (row: Row) => row.counts.map((count) => count.total - count.compiling - count.majorGc);
const majorGc = (row: Row) => row.counts.map((count) => count.majorGc);

function table(rows: Row[]): string {
  const lines = [
    '| adapter | scenario | variant | all (median) | min – max | ÷ bare | without JIT compiling and major GC (median) | ' +
      'min – max | ÷ bare | major GC (max) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of rows) {
    const bare = rows.find(
      (other) => other.adapter === row.adapter && other.scenario === row.scenario && other.variant === 'bare',
    );
    const ratio = (of: (row: Row) => number[]) => (bare ? `${(median(of(row)) / median(of(bare))).toFixed(3)}×` : '–');
    lines.push(
      `| ${row.adapter} | ${row.scenario} | ${row.variant} | ${thousands(median(all(row)))} | ${spread(all(row))} | ` +
        `${ratio(all)} | ${thousands(median(steady(row)))} | ${spread(steady(row))} | ${ratio(steady)} | ` +
        `${thousands(Math.max(...majorGc(row)))} |`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  ensureValgrind();
  const started = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const rows: Row[] = [];
  const runs: { row: Row; run: number }[] = [];
  for (const adapter of ADAPTERS) {
    for (const scenario of SCENARIO_NAMES) {
      for (const variant of VARIANTS) rows.push({ adapter, scenario, variant, counts: [] });
    }
  }
  // Scenario by scenario, both adapters alike, so that a run cut short has whole rows of each.
  for (const scenario of SCENARIO_NAMES) {
    for (const row of rows.filter((candidate) => candidate.scenario === scenario)) {
      for (let run = 0; run < RUNS; run++) runs.push({ row, run });
    }
  }
  // Runs are independent processes and a count does not depend on the load, so `--jobs` of them may run at once.
  const next = async (): Promise<void> => {
    for (let task = runs.shift(); task !== undefined; task = runs.shift()) {
      const { row, run } = task;
      const count = await countOnce(row.adapter, row.variant, row.scenario);
      row.counts.push(count);
      process.stderr.write(
        `${row.adapter} ${row.scenario} ${row.variant} run ${run + 1}: ${thousands(count.total)} ` +
          `(JIT compiling ${thousands(count.compiling)}, major GC ${thousands(count.majorGc)}, ` +
          `${String(count.scavenges)} scavenges)\n`,
      );
    }
  };
  await Promise.all(Array.from({ length: JOBS }, next));
  const finished = new Date().toISOString().slice(11, 16);
  const report =
    `Instructions per request (valgrind callgrind, server process, user space; node ${NODE_ARGS.join(' ')}; ` +
    `${WARM} warm-up requests in ${WARM_ROUNDS} rounds + ${REQUESTS} counted, 4 connections; median of ${RUNS}), ` +
    `${started}–${finished} UTC\n\n${table(rows)}\n`;
  const results = join(here, '..', 'results');
  mkdirSync(results, { recursive: true });
  writeFileSync(join(results, `instructions-${started.replace(/[ :]/g, '-')}.md`), report);
  process.stdout.write(report);
}

await main();
