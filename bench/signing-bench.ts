/**
 * The cost of signed requests: the same handler behind an unsigned and a `@Signed()` route of one server process,
 * load interleaved round by round; each signed request carries a fresh nonce and signature (computed here, in the
 * load process). Reports the signed route's throughput as a ratio to the unsigned one, and server CPU per request.
 *
 *   npm run bench:signing
 */
import { spawn } from 'node:child_process';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { canonicalRequest } from 'nest-envelope/client';
import { BENCH_APP_ID, BENCH_SECRET } from './signing-server.js';

const here = dirname(fileURLToPath(import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');

function signedHeaders(): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(16).toString('hex');
  const canonical = canonicalRequest({
    method: 'GET',
    path: '/signed/order',
    query: '',
    timestamp,
    nonce,
    bodySha256: EMPTY_SHA256,
  });
  const signature = createHmac('sha256', BENCH_SECRET).update(canonical).digest('hex');
  return { 'x-app-id': BENCH_APP_ID, 'x-timestamp': timestamp, 'x-nonce': nonce, 'x-signature': signature };
}

function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

async function measure(adapter: string): Promise<string[]> {
  const server = spawn(process.execPath, [join(here, 'signing-server.js')], {
    env: { ...process.env, ADAPTER: adapter, SIGNING_SERVER: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    server.stdout.on('data', (chunk: Buffer) => {
      const ready = /READY (\S+)/.exec(chunk.toString());
      if (ready?.[1]) resolve(ready[1].replace('[::1]', '127.0.0.1'));
    });
    server.on('exit', (code) => reject(new Error(`server exited with ${String(code)}`)));
  });
  try {
    const check = await fetch(`${url}/signed/order`, { headers: signedHeaders() });
    if (check.status !== 200) throw new Error(`a signed request was refused: ${check.status} ${await check.text()}`);
    const run = async (signed: boolean) => {
      const before = cpuTicks(server.pid!);
      const result = await autocannon({
        url,
        connections: 10,
        duration: SECONDS,
        requests: [
          signed
            ? {
                method: 'GET',
                path: '/signed/order',
                setupRequest: (request) => ({ ...request, headers: { ...request.headers, ...signedHeaders() } }),
              }
            : { method: 'GET', path: '/plain/order' },
        ],
      });
      if (result.non2xx > 0) throw new Error(`${result.non2xx} refused ${signed ? 'signed' : 'unsigned'} requests`);
      return { rps: result.requests.average, cpu: ((cpuTicks(server.pid!) - before) * 1e4) / result.requests.total };
    };
    await run(false);
    await run(true); // warm-up, discarded
    const ratios: number[] = [];
    const cpu: { plain: number[]; signed: number[] } = { plain: [], signed: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const plain = await run(false);
      const signed = await run(true);
      ratios.push(signed.rps / plain.rps);
      cpu.plain.push(plain.cpu);
      cpu.signed.push(signed.cpu);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    return [
      `| ${adapter} | ${median(ratios).toFixed(2)} | ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)} | ${median(cpu.plain).toFixed(1)} | ${median(cpu.signed).toFixed(1)} |`,
    ];
  } finally {
    server.kill('SIGTERM');
  }
}

const rows = [
  '| adapter | signed ÷ unsigned req/s (median) | min–max | unsigned CPU µs/req | signed CPU µs/req |',
  '| --- | --- | --- | --- | --- |',
];
for (const adapter of ['express', 'fastify']) rows.push(...(await measure(adapter)));
console.log(
  `Run ${new Date().toISOString()}, Node ${process.version}, ${ROUNDS} rounds × ${SECONDS} s × 10 connections\n\n${rows.join('\n')}`,
);
