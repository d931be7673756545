import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The first ```ts fence after a heading of a page, or `undefined`. */
function snippetUnder(page: string, heading: string): string | undefined {
  const lines = readFileSync(`${ROOT}${page}`, 'utf8').split('\n');
  const start = lines.indexOf(heading);
  if (start === -1) return undefined;
  const open = lines.findIndex((line, index) => index > start && line === '```ts');
  const nextHeading = lines.findIndex((line, index) => index > start && line.startsWith('## '));
  if (open === -1 || (nextHeading !== -1 && nextHeading < open)) return undefined;
  const close = lines.findIndex((line, index) => index > open && line === '```');
  return `${lines.slice(open + 1, close).join('\n')}\n`;
}

// Each recipe's snippet is the literal content of a fixture that an e2e test runs on both adapters.
const RECIPES: [page: string, heading: string, fixture: string, test: string][] = [
  [
    'docs/recipes.md',
    '## A Prometheus `/metrics` endpoint',
    'test/fixtures/recipes/metrics.recipe.ts',
    'test/e2e/metrics-recipe.e2e.test.ts',
  ],
];

describe('recipe snippets are the fixtures their tests run', () => {
  it.each(RECIPES)('%s, %s, is %s', (page, heading, fixture, test) => {
    const snippet = snippetUnder(page, heading);
    expect(snippet, `no \`\`\`ts fence under "${heading}" in ${page}`).toBeDefined();
    expect(snippet).toBe(readFileSync(`${ROOT}${fixture}`, 'utf8'));
    expect(readFileSync(`${ROOT}${test}`, 'utf8')).toContain(fixture.replace(/^test\//, '../').replace(/\.ts$/, '.js'));
  });
});
