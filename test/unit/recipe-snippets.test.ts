import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The ```ts fence docs/recipes.md prints between `<!-- recipe:<name>:start -->` and its end marker. */
function recipe(name: string): string {
  const page = readFileSync(new URL('../../docs/recipes.md', import.meta.url), 'utf8');
  const section = new RegExp(`<!-- recipe:${name}:start -->([\\s\\S]*?)<!-- recipe:${name}:end -->`).exec(page)?.[1];
  if (section === undefined) throw new Error(`docs/recipes.md has no recipe:${name} section`);
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (code === undefined) throw new Error(`docs/recipes.md: the recipe:${name} section has no ts fence`);
  return code;
}

describe('the recipes of docs/recipes.md are the tested fixtures, unchanged', () => {
  it('An app with its own ValidationPipe = test/fixtures/own-validation-pipe.app.ts', () => {
    const fixture = readFileSync(new URL('../fixtures/own-validation-pipe.app.ts', import.meta.url), 'utf8');
    expect(recipe('own-validation-pipe')).toBe(fixture);
  });
});
