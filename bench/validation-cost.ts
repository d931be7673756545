import 'reflect-metadata';
import type { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsOptional, IsString, ValidateNested } from 'class-validator';
import { EnvelopeValidationPipe } from 'nest-envelope';

// The CPU time one body's validation holds the event loop for, measured in-process and load-free: run it with
// `node --predictable` (V8 then compiles and collects garbage on the main thread, so process.cpuUsage() is the main
// thread's time, which other processes on the machine do not inflate). The module's pipe, the DTO of
// `hostile-server.ts`, bodies of empty nested items (the costliest shape per value) just under each budget.
// VALIDATION_COST_ROUNDS (31) counted after as many warm-up rounds; prints median and min–max per body.
class LineDto {
  @IsString() name!: string;
}

class OrderDto {
  @IsString() name!: string;
  @IsOptional() @ValidateNested({ each: true }) @Type(() => LineDto) items?: LineDto[];
}

const ROUNDS = Number(process.env.VALIDATION_COST_ROUNDS ?? 31);
const metadata: ArgumentMetadata = { type: 'body', metatype: OrderDto, data: undefined };
const pipe = new EnvelopeValidationPipe({}, { maxDepth: 32, maxNodes: 1e9 });
const round = (value: number) => Math.round(value * 100) / 100;

async function cpuMs(text: string): Promise<number> {
  const body: unknown = JSON.parse(text);
  const before = process.cpuUsage();
  await pipe.transform(body, metadata).catch(() => undefined);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

console.log(`Node ${process.version} ${process.execArgv.join(' ')}, ${ROUNDS} warm-up + ${ROUNDS} counted rounds`);
console.log('| body | values | CPU ms median | min–max | µs per value |');
console.log('| --- | --- | --- | --- | --- |');
for (const count of [100, 997, 1997, 2997, 4997]) {
  const text = JSON.stringify({ name: 'abc', items: new Array(count).fill({}) });
  for (let warm = 0; warm < ROUNDS; warm++) await cpuMs(text);
  const samples: number[] = [];
  for (let counted = 0; counted < ROUNDS; counted++) samples.push(await cpuMs(text));
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(ROUNDS / 2)];
  const values = count + 3;
  const cells = [`${count} empty items`, values, round(median), `${round(samples[0])}–${round(samples.at(-1)!)}`];
  console.log(`| ${[...cells, round((median * 1000) / values)].join(' | ')} |`);
}
