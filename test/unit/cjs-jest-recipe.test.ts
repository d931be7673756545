import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8');

/** The lines of a page's ```ts jest fences: Jest code, which doc-snippets.test.ts cannot type-check. */
function jestFences(page: string): string[][] {
  return [...page.matchAll(/^```ts jest\n([\s\S]*?)^```$/gm)].map(([, body]) =>
    body
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  );
}

// The recipe's Jest test is not compiled here (no Jest in this repository): it must be the test that
// scripts/test-cjs-jest.sh type-checks and runs in test/cjs-jest-app, line for line (indentation aside: Prettier re-indents the fence).
describe('docs/recipes.md, CommonJS and Jest', () => {
  const recipes = read('docs/recipes.md');
  const spec = read('test/cjs-jest-app/test/app.e2e-spec.ts')
    .split('\n')
    .map((line) => line.trim());

  it('shows a Jest block that is a run of lines of test/cjs-jest-app/test/app.e2e-spec.ts', () => {
    const fences = jestFences(recipes);
    expect(fences).toHaveLength(1);
    const [block] = fences;
    const start = spec.indexOf(block[0]);
    expect(start, `first line not in the spec: ${block[0]}`).toBeGreaterThanOrEqual(0);
    expect(spec.slice(start, start + block.length)).toEqual(block);
  });

  it("its app is the project's: the same catalogue and handler", () => {
    const codes = read('test/cjs-jest-app/src/book.codes.ts');
    const controller = read('test/cjs-jest-app/src/app.controller.ts');
    const catalogue = /defineCodes\([\s\S]*?\n\);/.exec(codes)?.[0];
    const handler = / {2}@Get\('books\/:id'\)[\s\S]*?\n {2}}\n/.exec(controller)?.[0];
    expect(catalogue).toBeDefined();
    expect(handler).toBeDefined();
    expect(recipes).toContain(catalogue);
    expect(recipes).toContain(handler);
  });
});
