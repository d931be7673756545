import type { Violation, ViolationLocation } from './violation.interface.js';

/** The part of the Standard Schema v1 interface the pipe uses (zod, valibot, arktype … implement it). */
export interface StandardSchema {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => StandardResult | Promise<StandardResult>;
  };
}

export interface StandardIssue {
  readonly message: string;
  readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[];
}

export type StandardResult =
  { readonly value: unknown; readonly issues?: undefined } | { readonly issues: readonly StandardIssue[] };

/**
 * True for a Standard Schema v1 object.
 *
 * @example
 * isStandardSchema(z.object({ sku: z.string() })); // true
 */
export function isStandardSchema(value: unknown): value is StandardSchema {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false;
  const standard = (value as { '~standard'?: { version?: unknown; validate?: unknown } })['~standard'];
  return (
    typeof standard === 'object' &&
    standard !== null &&
    standard.version === 1 &&
    typeof standard.validate === 'function'
  );
}

function segmentOf(part: PropertyKey | { readonly key: PropertyKey }): string | number {
  const key = typeof part === 'object' && part !== null ? part.key : part;
  return typeof key === 'number' ? key : String(key);
}

function lookup(raw: unknown, path: readonly (string | number)[]): unknown {
  let current = raw;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** Extra members vendors put on issues (zod's `code`, `minimum` …) that name the constraint and its arguments. */
const ARGUMENT_KEYS = ['minimum', 'maximum', 'expected', 'values', 'format', 'pattern', 'divisor'] as const;

/**
 * Standard Schema issues as violations; the constraint is the vendor's issue code (zod's `too_small`) or `invalid`.
 *
 * @example
 * standardSchemaViolations(result.issues, { location: 'body', raw: body, prefix: [], objectName: 'body' });
 */
export function standardSchemaViolations(
  issues: readonly StandardIssue[],
  source: { location: ViolationLocation; raw: unknown; prefix: readonly (string | number)[]; objectName: string },
): Violation[] {
  return issues.map((issue) => {
    const path = (issue.path ?? []).map(segmentOf);
    const extra = issue as unknown as Record<string, unknown>;
    const code = typeof extra.code === 'string' ? extra.code : 'invalid';
    return {
      location: source.location,
      path: [...source.prefix, ...path],
      value: lookup(source.raw, path),
      constraint: code,
      arguments: ARGUMENT_KEYS.filter((key) => extra[key] !== undefined).map((key) => extra[key]),
      message: String(issue.message),
      objectName: source.objectName,
    };
  });
}
