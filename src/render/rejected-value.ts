/** How much of a rejected value an error body may echo. */
export const REJECTED_VALUE_LIMITS = { string: 256, items: 20, keys: 50, depth: 5 } as const;
export const REDACTED = '[REDACTED]';
const ELLIPSIS = '…';

interface RedactMatcher {
  readonly names: ReadonlySet<string>;
  readonly patterns: readonly RegExp[];
}

// The redaction list is fixed at start-up: lower-case its names once, not per property looked at.
const matchers = new WeakMap<readonly (string | RegExp)[], RedactMatcher>();

function matcherOf(redact: readonly (string | RegExp)[]): RedactMatcher {
  let matcher = matchers.get(redact);
  if (matcher === undefined) {
    matcher = {
      names: new Set(
        redact.filter((entry): entry is string => typeof entry === 'string').map((name) => name.toLowerCase()),
      ),
      patterns: redact.filter((entry): entry is RegExp => entry instanceof RegExp),
    };
    matchers.set(redact, matcher);
  }
  return matcher;
}

/** True when a property name is on the redaction list: names compare case-insensitively, RegExps test it. */
export function isSensitiveName(name: string | number, redact: readonly (string | RegExp)[]): boolean {
  if (typeof name !== 'string') return false;
  const { names, patterns } = matcherOf(redact);
  if (names.has(name.toLowerCase())) return true;
  for (const pattern of patterns) {
    pattern.lastIndex = 0; // a /g or /y pattern would otherwise remember where it stopped
    if (pattern.test(name)) return true;
  }
  return false;
}

/**
 * A rejected value as an error body may show it: sensitive properties (at any depth) become `"[REDACTED]"`;
 * long strings, long arrays, wide and deep objects are cut, so a 10 MB input never makes a 10 MB error.
 *
 * @example
 * presentRejectedValue({ user: 'ann', password: 'hunter2' }, ['password']); // { user: 'ann', password: '[REDACTED]' }
 */
export function presentRejectedValue(value: unknown, redact: readonly (string | RegExp)[], depth = 0): unknown {
  if (typeof value === 'string') {
    return value.length > REJECTED_VALUE_LIMITS.string
      ? value.slice(0, REJECTED_VALUE_LIMITS.string) + ELLIPSIS
      : value;
  }
  if (typeof value === 'bigint') return value;
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= REJECTED_VALUE_LIMITS.depth) return ELLIPSIS;
  if (Array.isArray(value)) {
    const shown = value
      .slice(0, REJECTED_VALUE_LIMITS.items)
      .map((item) => presentRejectedValue(item, redact, depth + 1));
    if (value.length > REJECTED_VALUE_LIMITS.items)
      shown.push(`${ELLIPSIS} ${value.length - REJECTED_VALUE_LIMITS.items} more`);
    return shown;
  }
  const shown: Record<string, unknown> = {};
  const keys = Object.keys(value);
  for (const key of keys.slice(0, REJECTED_VALUE_LIMITS.keys)) {
    const item = (value as Record<string, unknown>)[key];
    shown[key] = isSensitiveName(key, redact) ? REDACTED : presentRejectedValue(item, redact, depth + 1);
  }
  if (keys.length > REJECTED_VALUE_LIMITS.keys)
    shown[ELLIPSIS] = `${keys.length - REJECTED_VALUE_LIMITS.keys} more keys`;
  return shown;
}
