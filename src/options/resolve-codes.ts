import type { CodeCatalogue } from '../codes/code-definition.interface.js';
import type { CodeRule } from '../codes/code-rule.js';
import { definitionProblem } from './definition-problem.js';
import { describeValue, fail, isPlainObject } from './option-checks.js';
import { CODE_RULE_PRESETS, type CodeRulePreset, DEPRECATED_CODE_RULE_PRESETS } from './option-defaults.js';
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

let warnedDeprecatedPreset = false;

/**
 * `codeRule`: a preset's name or a function. A former preset name (`'seed-004'`) resolves to the preset it now
 * is, with a one-time deprecation warning.
 *
 * @example
 * resolveCodeRule('api-number-kind'); // 'api-number-kind'
 * resolveCodeRule('seed-004'); // 'api-number-kind', and a DeprecationWarning the first time
 */
export function resolveCodeRule(value: unknown): CodeRulePreset | CodeRule | undefined {
  if (value === undefined || typeof value === 'function') return value as CodeRule | undefined;
  if (typeof value === 'string' && Object.hasOwn(DEPRECATED_CODE_RULE_PRESETS, value)) {
    const preset = DEPRECATED_CODE_RULE_PRESETS[value as keyof typeof DEPRECATED_CODE_RULE_PRESETS];
    if (!warnedDeprecatedPreset) {
      warnedDeprecatedPreset = true;
      process.emitWarning(`ResponseModule: codeRule '${value}' is deprecated; use '${preset}' (the same rule)`, {
        type: 'DeprecationWarning',
        code: 'NEST_ENVELOPE_CODE_RULE_NAME',
      });
    }
    return preset;
  }
  if (!CODE_RULE_PRESETS.includes(value as CodeRulePreset)) {
    const names = CODE_RULE_PRESETS.map((name) => JSON.stringify(name));
    fail('codeRule', `must be ${names.join(', ')} or a function (code) => string | undefined`, value);
  }
  return value as CodeRulePreset;
}
