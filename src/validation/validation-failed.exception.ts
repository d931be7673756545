import { BadRequestException } from '@nestjs/common';
import type { Violation } from './violation.interface.js';

/**
 * Thrown by the validation pipe and `@ValidHeaders()`; the exception filter renders its violations in the
 * configured style (WeChat `detail`, Spring `errors[]`, RFC 9457 `errors`) with the configured status.
 *
 * @example
 * throw new ValidationFailedException([{ location: 'body', path: ['sku'], value: '', constraint: 'isNotEmpty',
 *   arguments: [], message: 'sku should not be empty', objectName: 'CreateOrderDto' }]);
 */
export class ValidationFailedException extends BadRequestException {
  constructor(readonly violations: readonly Violation[]) {
    super(violations.map((violation) => violation.message));
    this.name = 'ValidationFailedException';
  }
}
