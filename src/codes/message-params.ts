import type { CodeDefinition } from './code-definition.interface.js';

/**
 * The placeholder name written between `{` and `}` (after the last `{`, as in `a{b}`), or `never` when it is not
 * a name. The type-level twin of `interpolate`'s pattern `[A-Za-z_][\w.-]*`: a letter or `_`, then letters,
 * digits, `_`, `.` and `-` (letters are told by case, so non-ASCII letters count here but are not filled).
 *
 * @example
 * type Id = PlaceholderName<'id'>; // 'id'
 * type None = PlaceholderName<'not a name'>; // never
 */
export type PlaceholderName<
  T extends string,
  Name extends string = T,
  First extends boolean = true,
> = T extends `${string}{${infer After}`
  ? PlaceholderName<After>
  : T extends `${infer C}${infer R}`
    ? Uppercase<C> extends Lowercase<C>
      ? C extends '_'
        ? PlaceholderName<R, Name, false>
        : First extends true
          ? never
          : C extends '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '.' | '-'
            ? PlaceholderName<R, Name, false>
            : never
      : PlaceholderName<R, Name, false>
    : First extends true
      ? never
      : Name;

/**
 * The `{name}` placeholders of a message text, as a union of names: `never` for a text without any, and for a
 * text typed plain `string` (nothing is known about it).
 *
 * @example
 * type Names = Placeholders<'book {id} of {shelf} not found'>; // 'id' | 'shelf'
 */
export type Placeholders<S extends string> = string extends S
  ? never
  : S extends `${string}{${infer Inner}}${infer Rest}`
    ? PlaceholderName<Inner> | Placeholders<Rest>
    : never;

/**
 * The `params` a definition's message needs: exactly its placeholders, over every locale the message has (any
 * of them may be rendered). Strings, numbers, booleans and bigints are shown; any other value leaves its
 * placeholder out.
 *
 * @example
 * const BookCodes = defineCodes({ NOT_FOUND: { code: 30010, status: 404, message: 'book {id} not found' } });
 * const params: MessageParams<typeof BookCodes.NOT_FOUND> = { id: 42 };
 */
export type MessageParams<D extends CodeDefinition> = {
  readonly [
    N in D['message'] extends string
      ? Placeholders<D['message']>
      : {
          [L in keyof D['message']]: D['message'][L] extends string ? Placeholders<D['message'][L]> : never;
        }[keyof D['message']]
  ]: unknown;
};
