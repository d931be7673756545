import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// `npm run test:browser`: the real-Chromium tests, kept out of `npm test` (slower, and they need Chromium).
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/browser/**/*.browser.ts'],
    coverage: { enabled: false },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
