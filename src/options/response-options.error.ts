/**
 * A bad option value, thrown at start-up; the message names the option by its path.
 *
 * @example
 * ResponseModule.forRoot({ validation: { maxViolations: 0 } });
 * // ResponseOptionsError: ResponseModule: validation.maxViolations must be a positive integer (got 0)
 */
export class ResponseOptionsError extends Error {
  constructor(message: string) {
    super(`ResponseModule: ${message}`);
    this.name = 'ResponseOptionsError';
  }
}
