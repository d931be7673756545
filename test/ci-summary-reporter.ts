import { writeSync } from 'node:fs';
import type { Reporter, TestModule, Vitest } from 'vitest/node';

/** Closes `vitest run` with "vitest: N passed, N failed, N skipped" for CI log parsers. */
export default class CiSummaryReporter implements Reporter {
  private watch = false;
  private line = '';

  onInit(vitest: Vitest): void {
    this.watch = vitest.config.watch;
    if (!this.watch) process.once('exit', () => this.line && writeSync(1, this.line));
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      const tests = [...mod.children.allTests()];
      let failedHere = 0;
      for (const test of tests) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failedHere++;
        else skipped++;
      }
      // A file that failed to load, or whose beforeAll/afterAll failed (its tests then count as skipped).
      if (mod.state() === 'failed' && failedHere === 0) failedHere = 1;
      failed += failedHere;
    }
    if (failed === 0 && unhandledErrors.length > 0) failed = 1; // never "0 failed" on a failing run
    this.line = `vitest: ${passed} passed, ${failed} failed, ${skipped} skipped\n`;
    if (this.watch) process.stdout.write(this.line);
  }
}
