/**
 * Reads a callgrind output file (one event, `Ir`): the instructions in all, and those spent in V8's JIT compilers.
 * Under `--predictable` V8 compiles on the main thread, so a function that tiers up (or re-optimises after a
 * deoptimisation) during the counted requests adds millions of instructions once, which is no cost per request:
 * the bench shows it apart.
 */
import { readFileSync } from 'node:fs';

/** TurboFan, Sparkplug and Maglev: V8's optimising and baseline compilers and their code generation. */
const COMPILER = /^v8::internal::(?:(?:compiler|baseline|maglev)::|Assembler::|AssemblerBase::|Turbofan|Pipeline)/;

export interface CallgrindCosts {
  readonly total: number;
  readonly compiling: number;
}

/**
 * @example
 * readCallgrindCosts('/tmp/cg.1234'); // { total: 128271000, compiling: 17552000 }
 */
export function readCallgrindCosts(file: string): CallgrindCosts {
  const names = new Map<string, string>();
  let compiling = 0;
  let inCompiler = false;
  let afterCall = false;
  let total = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const first = line.charCodeAt(0);
    const isCost = (first >= 48 && first <= 57) || line[0] === '+' || line[0] === '-' || line[0] === '*';
    if (isCost) {
      // The line after `calls=` is the inclusive cost of that call, already counted in the callee.
      if (afterCall) afterCall = false;
      else if (inCompiler) compiling += Number(line.slice(line.lastIndexOf(' ') + 1));
    } else if (line.startsWith('fn=') || line.startsWith('cfn=')) {
      // Names are compressed: `(12) name` the first time, `(12)` afterwards; fn and cfn share the numbering.
      const named = /^c?fn=\((\d+)\)(?: (.*))?$/.exec(line);
      const name = named ? (named[2] ?? names.get(named[1]) ?? '') : line.slice(line.indexOf('=') + 1);
      if (named?.[2] !== undefined) names.set(named[1], named[2]);
      if (line[0] === 'f') inCompiler = COMPILER.test(name);
    } else if (line.startsWith('calls=')) afterCall = true;
    else if (line.startsWith('totals: ')) total = Number(line.slice(8));
  }
  return { total, compiling };
}
