import { getMetadataStorage, type ValidationError } from 'class-validator';
import type { Violation, ViolationLocation } from './violation.interface.js';

type Segment = string | number;
/** What a violation reads of one property of a class: constraint arguments by constraint name, the declared type. */
interface PropertyFacts {
  readonly argumentsOf: Map<string, readonly unknown[]>;
  readonly type: string | undefined;
}

const NO_FACTS: PropertyFacts = { argumentsOf: new Map(), type: undefined };
const factsCache = new WeakMap<object, Map<string, PropertyFacts>>();

/** Constraint arguments and declared types of one class, by property, read once from class-validator's storage. */
function propertiesOf(target: new () => unknown): Map<string, PropertyFacts> {
  let byProperty = factsCache.get(target);
  if (byProperty) return byProperty;
  byProperty = new Map();
  for (const metadata of getMetadataStorage().getTargetValidationMetadatas(target, '', true, false)) {
    const name = metadata.name ?? metadata.type;
    let facts = byProperty.get(metadata.propertyName);
    if (!facts) {
      facts = { argumentsOf: new Map(), type: declaredType(target, metadata.propertyName) };
      byProperty.set(metadata.propertyName, facts);
    }
    if (!facts.argumentsOf.has(name)) facts.argumentsOf.set(name, withoutTrailingUndefined(metadata.constraints ?? []));
  }
  factsCache.set(target, byProperty);
  return byProperty;
}

function withoutTrailingUndefined(values: readonly unknown[]): readonly unknown[] {
  let end = values.length;
  while (end > 0 && values[end - 1] === undefined) end--;
  return values.slice(0, end);
}

function ownValue(container: unknown, key: string): unknown {
  if (typeof container !== 'object' || container === null) return undefined;
  return Object.prototype.hasOwnProperty.call(container, key) ? (container as Record<string, unknown>)[key] : undefined;
}

function classOf(instance: unknown): (new () => unknown) | undefined {
  if (typeof instance !== 'object' || instance === null || Array.isArray(instance)) return undefined;
  const prototype: unknown = Object.getPrototypeOf(instance);
  const ctor: unknown = typeof prototype === 'object' && prototype !== null ? prototype.constructor : undefined;
  return typeof ctor === 'function' && ctor !== Object ? (ctor as new () => unknown) : undefined;
}

function declaredType(target: new () => unknown, property: string): string | undefined {
  const type: unknown = Reflect.getMetadata('design:type', target.prototype as object, property);
  return typeof type === 'function' && type.name ? type.name : undefined;
}

/** What the walk needs besides the error tree. */
export interface ViolationSource {
  readonly location: ViolationLocation;
  /** The value as the client sent it: rejected values are read here, not from the transformed instance. */
  readonly raw: unknown;
  /** Segments before the validated value (e.g. `['items']` for `@Body('items')`). */
  readonly prefix: readonly Segment[];
  readonly objectName: string;
}

/**
 * Flattens class-validator's error tree into violations, one per failed constraint, in class-validator's order
 * (nested errors before the next property). Array indexes become numbers; constraint arguments come from
 * class-validator's metadata storage; rejected values from the raw input.
 *
 * @example
 * classValidatorViolations(await validate(instance), { location: 'body', raw: body, prefix: [], objectName: 'CreateOrderDto' });
 */
export function classValidatorViolations(errors: readonly ValidationError[], source: ViolationSource): Violation[] {
  const violations: Violation[] = [];
  const walk = (level: readonly ValidationError[], path: readonly Segment[], rawParent: unknown): void => {
    for (const error of level) {
      const property = String(error.property);
      const segment: Segment =
        Array.isArray(rawParent) && /^(0|[1-9]\d*)$/.test(property) ? Number(property) : property;
      const here = property === '' ? path : [...path, segment];
      const raw = property === '' ? rawParent : ownValue(rawParent, property);
      const target = classOf(error.target);
      const facts = (target && propertiesOf(target).get(property)) || NO_FACTS;
      const constraints = error.constraints ?? {};
      for (const constraint of Object.keys(constraints)) {
        const message = constraints[constraint];
        violations.push({
          location: source.location,
          path: here,
          value: constraint === 'whitelistValidation' || raw !== undefined ? raw : error.value,
          constraint,
          arguments: facts.argumentsOf.get(constraint) ?? [],
          message,
          objectName: source.objectName,
          type: target ? (facts.type ?? declaredType(target, property)) : undefined,
        });
      }
      if (error.children && error.children.length > 0) walk(error.children, here, raw);
    }
  };
  walk(errors, source.prefix, source.raw);
  return violations;
}
