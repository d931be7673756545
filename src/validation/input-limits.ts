import type { ArgumentMetadata } from '@nestjs/common';
import { DEFAULT_MAX_DEPTH, DEFAULT_MAX_NODES } from '../options/option-defaults.js';
import { clientValidationFailure } from './stackless-failure.js';
import type { ViolationLocation } from './violation.interface.js';

/**
 * How much a client's value may hold before any validator (class-transformer, class-validator, a Standard Schema)
 * runs: `validation.maxDepth` and `validation.maxNodes`.
 *
 * @example
 * const limits: InputLimits = { maxDepth: 32, maxNodes: 2000 };
 */
export interface InputLimits {
  /** Levels of nested objects and arrays; the value itself is level 1. */
  readonly maxDepth: number;
  /** Values in all: every object, array, string, number, boolean and null counts one. */
  readonly maxNodes: number;
}

export const DEFAULT_INPUT_LIMITS: InputLimits = Object.freeze({
  maxDepth: DEFAULT_MAX_DEPTH,
  maxNodes: DEFAULT_MAX_NODES,
});

/** Which limit a value broke, and where (for depth, the first container too deep). */
export interface LimitBreach {
  readonly limit: 'maxDepth' | 'maxNodes';
  readonly path: readonly (string | number)[];
}

interface Frame {
  readonly value: object;
  readonly depth: number;
  readonly parent: Frame | undefined;
  readonly key: string | number;
}

function pathOf(frame: Frame | undefined): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at = frame; at?.parent; at = at.parent) path.push(at.key);
  return path.reverse();
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !ArrayBuffer.isView(value);
}

/**
 * The first limit the value breaks, or `undefined`. Iterative and stopping at the first breach: it costs at most
 * `maxNodes` steps whatever the value, and no stack however deep the value is.
 *
 * @example
 * findLimitBreach({ a: { b: {} } }, { maxDepth: 2, maxNodes: 100 }); // { limit: 'maxDepth', path: ['a', 'b'] }
 * findLimitBreach([1, 2, 3], { maxDepth: 2, maxNodes: 3 }); // { limit: 'maxNodes', path: [] }
 */
export function findLimitBreach(value: unknown, limits: InputLimits): LimitBreach | undefined {
  if (!isContainer(value)) return undefined;
  let nodes = 1;
  const stack: Frame[] = [{ value, depth: 1, parent: undefined, key: '' }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.depth > limits.maxDepth) return { limit: 'maxDepth', path: pathOf(frame) };
    const container = frame.value as Record<string, unknown>;
    const keys: (string | number)[] | undefined = Array.isArray(container) ? undefined : Object.keys(container);
    const size = keys ? keys.length : (container as unknown as unknown[]).length;
    nodes += size;
    if (nodes > limits.maxNodes) return { limit: 'maxNodes', path: [] };
    for (let index = 0; index < size; index++) {
      const key = keys ? keys[index] : index;
      const child = container[key];
      if (isContainer(child)) stack.push({ value: child, depth: frame.depth + 1, parent: frame, key });
    }
  }
  return undefined;
}

const LOCATIONS = { body: 'body', query: 'query', param: 'path', custom: 'body' } as const;

/**
 * Throws the violation of the first limit `value` breaks: `maxNodes` answers 413, `maxDepth` the pipe's status
 * (`status`, else `validation.status`). Only what a client sends (body, query, path) is checked; the value is never
 * echoed.
 *
 * @example
 * assertWithinLimits(body, { type: 'body', metatype: CreateOrderDto }, DEFAULT_INPUT_LIMITS, undefined);
 */
export function assertWithinLimits(
  value: unknown,
  metadata: ArgumentMetadata,
  limits: InputLimits,
  status: number | undefined,
): void {
  if (metadata.type === 'custom') return;
  const breach = findLimitBreach(value, limits);
  if (!breach) return;
  const location: ViolationLocation = LOCATIONS[metadata.type];
  const prefix = metadata.data ? [metadata.data] : [];
  const subject = prefix[0] ?? location;
  const metatype = metadata.metatype;
  const nodes = breach.limit === 'maxNodes';
  throw clientValidationFailure(
    [
      {
        location,
        path: [...prefix, ...breach.path],
        value: undefined,
        constraint: breach.limit,
        arguments: [nodes ? limits.maxNodes : limits.maxDepth],
        message: nodes
          ? `${subject} holds more than ${limits.maxNodes} values`
          : `${subject} is nested deeper than ${limits.maxDepth} levels`,
        objectName: typeof metatype === 'function' && metatype.name ? metatype.name : location,
      },
    ],
    { status: nodes ? 413 : status },
  );
}
