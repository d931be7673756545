import { STATUS_CODES } from 'node:http';
import { BadRequestException } from '@nestjs/common';
import type { Violation } from './violation.interface.js';

/**
 * Thrown by the validation pipe and `@ValidHeaders()`; the exception filter renders its violations in the
 * configured style (WeChat `detail`, Spring `errors[]`, RFC 9457 `errors`) with `validation.status`, or with the
 * `status` given here (a pipe's `errorHttpStatusCode`).
 *
 * @example
 * throw new ValidationFailedException([{ location: 'body', path: ['sku'], value: '', constraint: 'isNotEmpty',
 *   arguments: [], message: 'sku should not be empty', objectName: 'CreateOrderDto' }]);
 */
export class ValidationFailedException extends BadRequestException {
  /** The status this failure asked for; `undefined`: the module's `validation.status`. */
  readonly httpStatus: number | undefined;

  constructor(
    /** One per failed constraint, in the validator's order. */
    readonly violations: readonly Violation[],
    options: { status?: number } = {},
  ) {
    const status = options.status ?? 400;
    // Without the module (Nest's own filter), the body is Nest's usual one for this status.
    super({
      message: violations.map((violation) => violation.message),
      error: STATUS_CODES[status] ?? 'Error',
      statusCode: status,
    });
    this.httpStatus = options.status;
    this.name = 'ValidationFailedException';
  }

  /** The status asked for, else 400 (the module's filter uses `validation.status` then). */
  override getStatus(): number {
    return this.httpStatus ?? super.getStatus();
  }
}
