import { describeValue, isLocaleTag, isPlainObject } from './option-checks.js';

/**
 * What is wrong with a code definition: the member (`code`, `status`, `message`, `message.en`, or `''` for the
 * entry itself), what it must be, and what it was.
 *
 * @example
 * const problem: DefinitionProblem = { member: 'status', expectation: 'must be an integer HTTP status (100–599)', got: '1000' };
 */
export interface DefinitionProblem {
  readonly member: string;
  readonly expectation: string;
  readonly got: string;
}

// `key` and `catalogue` are what defineCodes adds; a definition may be checked again (decorators, options).
const MEMBERS = new Set(['code', 'status', 'message', 'key', 'catalogue']);

function problem(member: string, expectation: string, value: unknown): DefinitionProblem {
  return { member, expectation, got: describeValue(value) };
}

function codeProblem(code: unknown): DefinitionProblem | undefined {
  if (typeof code === 'number' && Number.isSafeInteger(code)) return undefined;
  if (typeof code === 'string' && code.trim() !== '') return undefined;
  return problem('code', 'must be an integer or a non-empty string', code);
}

function statusProblem(status: unknown): DefinitionProblem | undefined {
  if (status === undefined) return undefined;
  if (typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599) return undefined;
  return problem('status', 'must be an integer HTTP status (100–599)', status);
}

function messageProblem(message: unknown): DefinitionProblem | undefined {
  if (typeof message === 'string') {
    return message.trim() === '' ? problem('message', 'must not be empty', message) : undefined;
  }
  if (!isPlainObject(message) || Object.keys(message).length === 0) {
    return problem('message', 'must be a string or a non-empty map of locale → string', message);
  }
  for (const [locale, text] of Object.entries(message)) {
    if (!isLocaleTag(locale)) return problem(`message.${locale}`, 'must be keyed by a BCP 47 locale tag', locale);
    if (typeof text !== 'string' || text.trim() === '') {
      return problem(`message.${locale}`, 'must be a non-empty string', text);
    }
  }
  return undefined;
}

/**
 * The first problem of a code definition, or `undefined` when it is sound: `code` an integer or a non-empty
 * string, `status` (optional) an integer 100–599, `message` a non-empty string or a map BCP 47 tag → text.
 * Unknown members are refused, so a typo (`mesage`) is caught where it is written.
 *
 * @example
 * definitionProblem({ code: 10010, status: 409, message: 'out of stock' }); // undefined
 * definitionProblem({ code: 1.5, message: 'x' }); // { member: 'code', expectation: 'must be an integer or a non-empty string', got: '1.5' }
 */
export function definitionProblem(value: unknown): DefinitionProblem | undefined {
  if (!isPlainObject(value)) return problem('', 'must be an object { code, status?, message }', value);
  const unknown = Object.keys(value).find((member) => !MEMBERS.has(member));
  if (unknown !== undefined) {
    return problem(unknown, 'is not a member of a code definition (code, status, message)', unknown);
  }
  for (const name of ['key', 'catalogue'] as const) {
    const given = value[name];
    if (given !== undefined && (typeof given !== 'string' || given === '')) {
      return problem(name, 'must be a non-empty string', given);
    }
  }
  return codeProblem(value.code) ?? statusProblem(value.status) ?? messageProblem(value.message);
}
