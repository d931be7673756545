/**
 * Soak: minutes of mixed traffic (successes, business failures, validation failures, 404s, 500s, and a hostile mix:
 * 20 000-item and 3 000-deep bodies, a 60 kB key, secrets under snake_case names, a `#` in a signed target, a signed
 * body the app does not parse, a request id generator that throws) against a separate server process. Counts
 * responses by status, any response outside the envelope, any that quotes a secret, the largest body; watches the
 * server's RSS; fails (exit 1) on a non-envelope or secret-quoting response, a process error or a server exit.
 * Not part of CI.
 *
 *   npm run bench:soak                      # 5 minutes on Express, then 5 on Fastify
 *   SOAK_SECONDS=60 ADAPTERS=fastify npm run bench:soak
 */
import { spawn } from 'node:child_process';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const here = dirname(fileURLToPath(import.meta.url));
const seconds = Number(process.env.SOAK_SECONDS ?? 300);
const adapters = (process.env.ADAPTERS ?? 'express,fastify').split(',');

interface Result {
  adapter: string;
  seconds: number;
  requests: number;
  byStatus: Record<string, number>;
  nonEnvelope: number;
  /** Answers that quote a secret the request carried. */
  echoedSecrets: number;
  /** The largest answer body, in bytes (hostile bodies must get small answers). */
  largestBody: number;
  processErrors: number;
  serverExited: boolean;
  rssMiB: { firstMinute: number; lastMinute: number; peak: number };
  samples: { t: number; rssMiB: number }[];
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round((kib / 1024) * 10) / 10;
}

function isEnvelope(status: number, text: string): boolean {
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    if (status < 400) return body.code === 0 && body.message === 'OK' && 'data' in body;
    return (
      (typeof body.code === 'number' || typeof body.code === 'string') &&
      typeof body.message === 'string' &&
      body.status === status &&
      typeof body.requestId === 'string' &&
      typeof body.timestamp === 'string' &&
      !text.includes('    at ')
    );
  } catch {
    return false;
  }
}

const SECRET = 'hunter2-secret-in-the-soak';
const MANY_ITEMS = JSON.stringify({ name: 'abc', items: Array.from({ length: 20_000 }, () => ({})) });
const DEEP_BODY = `{"name":"deep","items":${'['.repeat(3000)}${']'.repeat(3000)}}`;
const HUGE_KEY = JSON.stringify({ name: 'abc', items: [], ['k'.repeat(60_000)]: 1 });
const TOKENS = JSON.stringify({ access_token: SECRET, clientSecret: SECRET });
const SIGNING_HEADERS = {
  'x-app-id': 'soak',
  'x-timestamp': '1700000000',
  'x-nonce': 'soak-nonce-0001',
  'x-signature': 'AAAA',
};

const mean = (values: number[]) =>
  Math.round((values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1)) * 10) / 10;

async function soak(adapter: string): Promise<Result> {
  const server = spawn(process.execPath, [join(here, 'soak-server.js')], {
    env: { ...process.env, ADAPTER: adapter, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let processErrors = 0;
  let serverExited = false;
  server.on('exit', () => (serverExited = true));
  const url = await new Promise<string>((resolve, reject) => {
    server.stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      processErrors += (text.match(/PROCESS-ERROR/g) ?? []).length;
      const ready = /READY (\S+)/.exec(text);
      if (ready?.[1]) resolve(ready[1].replace('[::1]', '127.0.0.1'));
    });
    server.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    server.on('exit', (code) => reject(new Error(`server exited with ${String(code)} before it was ready`)));
  });

  const samples: { t: number; rssMiB: number }[] = [];
  const started = Date.now();
  const sampler = setInterval(() => {
    if (!serverExited) samples.push({ t: Math.round((Date.now() - started) / 1000), rssMiB: rssMiB(server.pid!) });
  }, 5000);

  const byStatus: Record<string, number> = {};
  let nonEnvelope = 0;
  let echoedSecrets = 0;
  let largestBody = 0;
  const check = (status: number, body: Buffer | string) => {
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    const text = body.toString();
    if (!isEnvelope(status, text)) nonEnvelope++;
    if (text.includes(SECRET)) echoedSecrets++;
    largestBody = Math.max(largestBody, Buffer.byteLength(text));
  };
  const json = { 'content-type': 'application/json' };
  const result = await autocannon({
    url,
    connections: 16,
    duration: seconds,
    requests: [
      { method: 'GET', path: '/orders/9007199254740993', onResponse: check },
      { method: 'GET', path: '/orders/9007199254740995', headers: { 'x-stringify': '1' }, onResponse: check },
      { method: 'POST', path: '/orders', headers: json, body: '{"sku":"ABCD","quantity":2}', onResponse: check },
      { method: 'POST', path: '/orders', headers: json, body: '{"sku":"SOLD","quantity":1}', onResponse: check },
      {
        method: 'POST',
        path: '/orders',
        headers: json,
        body: '{"sku":"x","quantity":0,"password":"p"}',
        onResponse: check,
      },
      { method: 'GET', path: '/orders/404', onResponse: check },
      { method: 'GET', path: '/orders/crash/now', onResponse: check },
      // The hostile mix: bodies that cost work before any cap, secrets under names a list of exact names misses,
      // signed-route targets the adapters read differently, and a signed body the app does not parse.
      { method: 'POST', path: '/batches', headers: json, body: MANY_ITEMS, onResponse: check },
      { method: 'POST', path: '/batches', headers: json, body: DEEP_BODY, onResponse: check },
      { method: 'POST', path: '/batches', headers: json, body: HUGE_KEY, onResponse: check },
      { method: 'POST', path: '/tokens', headers: json, body: TOKENS, onResponse: check },
      { method: 'GET', path: `/nope?access_token=${SECRET}`, onResponse: check },
      { method: 'GET', path: '/transfers#&currency=USD', headers: SIGNING_HEADERS, onResponse: check },
      {
        method: 'POST',
        path: '/transfers',
        headers: { ...SIGNING_HEADERS, 'content-type': 'text/plain' },
        body: 'amount=100',
        onResponse: check,
      },
      // last: Fastify closes the connection after a body it cannot parse, and the sequence starts again
      { method: 'POST', path: '/orders', headers: json, body: '{"sku":', onResponse: check },
    ],
  });
  clearInterval(sampler);
  server.kill('SIGTERM');

  const firstMinute = samples.filter((s) => s.t > 0 && s.t <= Math.min(60, seconds / 5)).map((s) => s.rssMiB);
  const lastMinute = samples.filter((s) => s.t > seconds - Math.min(60, seconds / 5)).map((s) => s.rssMiB);
  return {
    adapter,
    seconds,
    requests: result.requests.total,
    byStatus,
    nonEnvelope,
    echoedSecrets,
    largestBody,
    processErrors,
    serverExited,
    rssMiB: {
      firstMinute: mean(firstMinute),
      lastMinute: mean(lastMinute),
      peak: Math.max(...samples.map((s) => s.rssMiB)),
    },
    samples,
  };
}

const results: Result[] = [];
for (const adapter of adapters) {
  const result = await soak(adapter);
  results.push(result);
  console.log(JSON.stringify({ ...result, samples: `${result.samples.length} RSS samples` }));
}
mkdirSync(join(here, '..', 'results'), { recursive: true });
const file = join(here, '..', 'results', `soak-${new Date().toISOString().slice(0, 10)}.json`);
writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2) + '\n');
console.log(`written ${file}`);
const failed = results.some((r) => r.nonEnvelope > 0 || r.echoedSecrets > 0 || r.processErrors > 0 || r.serverExited);
process.exit(failed ? 1 : 0);
