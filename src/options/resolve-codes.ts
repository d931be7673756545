import type { CodeCatalogue } from '../codes/code-definition.interface.js';
import type { CodeRule } from '../codes/code-rule.js';
import { definitionProblem } from './definition-problem.js';
import { describeValue, fail, isPlainObject } from './option-checks.js';
import { CODE_RULE_PRESETS, type CodeRulePreset } from './option-defaults.js';
import { ResponseOptionsError } from './response-options.error.js';

/**
 * `codes`: an array of catalogues whose every definition is sound, else the error names `codes[i].KEY.member`.
 *
 * @example
 * resolveCatalogues([OrderCodes]); // [OrderCodes]
 */
export function resolveCatalogues(value: unknown): readonly CodeCatalogue[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail('codes', 'must be an array of catalogues from defineCodes', value);
  value.forEach((catalogue: unknown, index) => {
    if (!isPlainObject(catalogue)) {
      throw new ResponseOptionsError(
        `codes must be an array of catalogues from defineCodes (got ${describeValue(catalogue)} at codes[${index}])`,
      );
    }
    for (const [key, definition] of Object.entries(catalogue)) {
      const problem = definitionProblem(definition);
      if (problem === undefined) continue;
      const path = problem.member === '' ? `codes[${index}].${key}` : `codes[${index}].${key}.${problem.member}`;
      throw new ResponseOptionsError(`${path} ${problem.expectation} (got ${problem.got})`);
    }
  });
  return value as CodeCatalogue[];
}

/**
 * `codeRule`: a preset's name or a function.
 *
 * @example
 * resolveCodeRule('seed-004'); // 'seed-004'
 */
export function resolveCodeRule(value: unknown): CodeRulePreset | CodeRule | undefined {
  if (value === undefined || typeof value === 'function') return value as CodeRule | undefined;
  if (!CODE_RULE_PRESETS.includes(value as CodeRulePreset)) {
    const names = CODE_RULE_PRESETS.map((name) => JSON.stringify(name));
    fail('codeRule', `must be ${names.join(', ')} or a function (code) => string | undefined`, value);
  }
  return value as CodeRulePreset;
}
