import { HttpException } from '@nestjs/common';
import type { CodeDefinition } from './code-definition.interface.js';

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

const DEFAULT_BUSINESS_STATUS = 400;

/**
 * A business failure with a declared code. The exception filter renders its code, HTTP status
 * (the definition's, else 400), message and `detail`. It is an `HttpException`, so Nest's own
 * filter still answers sensibly where `ResponseModule` is not imported.
 *
 * @example
 * throw new BusinessException(OrderCodes.OUT_OF_STOCK, { detail: { sku }, params: { sku } });
 */
export class BusinessException extends HttpException {
  readonly definition: CodeDefinition;
  readonly params: Readonly<Record<string, unknown>>;
  readonly detail: unknown;
  readonly messageOverride: string | undefined;

  constructor(definition: CodeDefinition, options: BusinessExceptionOptions = {}) {
    const status = options.status ?? definition.status ?? DEFAULT_BUSINESS_STATUS;
    const text = options.message ?? (typeof definition.message === 'string' ? definition.message : undefined);
    super({ code: definition.code, message: text ?? String(definition.code) }, status, { cause: options.cause });
    this.name = 'BusinessException';
    this.definition = definition;
    this.params = options.params ?? {};
    this.detail = options.detail;
    this.messageOverride = options.message;
  }
}
