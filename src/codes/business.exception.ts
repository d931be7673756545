import { HttpException } from '@nestjs/common';
import type { BusinessCode, CodeDefinition } from './code-definition.interface.js';
import { interpolate, localise } from './locale.js';
import type { MessageParams } from './message-params.js';
import { reasonPhrase } from './reason-phrase.js';

/**
 * What a `BusinessException` may carry besides its definition.
 *
 * @example
 * const options: BusinessExceptionOptions = { params: { sku: 'A1' }, detail: { sku: 'A1' } };
 */
export interface BusinessExceptionOptions {
  /** Values for the `{name}` placeholders of the definition's message. */
  params?: Readonly<Record<string, unknown>>;
  /** Sent to the client as the body's `detail`. */
  detail?: unknown;
  /** Logged on the server, never sent. */
  cause?: unknown;
  /** Overrides the definition's HTTP status for this occurrence. */
  status?: number;
  /** Overrides the definition's message for this occurrence. */
  message?: string;
}

/**
 * The options argument of `new BusinessException(definition, …)`: optional for a message without placeholders;
 * required, with `params` holding exactly the placeholders, for one with (`'book {id} not found'` needs
 * `{ params: { id } }`). A definition typed only as `CodeDefinition` is not checked.
 *
 * @example
 * type Args = BusinessExceptionArgs<typeof BookCodes.NOT_FOUND>; // [options: { params: { readonly id: unknown }, … }]
 */
export type BusinessExceptionArgs<D extends CodeDefinition> = [keyof MessageParams<D>] extends [never]
  ? [options?: BusinessExceptionOptions]
  : [options: Omit<BusinessExceptionOptions, 'params'> & { readonly params: MessageParams<D> }];

/**
 * The body a `BusinessException` answers with where `ResponseModule` is not imported (Nest's own filter), in
 * the shape of Nest's built-in exceptions plus the business code.
 *
 * @example
 * const body: BusinessExceptionBody = { statusCode: 404, message: 'book 42 not found', error: 'Not Found', code: 30010 };
 */
export interface BusinessExceptionBody {
  /** The HTTP status. */
  readonly statusCode: number;
  /** The definition's text in English (else its first locale), params filled in. */
  readonly message: string;
  /** The status's reason phrase. */
  readonly error: string;
  /** The business code. */
  readonly code: BusinessCode;
}

const DEFAULT_BUSINESS_STATUS = 400;
// A message's text outside a request: `en`, else the message's only (or first) locale.
const DEFAULT_LOCALE = 'en';

/**
 * A business failure with a declared code. The exception filter renders its code, HTTP status (the
 * definition's, else 400), message (in the request's locale) and `detail`. It is an `HttpException` whose
 * `message` is the definition's text in English (else its first locale) with the `params` filled in, so an
 * app's own filters, loggers and tests read `book 42 not found`; where `ResponseModule` is not imported, Nest's
 * own filter answers `{ statusCode, message, error, code }`. A message with placeholders needs its `params`
 * (checked by the compiler for a `defineCodes` definition).
 *
 * @example
 * throw new BusinessException(OrderCodes.OUT_OF_STOCK, { detail: { sku }, params: { sku } });
 * expect(() => books.find(42)).toThrow('book 42 not found');
 */
export class BusinessException<const D extends CodeDefinition = CodeDefinition> extends HttpException {
  readonly definition: CodeDefinition;
  readonly params: Readonly<Record<string, unknown>>;
  readonly detail: unknown;
  readonly messageOverride: string | undefined;

  constructor(definition: D, ...args: BusinessExceptionArgs<D>) {
    const [options = {}] = args;
    const status = options.status ?? definition.status ?? DEFAULT_BUSINESS_STATUS;
    const params: Readonly<Record<string, unknown>> = options.params ?? {};
    const text = interpolate(options.message ?? localise(definition.message, DEFAULT_LOCALE), params);
    const body: BusinessExceptionBody = {
      statusCode: status,
      message: text,
      error: reasonPhrase(status),
      code: definition.code,
    };
    super(body, status, { cause: options.cause });
    this.name = 'BusinessException';
    this.definition = definition;
    this.params = params;
    this.detail = options.detail;
    this.messageOverride = options.message;
  }

  /**
   * Plain `instanceof`; declared so that `error instanceof BusinessException` narrows to
   * `BusinessException<CodeDefinition>` (and a subclass to itself), not to `BusinessException<any>`.
   *
   * @example
   * if (error instanceof BusinessException) log(error.definition.code);
   */
  static [Symbol.hasInstance]<T>(this: abstract new (...args: never[]) => T, value: unknown): value is T {
    return Function.prototype[Symbol.hasInstance].call(this, value);
  }
}
