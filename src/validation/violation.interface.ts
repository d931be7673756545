/**
 * Where a rejected value came from.
 *
 * @example
 * const location: ViolationLocation = 'body';
 */
export type ViolationLocation = 'body' | 'query' | 'path' | 'header';

/**
 * One failed constraint on one value: the model every validation renderer (WeChat, Spring, RFC 9457) reads.
 *
 * @example
 * const violation: Violation = {
 *   location: 'body', path: ['items', 0, 'name'], value: '', constraint: 'isNotEmpty', arguments: [],
 *   message: 'name should not be empty', objectName: 'CreateOrderDto', type: 'String',
 * };
 */
export interface Violation {
  readonly location: ViolationLocation;
  /** Property names as they are (even with `.`, `/`, `~`, `[`), array indexes as numbers. */
  readonly path: readonly (string | number)[];
  /** The value as the client sent it, before any transformation. */
  readonly value: unknown;
  /** The constraint's name as the validator reports it (`isNotEmpty`, `min`, `whitelistValidation`, `too_small`). */
  readonly constraint: string;
  /** The constraint's own arguments, in the validator's positional order (`@Min(1)` → `[1]`). */
  readonly arguments: readonly unknown[];
  readonly message: string;
  /** The class (DTO) the value was validated against, or the location for a schema without a class. */
  readonly objectName: string;
  /** The declared type of the property (`String`, `Number`, a DTO class name), when known. */
  readonly type?: string;
}
