import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import CiSummaryReporter from './test/ci-summary-reporter.js';

export default defineConfig({
  // The sample app imports the library by its package name; in tests that name means the sources.
  // Subpaths first: an alias also matches its own subpaths.
  resolve: {
    alias: {
      'nest-envelope/client': fileURLToPath(new URL('./src/client/index.ts', import.meta.url)),
      'nest-envelope/codes': fileURLToPath(new URL('./src/codes/index.ts', import.meta.url)),
      'nest-envelope/swagger': fileURLToPath(new URL('./src/swagger/index.ts', import.meta.url)),
      'nest-envelope': fileURLToPath(new URL('./src/index.ts', import.meta.url)),
    },
  },
  // Vite 8's oxc would take these from tsconfig.json too; setting them here means a file outside
  // the tsconfig "include" still gets design:paramtypes.
  oxc: {
    decorator: { legacy: true, emitDecoratorMetadata: true },
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    reporters: ['default', new CiSummaryReporter()],
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/index.ts', 'src/**/*.interface.ts'],
      reporter: ['text', 'json-summary'],
      thresholds: { lines: 90, branches: 80, functions: 90, statements: 90 },
    },
  },
});
