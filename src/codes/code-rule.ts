import type { BusinessCode } from './code-definition.interface.js';
import type { RegisteredCode } from './code-collection.js';
import { CodeRegistryError } from './code-registry.error.js';
import { formatCode } from './definition-name.js';
import type { CodeRulePreset } from '../options/option-defaults.js';

/**
 * A team's rule for the shape of its codes: the problem with a code, or `undefined` when it is fine.
 * It sees every registered code except the built-in HTTP ones, with its kind (success or failure).
 *
 * @example
 * const uppercase: CodeRule = ({ code }) =>
 *   typeof code === 'string' && /^[A-Z_]+$/.test(code) ? undefined : 'must be an UPPER_SNAKE_CASE string';
 */
export type CodeRule = (code: RegisteredCode) => string | undefined;

/**
 * A code that breaks the rule, and how.
 *
 * @example
 * const violation: CodeRuleViolation = { code: 10003, name: 'OrderCodes.OUT_OF_STOCK', problem: 'is a failure code: its last two digits must be 10–99' };
 */
export interface CodeRuleViolation {
  readonly code: BusinessCode;
  readonly name: string | undefined;
  readonly problem: string;
}

/**
 * The "API number + kind" rule (`codeRule: 'api-number-kind'`): a code has 5 digits, the first three the
 * API's number, the last two the kind: 00–09 success, 10–99 failure. The shared families are 900xx (success)
 * and 901xx (failure), all 100 numbers each.
 *
 * @example
 * apiNumberKindRule({ code: 10010, kind: 'failure', … }); // undefined
 * apiNumberKindRule({ code: 10003, kind: 'failure', … }); // 'is a failure code: its last two digits must be 10–99'
 */
export const apiNumberKindRule: CodeRule = ({ code, kind }) => {
  if (typeof code !== 'number' || !Number.isInteger(code) || code < 10000 || code > 99999) {
    return 'must be a 5-digit number: 3 digits of API number, 2 of kind';
  }
  const api = Math.floor(code / 100);
  const last = code % 100;
  if (api === 900) return kind === 'success' ? undefined : 'is a failure code in the shared success family 900xx';
  if (api === 901) return kind === 'failure' ? undefined : 'is a success code in the shared failure family 901xx';
  if (kind === 'success' && last >= 10) return 'is a success code: its last two digits must be 00–09';
  if (kind === 'failure' && last < 10) return 'is a failure code: its last two digits must be 10–99';
  return undefined;
};

/**
 * The former name of `apiNumberKindRule` (the same function), kept for one release.
 *
 * @deprecated use `apiNumberKindRule`; this alias will be removed in the next release.
 * @example
 * seed004Rule === apiNumberKindRule; // true
 */
export const seed004Rule: CodeRule = apiNumberKindRule;

const PRESET_RULES: Readonly<Record<CodeRulePreset, CodeRule>> = { 'api-number-kind': apiNumberKindRule };

/**
 * The rule the `codeRule` option names: a preset's function, or the team's own.
 *
 * @example
 * codeRuleOf('api-number-kind') === apiNumberKindRule; // true
 */
export function codeRuleOf(rule: CodeRulePreset | CodeRule): CodeRule {
  return typeof rule === 'string' ? PRESET_RULES[rule] : rule;
}

function named(entry: RegisteredCode): string {
  return entry.name === undefined ? `code ${formatCode(entry.code)}` : `${entry.name} (${formatCode(entry.code)})`;
}

/** The rule's answer for one code; a rule that throws or answers neither text nor `undefined` stops start-up. */
function applyRule(rule: CodeRule, entry: RegisteredCode): string | undefined {
  let problem: unknown;
  try {
    problem = rule(entry);
  } catch (error) {
    let reason: string = typeof error;
    try {
      if (error instanceof Error) reason = String(error.message);
    } catch {
      // a message getter that throws: the type is all there is to say
    }
    throw new CodeRegistryError(`CodeRegistry: the codeRule option threw for ${named(entry)}: ${reason}`, {
      cause: error,
    });
  }
  if (problem === undefined || typeof problem === 'string') return problem;
  const answer = problem === null ? 'null' : typeof problem;
  throw new CodeRegistryError(
    `CodeRegistry: the codeRule option returned ${answer} for ${named(entry)}; it must return the problem as a string, or undefined when the code is fine`,
  );
}

/**
 * The codes that break `rule`, in the order given; built-in HTTP codes are exempt. A rule that throws, or answers
 * anything but a string or `undefined`, is a `CodeRegistryError` naming the `codeRule` option and the code.
 *
 * @example
 * codeRuleViolations(registry.codes(), apiNumberKindRule); // [{ code: 404, name: 'UserCodes.NOT_FOUND', problem: 'must be a 5-digit number…' }]
 */
export function codeRuleViolations(codes: readonly RegisteredCode[], rule: CodeRule): CodeRuleViolation[] {
  const violations: CodeRuleViolation[] = [];
  for (const entry of codes) {
    if (entry.builtIn) continue;
    const problem = applyRule(rule, entry);
    if (problem !== undefined) violations.push({ code: entry.code, name: entry.name, problem });
  }
  return violations;
}

/**
 * The start-up error text for rule violations, one line per code.
 *
 * @example
 * codeRuleMessage([{ code: 10003, name: 'OrderCodes.OUT_OF_STOCK', problem: 'is a failure code: …' }]);
 * // 'CodeRegistry: codes break the codeRule option:\n  - OrderCodes.OUT_OF_STOCK (10003) is a failure code: …'
 */
export function codeRuleMessage(violations: readonly CodeRuleViolation[]): string {
  const lines = violations.map(({ code, name, problem }) =>
    name === undefined ? `  - code ${formatCode(code)} ${problem}` : `  - ${name} (${formatCode(code)}) ${problem}`,
  );
  return ['CodeRegistry: codes break the codeRule option:', ...lines].join('\n');
}
