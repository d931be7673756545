/**
 * Reads a callgrind output file (one event, `Ir`): the instructions in all, those spent in V8's JIT compilers, and
 * those of V8's major GC. Under `--predictable` V8 compiles and collects on the main thread, so a function that tiers
 * up (or re-optimises after a deoptimisation) during the counted requests adds millions of instructions once, and a
 * mark-compact about 115 M (Express): neither is a cost of each request in the window, so the bench shows them apart.
 */
import { readFileSync } from 'node:fs';

/** TurboFan, Sparkplug and Maglev: V8's optimising and baseline compilers and their code generation. */
const COMPILER = /^v8::internal::(?:(?:compiler|baseline|maglev)::|Assembler::|AssemblerBase::|Turbofan|Pipeline)/;

/**
 * Where V8's major GC (mark-compact) starts its work, counted with all they call: starting incremental marking, its
 * steps (on allocation and as tasks), the marking write barrier the JavaScript code takes while marking is on, the
 * atomic pause (finishing marking, evacuation, pointer updates) and the lazy sweeping after it. Scavenges (the
 * minor GC) are not here: several fall in every counted window, in proportion to what the requests allocate.
 */
const MAJOR_GC =
  /^v8::internal::(?:Heap::StartIncrementalMarking\(|IncrementalMarking::Step\(|MarkingBarrier::Write|Heap::MarkCompact\(\)|Sweeper::)/;

export interface CallgrindCosts {
  readonly total: number;
  readonly compiling: number;
  /** Inclusive: every call into `MAJOR_GC` from a function outside it, with everything it called. */
  readonly majorGc: number;
  /** How many scavenges ran (each ≈ 12 k per request of a 1 000-request window on Express: one more moves a count). */
  readonly scavenges: number;
}

/**
 * @example
 * readCallgrindCosts('/tmp/cg.1234'); // { total: 128271000, compiling: 17552000, majorGc: 0, scavenges: 3 }
 */
export function readCallgrindCosts(file: string): CallgrindCosts {
  const names = new Map<string, string>();
  let compiling = 0;
  let majorGc = 0;
  let inCompiler = false;
  let inMajorGc = false;
  let calleeMajorGc = false;
  let calleeScavenge = false;
  let afterCall = false;
  let scavenges = 0;
  let total = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const first = line.charCodeAt(0);
    const isCost = (first >= 48 && first <= 57) || line[0] === '+' || line[0] === '-' || line[0] === '*';
    if (isCost) {
      const cost = Number(line.slice(line.lastIndexOf(' ') + 1));
      // The line after `calls=` is the inclusive cost of that call, already counted in the callee's own lines.
      if (afterCall) {
        afterCall = false;
        if (calleeMajorGc && !inMajorGc) majorGc += cost;
      } else if (inCompiler) compiling += cost;
    } else if (line.startsWith('fn=') || line.startsWith('cfn=')) {
      // Names are compressed: `(12) name` the first time, `(12)` afterwards; fn and cfn share the numbering.
      const named = /^c?fn=\((\d+)\)(?: (.*))?$/.exec(line);
      const name = named ? (named[2] ?? names.get(named[1]) ?? '') : line.slice(line.indexOf('=') + 1);
      if (named?.[2] !== undefined) names.set(named[1], named[2]);
      if (line[0] === 'f') {
        inCompiler = COMPILER.test(name);
        inMajorGc = MAJOR_GC.test(name);
      } else {
        calleeMajorGc = MAJOR_GC.test(name);
        calleeScavenge = name.startsWith('v8::internal::Heap::Scavenge()');
      }
    } else if (line.startsWith('calls=')) {
      afterCall = true;
      if (calleeScavenge) scavenges += Number.parseInt(line.slice(6), 10);
    } else if (line.startsWith('totals: ')) total = Number(line.slice(8));
  }
  return { total, compiling, majorGc, scavenges };
}
