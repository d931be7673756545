import { isSensitiveName, NAME_LIMIT, type Redaction } from './sensitive-name.js';

/** How much of a rejected value an error body may echo: `nodes` values in all, whatever the shape. */
export const REJECTED_VALUE_LIMITS = { string: 256, items: 20, keys: 50, depth: 5, nodes: 100 } as const;
export const REDACTED = '[REDACTED]';
export const ELLIPSIS = '…';

type Rules = Redaction | readonly (string | RegExp)[];

/**
 * A string cut at `limit` characters, with `…` when it was longer.
 *
 * @example
 * cutText('abcdef', 3); // 'abc…'
 */
export function cutText(text: string, limit: number): string {
  return text.length > limit ? text.slice(0, limit) + ELLIPSIS : text;
}

/**
 * A rejected value as an error body may show it: sensitive properties (at any depth) become `"[REDACTED]"`;
 * long strings and keys, long arrays, wide and deep objects are cut, and at most `REJECTED_VALUE_LIMITS.nodes`
 * values are shown, so a 10 MB input never makes a 10 MB error. Keys are cut before any redaction pattern sees them.
 *
 * @example
 * presentRejectedValue({ user: 'ann', password: 'hunter2' }, ['password']); // { user: 'ann', password: '[REDACTED]' }
 */
export function presentRejectedValue(value: unknown, redact: Rules): unknown {
  const budget = { left: REJECTED_VALUE_LIMITS.nodes };
  return present(value, redact, 0, budget);
}

function present(value: unknown, redact: Rules, depth: number, budget: { left: number }): unknown {
  if (typeof value === 'string') return cutText(value, REJECTED_VALUE_LIMITS.string);
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= REJECTED_VALUE_LIMITS.depth) return ELLIPSIS;
  if (Array.isArray(value)) {
    const shown: unknown[] = [];
    const count = Math.min(value.length, REJECTED_VALUE_LIMITS.items);
    for (let index = 0; index < count && budget.left-- > 0; index++) {
      shown.push(present(value[index], redact, depth + 1, budget));
    }
    if (value.length > shown.length) shown.push(`${ELLIPSIS} ${value.length - shown.length} more`);
    return shown;
  }
  const shown: Record<string, unknown> = {};
  const keys = Object.keys(value);
  let count = 0;
  for (const key of keys) {
    if (count >= REJECTED_VALUE_LIMITS.keys || budget.left-- <= 0) break;
    count++;
    const name = cutText(key, NAME_LIMIT);
    const item = (value as Record<string, unknown>)[key];
    shown[name] = isSensitiveName(key, redact) ? REDACTED : present(item, redact, depth + 1, budget);
  }
  if (keys.length > count) shown[ELLIPSIS] = `${keys.length - count} more keys`;
  return shown;
}

/**
 * The texts a redacted part of a rejected value holds (strings, numbers, bigints), so that they can be removed from
 * messages too (`$value` in a constraint message). `whole`: the whole value is redacted.
 *
 * @example
 * redactedTexts({ user: 'ann', password: 'hunter2' }, ['password'], false); // ['hunter2']
 */
export function redactedTexts(value: unknown, redact: Rules, whole: boolean): string[] {
  if (!whole && (typeof value !== 'object' || value === null)) return []; // a scalar under a name left shown
  const texts: string[] = [];
  const stack: [unknown, boolean, number][] = [[value, whole, 0]];
  let budget = REJECTED_VALUE_LIMITS.nodes * 10;
  while (stack.length > 0 && budget-- > 0) {
    const [current, sensitive, depth] = stack.pop()!;
    if (typeof current === 'string' || typeof current === 'number' || typeof current === 'bigint') {
      const text = String(current);
      if (sensitive && text !== '') texts.push(text);
      continue;
    }
    if (typeof current !== 'object' || current === null || depth > REJECTED_VALUE_LIMITS.depth) continue;
    if (Array.isArray(current)) {
      const count = Math.min(current.length, budget);
      for (let index = 0; index < count; index++) stack.push([current[index], sensitive, depth + 1]);
      continue;
    }
    for (const key of Object.keys(current).slice(0, budget)) {
      const item = (current as Record<string, unknown>)[key];
      stack.push([item, sensitive || isSensitiveName(key, redact), depth + 1]);
    }
  }
  // Longest first: a secret that contains another is removed whole.
  return texts.sort((a, b) => b.length - a.length);
}
