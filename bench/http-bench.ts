/**
 * Side-by-side HTTP benchmark: the same small app as separate server processes — bare Nest, a hand-written minimal
 * envelope (the floor of an interceptor design), ResponseModule with defaults, and ResponseModule with the Spring style
 * and an East-8 timestamp — on Express and Fastify. Load comes from autocannon in this process, pinned to another core
 * than the servers where `taskset` exists. Variants are interleaved round by round, and each variant's throughput is
 * divided by its adapter's bare baseline of the same round: on a noisy machine the ratios are the figures.
 *
 *   npm run bench            # full: rounds of interleaved runs, a Markdown table in bench/results/
 *   npm run bench:quick      # CI smoke: every variant answers every scenario correctly (no load, no figures)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import {
  ALL_SCENARIOS,
  ALL_VARIANTS,
  canPin,
  runPinnedToLoadCore,
  type Scenario,
  type Server,
  startServer,
  type Variant,
} from './bench-scenarios.js';

const here = dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 1.5);
const WARMUP_SECONDS = 2;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ALL_ADAPTERS = ['express', 'fastify'] as const;
/** BENCH_ADAPTERS, BENCH_VARIANTS and BENCH_SCENARIOS (comma-separated) narrow a run; `bare` always runs. */
const pick = <T extends string>(all: readonly T[], env: string | undefined): readonly T[] =>
  env ? all.filter((item) => item === 'bare' || env.split(',').includes(item)) : all;
const ADAPTERS = pick(ALL_ADAPTERS, process.env.BENCH_ADAPTERS);
const VARIANTS = pick(ALL_VARIANTS, process.env.BENCH_VARIANTS);
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

const SCENARIOS: Record<string, Scenario> = Object.fromEntries(
  Object.entries(ALL_SCENARIOS).filter(
    ([name]) =>
      !process.env.BENCH_SCENARIOS || process.env.BENCH_SCENARIOS.split(',').some((wanted) => name.startsWith(wanted)),
  ),
);

/** utime + stime of a process, in clock ticks. */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function peakRssMiB(pid: number): number {
  const kib = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return Math.round(kib / 102.4) / 10;
}

/** The server's own pid: the child of taskset is the node process itself (taskset execs it). */
const pidOf = (server: Server) => server.process.pid!;

async function check(server: Server, name: string, scenario: Scenario): Promise<void> {
  const response = await fetch(server.url + scenario.path, {
    method: scenario.method,
    headers: scenario.headers,
    body: scenario.body,
  });
  const body = (await response.json()) as Record<string, unknown>;
  if (!scenario.check(server.variant, response.status, body)) {
    throw new Error(
      `${server.adapter}/${server.variant} answered "${name}" wrongly: ${response.status} ${JSON.stringify(body).slice(0, 300)}`,
    );
  }
}

interface Sample {
  rps: number;
  p99: number;
  cpuMicros: number;
}

async function load(server: Server, scenario: Scenario, seconds: number): Promise<Sample> {
  const before = cpuTicks(pidOf(server));
  const result = await autocannon({
    url: server.url + scenario.path,
    method: scenario.method,
    headers: scenario.headers,
    body: scenario.body,
    connections: CONNECTIONS,
    duration: seconds,
  });
  const ticks = cpuTicks(pidOf(server)) - before;
  const total = result.requests.total || 1;
  if (result.non2xx > 0 && scenario.path === '/bench/order')
    throw new Error(`${server.adapter}/${server.variant}: ${result.non2xx} failed answers`);
  return { rps: result.requests.average, p99: result.latency.p99, cpuMicros: ((ticks / CLOCK_TICKS) * 1e6) / total };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const fixed = (value: number, digits = 2) => value.toFixed(digits);
/** The same round's difference to bare, median over rounds: steadier than comparing two medians. */
const signed = (value: number) => (value >= 0 ? '+' : '−') + Math.abs(value).toFixed(1);

async function main(): Promise<void> {
  const servers: Server[] = [];
  for (const adapter of ADAPTERS) for (const variant of VARIANTS) servers.push(await startServer(adapter, variant));
  try {
    for (const server of servers)
      for (const [name, scenario] of Object.entries(SCENARIOS)) await check(server, name, scenario);
    console.log(`all ${servers.length} servers answer the ${Object.keys(SCENARIOS).length} scenarios correctly`);
    if (quick) return; // the smoke checks answers only: numbers from a few seconds of load would mean nothing
    if (WARMUP_SECONDS > 0) {
      for (const server of servers)
        for (const scenario of Object.values(SCENARIOS)) await load(server, scenario, WARMUP_SECONDS);
    }
    // samples[adapter][scenario][variant] = one Sample per round; ratios use the same round's bare figure
    const samples = new Map<string, Sample[]>();
    const ratios = new Map<string, number[]>();
    const extraCpu = new Map<string, number[]>();
    for (let round = 1; round <= ROUNDS; round++) {
      for (const adapter of ADAPTERS) {
        for (const [name, scenario] of Object.entries(SCENARIOS)) {
          const roundSamples = new Map<Variant, Sample>();
          for (const variant of VARIANTS) {
            const server = servers.find((s) => s.adapter === adapter && s.variant === variant)!;
            const sample = await load(server, scenario, SECONDS);
            roundSamples.set(variant, sample);
            const key = `${adapter}|${name}|${variant}`;
            samples.set(key, [...(samples.get(key) ?? []), sample]);
          }
          const bare = roundSamples.get('bare')!;
          for (const variant of VARIANTS) {
            const key = `${adapter}|${name}|${variant}`;
            const sample = roundSamples.get(variant)!;
            ratios.set(key, [...(ratios.get(key) ?? []), sample.rps / bare.rps]);
            extraCpu.set(key, [...(extraCpu.get(key) ?? []), sample.cpuMicros - bare.cpuMicros]);
          }
        }
      }
      console.log(`round ${round}/${ROUNDS} done`);
    }
    const lines = [
      '| adapter | scenario | variant | × bare (median) | × bare (min–max) | req/s (median) | p99 ms | server CPU µs/req | CPU µs/req − bare | peak RSS MiB |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ];
    for (const adapter of ADAPTERS) {
      for (const name of Object.keys(SCENARIOS)) {
        for (const variant of VARIANTS) {
          const key = `${adapter}|${name}|${variant}`;
          const r = ratios.get(key)!;
          const s = samples.get(key)!;
          const server = servers.find((x) => x.adapter === adapter && x.variant === variant)!;
          lines.push(
            `| ${adapter} | ${name} | ${variant} | ${fixed(median(r))} | ${fixed(Math.min(...r))}–${fixed(Math.max(...r))} | ${Math.round(median(s.map((x) => x.rps)))} | ${median(s.map((x) => x.p99))} | ${fixed(median(s.map((x) => x.cpuMicros)), 1)} | ${signed(median(extraCpu.get(key)!))} | ${peakRssMiB(pidOf(server))} |`,
          );
        }
      }
    }
    const header = `Run ${new Date().toISOString()}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${ROUNDS} round(s) × ${SECONDS} s × ${CONNECTIONS} connections${canPin ? ', servers on core 0, load on core 1' : ', unpinned'}`;
    const table = `${header}\n\n${lines.join('\n')}\n`;
    console.log(`\n${table}`);
    mkdirSync(join(here, '..', 'results'), { recursive: true });
    const file = join(here, '..', 'results', `http-${new Date().toISOString().replace(/[:.]/g, '-')}.md`);
    writeFileSync(file, table);
    console.log(`written ${file}`);
  } finally {
    for (const server of servers) server.process.kill('SIGTERM');
  }
}

await runPinnedToLoadCore(main);
