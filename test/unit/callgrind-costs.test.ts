import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCallgrindCosts } from '../../bench/callgrind-costs.js';

const dir = mkdtempSync(join(tmpdir(), 'callgrind-costs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function costsOf(text: string) {
  const file = join(dir, `cg.${String(Math.random()).slice(2)}`);
  writeFileSync(file, text);
  return readCallgrindCosts(file);
}

// A callgrind file in the format valgrind 3.19 writes (compressed names, relative positions): the JavaScript calls
// a scavenge (minor GC: not major GC), an incremental marking step that calls a marking visitor, and the atomic
// pause, which sweeps; TurboFan compiles once. The sums below are worked out by hand from the self costs.
const FILE = `# callgrind format
version: 1
creator: callgrind-3.19.0
positions: line
events: Ir
summary: 0

fl=(1) ???
fn=(1) Builtins_JSEntry
0 100
+2 30
cfn=(2) v8::internal::Heap::Scavenge()
calls=1 0
0 900
cfn=(3) v8::internal::IncrementalMarking::Step(double, v8::internal::StepOrigin)
calls=2 0
0 1250
cfn=(4) v8::internal::Heap::MarkCompact()
calls=1 0
0 5000
cfn=(5) v8::internal::compiler::PipelineImpl::OptimizeGraph(v8::internal::compiler::Linkage*)
calls=1 0
0 700

fn=(2)
0 900

fn=(3)
0 50
cfn=(6) void v8::internal::MarkingVisitorBase<v8::internal::MainMarkingVisitor>::ProcessStrongHeapObject()
calls=40 0
0 1200

fn=(6)
0 1200
0 2000

fn=(4)
0 2600
cfn=(6)
calls=10 0
0 2000
cfn=(7) v8::internal::Sweeper::RawSweep(v8::internal::Page*)
calls=1 0
0 400

fn=(7)
0 400

fn=(5)
0 700

totals: 7980
`;

describe('readCallgrindCosts', () => {
  it('reads the total, the JIT compilers’ own cost and the major GC’s inclusive cost', () => {
    // majorGc: the step (50 + 1 200) and the pause (2 600 + 2 000 + 400), each counted once; the sweep inside the
    // pause is not added again; the scavenge (900) is not major GC.
    expect(costsOf(FILE)).toEqual({ total: 7980, compiling: 700, majorGc: 1250 + 5000, scavenges: 1 });
  });

  it('counts no major GC in a window with scavenges only', () => {
    const file = [
      'events: Ir',
      'fn=(1) Builtins_JSEntry',
      '0 100',
      'cfn=(2) v8::internal::Heap::Scavenge()',
      'calls=3 0',
      '0 900',
      'fn=(2)',
      '0 900',
      'totals: 1000',
    ].join('\n');
    expect(costsOf(file)).toEqual({ total: 1000, compiling: 0, majorGc: 0, scavenges: 3 });
  });
});
