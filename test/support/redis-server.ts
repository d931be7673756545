import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { Redis } from 'ioredis';

const START_TIMEOUT_MS = 10_000;

/** A redis-server this test file started, on a free port, without persistence. */
export interface RedisServer {
  readonly port: number;
  /** A new connection; the caller quits it. */
  connect(): Redis;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

/**
 * Starts `redis-server` on a free port and waits until it answers PING. Fails — never skips — with a message
 * saying how to install it, when it is missing or does not come up.
 */
export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const failure = (reason: string) =>
    new Error(
      `redis-server could not start on port ${port}: ${reason}. The Redis tests need it: ` +
        `apt-get install -y redis-server (see CONTRIBUTING.md).${output ? `\n${output}` : ''}`,
    );
  try {
    await new Promise<void>((ready, fail) => {
      const timer = setTimeout(() => fail(failure(`not ready within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
      child.once('error', (error) => {
        clearTimeout(timer);
        fail(failure(error.message));
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        fail(failure(`it exited with code ${code}`));
      });
      child.stdout.on('data', () => {
        if (!output.includes('Ready to accept connections')) return;
        clearTimeout(timer);
        ready();
      });
    });
    const probe = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await probe.connect();
      if ((await probe.ping()) !== 'PONG') throw failure('it does not answer PING');
    } finally {
      probe.disconnect();
    }
  } catch (error) {
    await stopped(child);
    throw error;
  }
  return {
    port,
    connect: () => new Redis({ port, host: '127.0.0.1' }),
    stop: () => stopped(child),
  };
}
