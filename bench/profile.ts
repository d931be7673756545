/**
 * Where a variant spends its time per request: CPU profiles of bench-server processes under the benchmark's load,
 * taken after the warm-up (start-up is not in them), self time per function in µs per request, and with two
 * variants the functions whose cost differs most. How the causes in bench/README.md were found.
 *
 *   npm run bench:profile -- fastify bare,module success     # adapter, variants, scenario (name prefix)
 *   PROFILE_SECONDS=20 npm run bench:profile -- express module NotFound
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import {
  ALL_SCENARIOS,
  ALL_VARIANTS,
  canPin,
  runPinnedToLoadCore,
  type Scenario,
  startServer,
  type Variant,
} from './bench-scenarios.js';

const [adapter = 'fastify', variantList = 'bare,module', scenarioName = 'success'] = process.argv.slice(2);
const SECONDS = Number(process.env.PROFILE_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.PROFILE_CONNECTIONS ?? 10);
const TOP = Number(process.env.PROFILE_TOP ?? 25);

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function (name, file, line), in µs per request; `(idle)` left out. */
function selfTimePerRequest(profile: CpuProfile, requests: number): Map<string, number> {
  const byNode = new Map<number, number>();
  profile.samples.forEach((node, index) =>
    byNode.set(node, (byNode.get(node) ?? 0) + (profile.timeDeltas[index] ?? 0)),
  );
  const byFunction = new Map<string, number>();
  for (const { id, callFrame } of profile.nodes) {
    const micros = byNode.get(id) ?? 0;
    const file = callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(dist|bench)\//, '$1/');
    const name = `${callFrame.functionName || '(anonymous)'} ${file}:${callFrame.lineNumber + 1}`;
    if (callFrame.functionName !== '(idle)') byFunction.set(name, (byFunction.get(name) ?? 0) + micros / requests);
  }
  return byFunction;
}

async function profileVariant(variant: Variant, scenario: Scenario): Promise<Map<string, number>> {
  const file = join(mkdtempSync(join(tmpdir(), 'nest-envelope-profile-')), 'cpu.json');
  const server = await startServer(adapter, variant, { env: { PROFILE_FILE: file } });
  const options = {
    url: server.url + scenario.path,
    method: scenario.method,
    headers: scenario.headers,
    body: scenario.body,
    connections: 10,
  };
  await autocannon({ ...options, duration: 2 });
  server.process.kill('SIGUSR2');
  await new Promise((resolve) => setTimeout(resolve, 200));
  const result = await autocannon({ ...options, duration: SECONDS });
  const exited = new Promise((resolve) => server.process.once('exit', resolve));
  server.process.kill('SIGTERM');
  await exited;
  return selfTimePerRequest(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, result.requests.total || 1);
}

const total = (times: Map<string, number>) => [...times.values()].reduce((sum, value) => sum + value, 0);
const micros = (value: number) => value.toFixed(2).padStart(7);

async function main(): Promise<void> {
  const scenario = Object.entries(ALL_SCENARIOS).find(([name]) => name.startsWith(scenarioName))?.[1];
  const variants = variantList
    .split(',')
    .filter((name): name is Variant => (ALL_VARIANTS as readonly string[]).includes(name));
  if (!scenario || variants.length === 0 || variants.length > 2) {
    throw new Error(
      `usage: profile <express|fastify> <variant[,variant]> <scenario>; variants ${ALL_VARIANTS.join(', ')}; scenarios ${Object.keys(ALL_SCENARIOS).join(', ')}`,
    );
  }
  const profiles: Map<string, number>[] = [];
  for (const variant of variants) profiles.push(await profileVariant(variant, scenario));
  console.log(
    `${adapter}, "${scenarioName}", ${SECONDS} s, ${CONNECTIONS} connections${canPin ? ', server on core 0' : ''}; busy µs per request (samples, incl. kernel time in syscalls):`,
  );
  variants.forEach((variant, index) => console.log(`  ${variant}: ${total(profiles[index]).toFixed(1)}`));
  const [first, second] = profiles;
  const names = new Set([...first.keys(), ...(second?.keys() ?? [])]);
  const rows = [...names].map((name) => ({ name, a: first.get(name) ?? 0, b: second?.get(name) ?? 0 }));
  if (second) {
    console.log(`\nlargest differences, µs per request (${variants[1]} − ${variants[0]}):`);
    rows.sort((x, y) => Math.abs(y.b - y.a) - Math.abs(x.b - x.a));
    for (const row of rows.slice(0, TOP))
      console.log(`${micros(row.b - row.a)}  ${micros(row.a)} → ${micros(row.b)}  ${row.name}`);
  } else {
    console.log(`\nself time, µs per request:`);
    rows.sort((x, y) => y.a - x.a);
    for (const row of rows.slice(0, TOP)) console.log(`${micros(row.a)}  ${row.name}`);
  }
}

await runPinnedToLoadCore(main);
