import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Hostile bodies against `hostile-server.ts` (a separate process): per body, the answer's time, status and size; the
// longest wait of a concurrent GET /api/ping (fired every 5 ms while the body is answered); the server's longest
// event-loop delay (perf_hooks.monitorEventLoopDelay, 1 ms resolution), its CPU time (process.cpuUsage, user + system:
// what a concurrent request would wait on an idle core, pings included) and its RSS (/proc/<pid>/status VmHWM, peak).
// ADAPTERS, PIPES (module,own), HOSTILE_LIMITS (on,off), HOSTILE_BODY (parts of bodies' names, a list), HOSTILE_ROUNDS
// (counted rounds, 5), HOSTILE_WARM (rounds before them, not counted: 2) narrow a run; HOSTILE_MAX_NODES (a list,
// e.g. 1000,5000) runs the limits-on rows once per validation.maxNodes (else the default).
const here = dirname(fileURLToPath(import.meta.url));
const ROUNDS = Number(process.env.HOSTILE_ROUNDS ?? 5);
const WARM = Number(process.env.HOSTILE_WARM ?? 2);
/** The module's default `validation.maxNodes` (src/options/option-defaults.ts). */
const DEFAULT_MAX_NODES = 2000;

const items = (count: number) => () => JSON.stringify({ name: 'abc', items: new Array(count).fill({}) });
/** `{ name, items: [{}, …] }` holds 3 + items values: the most empty items under a budget. */
const mostUnder = (maxNodes: number) => maxNodes - 3;

const bodies = (maxNodes: number): Record<string, () => string> => ({
  '100 empty items': items(100),
  [`${mostUnder(maxNodes)} empty items (the most under maxNodes)`]: items(mostUnder(maxNodes)),
  '33 000 empty items (99 KB)': () => JSON.stringify({ name: 'abc', items: new Array(33_000).fill({}) }),
  '300 000 empty items (900 KB)': () => JSON.stringify({ name: 'abc', items: new Array(300_000).fill({}) }),
  '3 000 levels of arrays': () => `{"name":"a","items":${'['.repeat(3000)}${']'.repeat(3000)}}`,
  '3 000 levels of objects': () => `{"name":"a","items":[${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}]}`,
  '900 KB key in a rejected value': () => JSON.stringify({ name: { ['k'.repeat(900_000)]: 1 } }),
  '150 KB key, /.*secret/i': () => JSON.stringify({ name: { ['k'.repeat(150_000)]: 1 } }),
});

interface Sample {
  ms: number;
  status: number;
  bytes: number;
  pingMs: number;
  loopMs: number;
  cpuMs: number;
}

function peakRssMiB(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : NaN;
}

async function start(env: Record<string, string>): Promise<{ url: string; pid: number; stop: () => void }> {
  const server = spawn(process.execPath, [join(here, 'hostile-server.js')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    server.stdout.on('data', (chunk: Buffer) => {
      const ready = /READY (\S+)/.exec(chunk.toString());
      if (ready?.[1]) resolve(ready[1]);
    });
    server.on('exit', (code) => reject(new Error(`server exited with ${String(code)}`)));
  });
  return { url, pid: server.pid!, stop: () => server.kill() };
}

async function once(url: string, body: string): Promise<Sample> {
  await fetch(`${url}/api/stats`);
  let pingMs = 0;
  let pending = true;
  const pinger = (async () => {
    while (pending) {
      const sent = performance.now();
      await fetch(`${url}/api/ping`);
      pingMs = Math.max(pingMs, performance.now() - sent);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  const sent = performance.now();
  const res = await fetch(`${url}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const text = await res.text();
  const ms = performance.now() - sent;
  pending = false;
  await pinger;
  const stats = (await (await fetch(`${url}/api/stats`)).json()) as { data: { maxDelayMs: number; cpuMs: number } };
  const { maxDelayMs: loopMs, cpuMs } = stats.data;
  return { ms, status: res.status, bytes: Buffer.byteLength(text), pingMs, loopMs, cpuMs };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value: number) => Math.round(value * 10) / 10;
const spread = (values: number[]) => `${round(Math.min(...values))}–${round(Math.max(...values))}`;
const load = () => loadavg()[0].toFixed(1);

console.log(
  `Node ${process.version}, ${WARM} warm-up + ${ROUNDS} counted rounds per body, medians (ping and loop: the median ` +
    `of each round's max; min–max over the rounds); ratio: answer ms / the 100-item answer ms of the same server settings`,
);
console.log(
  '| adapter | pipe | maxNodes | body | status | answer ms | ratio | ping max ms (min–max) | loop delay max ms (min–max) | server CPU ms | body bytes | peak RSS MiB | load 1 min |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
const budgets = (process.env.HOSTILE_MAX_NODES ?? String(DEFAULT_MAX_NODES)).split(',').map(Number);
for (const adapter of (process.env.ADAPTERS ?? 'express,fastify').split(',')) {
  for (const pipe of (process.env.PIPES ?? 'module,own').split(',')) {
    for (const limits of ['on', 'off']) {
      if (!(process.env.HOSTILE_LIMITS ?? 'on,off').split(',').includes(limits)) continue;
      for (const maxNodes of limits === 'on' ? budgets : [1e9]) {
        let reference: number | undefined;
        for (const [name, make] of Object.entries(bodies(limits === 'on' ? maxNodes : DEFAULT_MAX_NODES))) {
          const wanted = process.env.HOSTILE_BODY?.split(',');
          if (wanted && !wanted.some((part) => name.includes(part)) && !name.startsWith('100 ')) continue;
          // A fresh server per body: its peak RSS is that body's.
          const server = await start({
            ADAPTER: adapter,
            PIPE: pipe,
            LIMITS: limits,
            MAX_NODES: limits === 'on' ? String(maxNodes) : '',
            SLOW_PATTERN: name.includes('secret') ? '1' : '',
          });
          const body = make();
          const samples: Sample[] = [];
          let rss: number;
          try {
            for (let warm = 0; warm < WARM; warm++) await once(server.url, body);
            for (let round = 0; round < ROUNDS; round++) samples.push(await once(server.url, body));
            rss = peakRssMiB(server.pid);
          } catch (fault) {
            // A server that dies (out of memory, with the limits off) is a result too.
            console.log(`| ${adapter} | ${pipe} | ${limits} | ${name} | server died: ${String(fault)} |`);
            continue;
          } finally {
            server.stop();
          }
          const ms = median(samples.map((s) => s.ms));
          reference ??= ms;
          const pings = samples.map((s) => s.pingMs);
          const cells = [
            adapter,
            pipe,
            limits === 'on' ? maxNodes : 'off',
            name,
            samples[0].status,
            round(ms),
            round(ms / reference),
            `${round(median(pings))} (${spread(pings)})`,
            `${round(median(samples.map((s) => s.loopMs)))} (${spread(samples.map((s) => s.loopMs))})`,
            round(median(samples.map((s) => s.cpuMs))),
            samples[0].bytes,
            rss,
            load(),
          ];
          console.log(`| ${cells.join(' | ')} |`);
        }
      }
    }
  }
}
