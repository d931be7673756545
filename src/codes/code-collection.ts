import type { BusinessCode, CodeDefinition, LocalisedText } from './code-definition.interface.js';
import { definitionName, formatCode } from './definition-name.js';

/**
 * One place a definition was seen at start-up: in a catalogue of the `codes` option, or on a controller.
 *
 * @example
 * const sighting: CodeSighting = { definition: OrderCodes.OUT_OF_STOCK, origin: '@ApiThrows on OrdersController.create', endpoints: ['POST /orders'], role: 'failure' };
 */
export interface CodeSighting {
  readonly definition: CodeDefinition;
  /** Its key in a plain catalogue object, for a definition `defineCodes` did not make. */
  readonly key?: string;
  /** Where it was seen, for error messages. */
  readonly origin: string;
  /** The endpoints that declare it (`POST /orders`). */
  readonly endpoints?: readonly string[];
  /** `success` for `@ApiCode`, `failure` for `@ApiThrows`. */
  readonly role?: 'success' | 'failure';
}

/**
 * A code as the registry knows it, with everything the code table shows.
 *
 * @example
 * registry.get(10010); // { code: 10010, name: 'OrderCodes.OUT_OF_STOCK', status: 409, kind: 'failure', endpoints: ['POST /orders'], … }
 */
export interface RegisteredCode {
  readonly code: BusinessCode;
  /** `Catalogue.KEY`, or the key alone; `undefined` for an unnamed definition (`@ApiCode(10000, 'ok')`). */
  readonly name: string | undefined;
  /** The definition's HTTP status, if it has one. */
  readonly status: number | undefined;
  readonly message: string | LocalisedText;
  /** `success` when an `@ApiCode` uses it, `failure` when an `@ApiThrows` does, else by its status (2xx: success). */
  readonly kind: 'success' | 'failure';
  /** The endpoints that declare it, sorted. */
  readonly endpoints: readonly string[];
  /** True for a definition of the built-in HTTP catalogue (no team definition has its code). */
  readonly builtIn: boolean;
  readonly definition: CodeDefinition;
}

/**
 * A code with more than one definition: the descriptions of each.
 *
 * @example
 * const conflict: CodeConflict = { code: 10010, definitions: ['OrderCodes.OUT_OF_STOCK', 'PaymentCodes.CARD_DECLINED'] };
 */
export interface CodeConflict {
  readonly code: BusinessCode;
  readonly definitions: readonly string[];
}

interface Variant {
  readonly definition: CodeDefinition;
  readonly name: string | undefined;
  readonly builtIn: boolean;
  readonly origins: string[];
  readonly endpoints: Set<string>;
  readonly roles: Set<'success' | 'failure'>;
}

function sameMessage(a: string | LocalisedText, b: string | LocalisedText): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** The same object, or one with the same content (a catalogue loaded twice is still one catalogue). */
function sameDefinition(variant: Variant, definition: CodeDefinition, name: string | undefined): boolean {
  const known = variant.definition;
  return (
    known === definition ||
    (known.code === definition.code &&
      known.status === definition.status &&
      variant.name === name &&
      sameMessage(known.message, definition.message))
  );
}

function compareCodes(a: BusinessCode, b: BusinessCode): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function describeVariant(variant: Variant): string {
  return variant.name ?? `an unnamed definition (${variant.origins[0]})`;
}

function kindOf(variants: readonly Variant[], status: number | undefined): 'success' | 'failure' {
  if (variants.some((variant) => variant.roles.has('success'))) return 'success';
  if (variants.some((variant) => variant.roles.has('failure'))) return 'failure';
  return status !== undefined && status >= 200 && status <= 299 ? 'success' : 'failure';
}

function register(variants: readonly Variant[]): RegisteredCode {
  // A team definition wins over the built-in HTTP one with its code.
  const chosen = variants.find((variant) => !variant.builtIn) ?? variants[0];
  const { definition } = chosen;
  return {
    code: definition.code,
    name: chosen.name,
    status: definition.status,
    message: definition.message,
    kind: kindOf(variants, definition.status),
    endpoints: [...new Set(variants.flatMap((variant) => [...variant.endpoints]))].sort(),
    builtIn: chosen.builtIn,
    definition,
  };
}

/**
 * Merges what was seen at start-up into one entry per code, sorted (numbers, then strings). The same
 * definition seen twice is one entry; two different definitions of a code are a conflict, unless one of them
 * is built in (`isBuiltIn`): then the team's wins.
 *
 * @example
 * collectCodes([{ definition: A.X, origin: 'codes[0]' }, { definition: B.Y, origin: 'codes[1]' }], isBuiltInHttpCode);
 * // { codes: [...], conflicts: [{ code: 1, definitions: ['A.X', 'B.Y'] }] } when A.X and B.Y share code 1
 */
export function collectCodes(
  sightings: readonly CodeSighting[],
  isBuiltIn: (definition: CodeDefinition) => boolean,
): { codes: RegisteredCode[]; conflicts: CodeConflict[] } {
  const byCode = new Map<BusinessCode, Variant[]>();
  for (const sighting of sightings) {
    const { definition } = sighting;
    const name = definitionName(definition, sighting.key);
    const variants = byCode.get(definition.code) ?? [];
    byCode.set(definition.code, variants);
    let variant = variants.find((known) => sameDefinition(known, definition, name));
    if (variant === undefined) {
      variant = {
        definition,
        name,
        builtIn: isBuiltIn(definition),
        origins: [],
        endpoints: new Set(),
        roles: new Set(),
      };
      variants.push(variant);
    }
    variant.origins.push(sighting.origin);
    sighting.endpoints?.forEach((endpoint) => variant.endpoints.add(endpoint));
    if (sighting.role !== undefined) variant.roles.add(sighting.role);
  }
  const codes: RegisteredCode[] = [];
  const conflicts: CodeConflict[] = [];
  for (const [code, variants] of byCode) {
    const team = variants.filter((variant) => !variant.builtIn);
    if (team.length > 1) conflicts.push({ code, definitions: team.map(describeVariant) });
    codes.push(register(variants));
  }
  codes.sort((a, b) => compareCodes(a.code, b.code));
  conflicts.sort((a, b) => compareCodes(a.code, b.code));
  return { codes, conflicts };
}

function listNames(names: readonly string[]): string {
  return names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * The start-up error text for conflicts, one line per code.
 *
 * @example
 * conflictsMessage([{ code: 10010, definitions: ['OrderCodes.OUT_OF_STOCK', 'PaymentCodes.CARD_DECLINED'] }]);
 * // 'CodeRegistry: a code must have one definition, but\n  - code 10010 is defined by OrderCodes.OUT_OF_STOCK and PaymentCodes.CARD_DECLINED'
 */
export function conflictsMessage(conflicts: readonly CodeConflict[]): string {
  const lines = conflicts.map(
    (conflict) => `  - code ${formatCode(conflict.code)} is defined by ${listNames(conflict.definitions)}`,
  );
  return ['CodeRegistry: a code must have one definition, but', ...lines].join('\n');
}
