import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SIGNING_HEADERS } from '../../src/client/index.js';
import { ADAPTERS } from '../e2e/harness.js';
import { recipeContext, type RecipeContext } from './recipe-context.js';
import { applicable } from './recipe-kinds.js';
import { RECIPES, ROUTELESS, SIGNED } from './recipes.js';
import { bootSample, type SampleUnderTest, STYLES } from './sample-under-test.js';
import { ServedContract } from '../support/served-contract.js';

/** The headers a signed request carries (the module's defaults, which the sample app keeps). */
const SIGNING_HEADERS = Object.values(DEFAULT_SIGNING_HEADERS).map((name) => name.toLowerCase());
const CASES = STYLES.flatMap((style) => ADAPTERS.map((adapter) => [style, adapter] as const));

// Every operation × status the served /docs-json lists gets a real request, and every real answer (status, Content-Type,
// body, signature header) is checked against that document with Ajv over swagger-parser's dereferenced schemas.
describe.each(CASES)('the sample app in %s style on %s answers exactly what its /docs-json says', (style, adapter) => {
  const where = `${style} style, ${adapter}`;
  let sample: SampleUnderTest;
  let contract: ServedContract;
  let ctx: RecipeContext;
  beforeAll(async () => {
    sample = await bootSample(style, adapter);
    contract = await ServedContract.load(sample.document);
    ctx = recipeContext(sample, style, adapter);
  }, 30_000);
  afterAll(() => sample?.close());

  it('documents exactly the operations the recipe table covers', () => {
    expect(contract.operations().sort(), where).toEqual(Object.keys(RECIPES).sort());
  });

  it.each(Object.keys(RECIPES))(
    '%s: every documented response has a recipe, every answer is documented',
    async (op) => {
      const problems: string[] = [];
      const byStatus = RECIPES[op];
      const reached = new Set<string>();
      for (const [status, recipes] of Object.entries(byStatus)) {
        for (const recipe of applicable(recipes, style, adapter)) {
          const answer = await recipe.run(ctx);
          const label = `${op} ${status} "${recipe.does}" (${where})`;
          if (answer.status !== Number(status)) {
            problems.push(`${label}: the recipe got ${answer.status}, not ${status}: ${answer.text.slice(0, 160)}`);
            continue;
          }
          const key = contract.keyFor(op, answer.status);
          if (key !== undefined) reached.add(key);
          for (const problem of contract.check(op, answer)) problems.push(`${label}: ${problem}`);
        }
      }
      for (const key of contract.responseKeys(op)) {
        if (!reached.has(key)) problems.push(`${op} ${key} (${where}): documented, but no recipe answers it`);
      }
      expect(problems).toEqual([]);
    },
    30_000,
  );

  it('requires the four signing headers on each signed operation, and on no other', () => {
    const problems = Object.keys(RECIPES).flatMap((op) => {
      const alternatives = contract.securityHeaders(op);
      const satisfiable = alternatives.some((headers) => SIGNING_HEADERS.every((h) => headers.includes(h)));
      if (SIGNED.includes(op) && !satisfiable) {
        return [`${op} (${where}): signed, but its security names no apiKey headers ${SIGNING_HEADERS.join(', ')}`];
      }
      const open = alternatives.length === 0 || alternatives.some((headers) => headers.length === 0);
      return !SIGNED.includes(op) && !open
        ? [`${op} (${where}): unsigned, but documented as requiring ${JSON.stringify(alternatives)}`]
        : [];
    });
    expect(problems).toEqual([]);
  });

  it('answers requests no route takes with a failure the document describes', async () => {
    const problems: string[] = [];
    for (const recipe of ROUTELESS) {
      const answer = await recipe.run(ctx);
      if (answer.status !== 404) problems.push(`"${recipe.does}" (${where}): got ${answer.status}, not 404`);
      else if (!contract.describedAnywhere(answer, 'FailureEnvelope')) {
        problems.push(
          `"${recipe.does}" (${where}): neither components.schemas.FailureEnvelope nor an operation's 404 describes ${answer.text}`,
        );
      }
    }
    expect(problems).toEqual([]);
  });
});
