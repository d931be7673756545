import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Hostile bodies against `hostile-server.ts` (a separate process): per body, the answer's time, status and size; the
// longest wait of a concurrent GET /api/ping (fired every 5 ms while the body is answered); the server's longest
// event-loop delay (perf_hooks.monitorEventLoopDelay, 1 ms resolution) and its RSS (/proc/<pid>/status VmHWM, peak).
// ADAPTERS, HOSTILE_LIMITS (on,off), HOSTILE_BODY (part of a body's name) and HOSTILE_ROUNDS narrow a run.
const here = dirname(fileURLToPath(import.meta.url));
const ROUNDS = Number(process.env.HOSTILE_ROUNDS ?? 5);

const BODIES: Record<string, () => string> = {
  '100 empty items': () => JSON.stringify({ name: 'abc', items: new Array(100).fill({}) }),
  '4 997 empty items (the most under maxNodes)': () => JSON.stringify({ name: 'abc', items: new Array(4997).fill({}) }),
  '33 000 empty items (99 KB)': () => JSON.stringify({ name: 'abc', items: new Array(33_000).fill({}) }),
  '300 000 empty items (900 KB)': () => JSON.stringify({ name: 'abc', items: new Array(300_000).fill({}) }),
  '3 000 levels of arrays': () => `{"name":"a","items":${'['.repeat(3000)}${']'.repeat(3000)}}`,
  '3 000 levels of objects': () => `{"name":"a","items":[${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}]}`,
  '900 KB key in a rejected value': () => JSON.stringify({ name: { ['k'.repeat(900_000)]: 1 } }),
  '150 KB key, /.*secret/i': () => JSON.stringify({ name: { ['k'.repeat(150_000)]: 1 } }),
};

interface Sample {
  ms: number;
  status: number;
  bytes: number;
  pingMs: number;
  loopMs: number;
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
  const stats = (await (await fetch(`${url}/api/stats`)).json()) as { data: { maxDelayMs: number } };
  return { ms, status: res.status, bytes: Buffer.byteLength(text), pingMs, loopMs: stats.data.maxDelayMs };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value: number) => Math.round(value * 10) / 10;

console.log(
  `Node ${process.version}, ${ROUNDS} rounds per body, medians (ping and loop: the median of each round's max)`,
);
console.log(
  '| adapter | pipe | limits | body | status | answer ms | ping max ms | loop delay max ms | body bytes | peak RSS MiB |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const adapter of (process.env.ADAPTERS ?? 'express,fastify').split(',')) {
  for (const pipe of ['module', 'own']) {
    for (const limits of ['on', 'off']) {
      if (!(process.env.HOSTILE_LIMITS ?? 'on,off').split(',').includes(limits)) continue;
      for (const [name, make] of Object.entries(BODIES)) {
        if (process.env.HOSTILE_BODY && !name.includes(process.env.HOSTILE_BODY)) continue;
        // A fresh server per body: its peak RSS is that body's.
        const server = await start({
          ADAPTER: adapter,
          PIPE: pipe,
          LIMITS: limits,
          SLOW_PATTERN: name.includes('secret') ? '1' : '',
        });
        const body = make();
        const samples: Sample[] = [];
        for (let round = 0; round < ROUNDS; round++) samples.push(await once(server.url, body));
        const rss = peakRssMiB(server.pid);
        server.stop();
        const cells = [
          adapter,
          pipe,
          limits,
          name,
          samples[0].status,
          round(median(samples.map((s) => s.ms))),
          round(median(samples.map((s) => s.pingMs))),
          round(median(samples.map((s) => s.loopMs))),
          samples[0].bytes,
          rss,
        ];
        console.log(`| ${cells.join(' | ')} |`);
      }
    }
  }
}
