import type { Violation } from '../validation/violation.interface.js';
import { cutText, ELLIPSIS, presentRejectedValue, REDACTED, redactedTexts } from './rejected-value.js';
import { jsonSize, jsonSizeBound } from './json-size.js';
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

function isWithinBounds(path: readonly (string | number)[]): boolean {
  if (path.length > VIOLATION_BOUNDS.segments) return false;
  let chars = 0;
  for (const segment of path) {
    if (typeof segment === 'string' && segment.length > NAME_LIMIT) return false;
    chars += typeof segment === 'string' ? segment.length : String(segment).length;
  }
  return chars <= VIOLATION_BOUNDS.pathChars;
}

/**
 * A path with each name cut at `NAME_LIMIT` characters, and at most `segments` segments and `pathChars` characters
 * (then a last `…` segment).
 *
 * @example
 * boundPath(['a'.repeat(1000)]); // ['aaa…a…'] (128 a's and an ellipsis)
 */
export function boundPath(path: readonly (string | number)[]): readonly (string | number)[] {
  if (isWithinBounds(path)) return path; // most paths: no copy
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

/**
 * Renders violations until the list would pass `VIOLATION_BOUNDS.list` bytes (the first is always shown); an item
 * over `VIOLATION_BOUNDS.item` is rendered again without its value. Returns the items and how many were left out.
 * Sizes are bounds from lengths (`jsonSizeBound`) while those are far from a limit, exact near one: the result is
 * the one exact sizes throughout give.
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
  let measured = 0; // the exact size of items[0 … unmeasured)
  let unmeasured = 0;
  let bounded = 0; // a bound of the size of the items from `unmeasured` on
  for (const violation of violations) {
    const shown = showViolation(violation, rules);
    let item = render(shown);
    let size = jsonSizeBound(item);
    if (size > VIOLATION_BOUNDS.item) {
      size = jsonSize(item);
      if (size > VIOLATION_BOUNDS.item) {
        item = render({ ...shown, value: ELLIPSIS });
        size = jsonSize(item);
      }
    }
    if (measured + bounded + size > VIOLATION_BOUNDS.list) {
      for (; unmeasured < items.length; unmeasured++) measured += jsonSize(items[unmeasured]);
      bounded = 0;
      size = jsonSize(item);
      if (items.length > 0 && measured + size > VIOLATION_BOUNDS.list) break;
      measured += size;
      unmeasured = items.length + 1;
    } else {
      bounded += size;
    }
    items.push(item);
  }
  return { items, omitted: violations.length - items.length };
}
