import type { Violation } from '../validation/violation.interface.js';
import { cutText, ELLIPSIS, presentRejectedValue, REDACTED, redactedTexts } from './rejected-value.js';
import { isSensitiveName, NAME_LIMIT, type Redaction } from './sensitive-name.js';

/**
 * The bounds of what an error body shows of violations, whatever the input: path segments, paths, messages, one
 * rendered violation, all of them. With them, a body's violations take at most `list + item` bytes of JSON
 * (`details` plus WeChat's `detail`), whatever the client sent.
 */
export const VIOLATION_BOUNDS = { segments: 16, pathChars: 128, message: 1024, item: 8192, list: 49_152 } as const;

type Rules = Redaction | readonly (string | RegExp)[];

/** A violation as a body may show it: bounded path and message, the value cut and redacted. */
export interface ShownViolation {
  readonly violation: Violation;
  readonly path: readonly (string | number)[];
  readonly value: unknown;
  readonly message: string;
}

/**
 * A path with each name cut at `NAME_LIMIT` characters, and at most `segments` segments and `pathChars` characters
 * (then a last `…` segment).
 *
 * @example
 * boundPath(['a'.repeat(1000)]); // ['aaa…a…'] (128 a's and an ellipsis)
 */
export function boundPath(path: readonly (string | number)[]): readonly (string | number)[] {
  const bounded: (string | number)[] = [];
  let chars = 0;
  for (const segment of path) {
    const shown = typeof segment === 'string' ? cutText(segment, NAME_LIMIT) : segment;
    chars += String(shown).length;
    if (bounded.length >= VIOLATION_BOUNDS.segments || chars > VIOLATION_BOUNDS.pathChars) {
      bounded.push(ELLIPSIS);
      return bounded;
    }
    bounded.push(shown);
  }
  return bounded;
}

function withoutTexts(message: string, texts: readonly string[]): string {
  let scrubbed = message;
  for (const text of texts) if (scrubbed.includes(text)) scrubbed = scrubbed.split(text).join(REDACTED);
  return scrubbed;
}

/**
 * What a body may show of one violation. Names are cut before any redaction pattern sees them. A redacted value
 * (the path names a secret, or a property inside the value does) is removed from the message too, before the
 * message is cut.
 *
 * @example
 * showViolation({ ...violation, path: ['password'], value: 'hunter2', message: 'password hunter2 is too short' }, ['password']);
 * // { path: ['password'], value: '[REDACTED]', message: 'password [REDACTED] is too short', … }
 */
export function showViolation(violation: Violation, rules: Rules): ShownViolation {
  const path = boundPath(violation.path);
  const whole = path.some((segment) => isSensitiveName(segment, rules));
  const value = whole ? REDACTED : presentRejectedValue(violation.value, rules);
  const message = withoutTexts(violation.message, redactedTexts(violation.value, rules, whole));
  return { violation, path, value, message: cutText(message, VIOLATION_BOUNDS.message) };
}

function bigIntDigits(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

/** The JSON size of a rendered item (bigints as their digits). */
export function jsonSize(item: unknown): number {
  let json: string | undefined;
  try {
    // Plain first: a replacer takes V8 off its fast serialiser, and bigints are rare in violations.
    json = JSON.stringify(item);
  } catch {
    try {
      json = JSON.stringify(item, bigIntDigits);
    } catch {
      return 0; // a circular constraint argument of the app's own: the serialiser drops it
    }
  }
  return json === undefined ? 0 : json.length;
}

/**
 * Renders violations until the list would pass `VIOLATION_BOUNDS.list` bytes (the first is always shown); an item
 * over `VIOLATION_BOUNDS.item` is rendered again without its value. Returns the items and how many were left out.
 *
 * @example
 * const { items, omitted } = renderWithinBounds(violations, rules, (shown) => ({ issue: shown.message }));
 */
export function renderWithinBounds(
  violations: readonly Violation[],
  rules: Rules,
  render: (shown: ShownViolation) => Record<string, unknown>,
): { items: Record<string, unknown>[]; omitted: number } {
  const items: Record<string, unknown>[] = [];
  let total = 0;
  for (const violation of violations) {
    const shown = showViolation(violation, rules);
    let item = render(shown);
    let size = jsonSize(item);
    if (size > VIOLATION_BOUNDS.item) {
      item = render({ ...shown, value: ELLIPSIS });
      size = jsonSize(item);
    }
    if (items.length > 0 && total + size > VIOLATION_BOUNDS.list) break;
    items.push(item);
    total += size;
  }
  return { items, omitted: violations.length - items.length };
}
