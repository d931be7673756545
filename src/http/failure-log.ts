import { Injectable, Logger } from '@nestjs/common';
import { BusinessException } from '../codes/business.exception.js';
import { LOGGER_CONTEXT } from '../options/options.constants.js';
import type { FailureOutcome, RequestFacts } from '../outcome/outcome.interface.js';

/**
 * A thrown value in a log line without calling its `toString` (which may throw or leak).
 *
 * @example
 * describeThrown({ a: 1 }); // '[object Object]'
 */
export function describeThrown(value: unknown): string {
  try {
    return typeof value === 'object' && value !== null ? Object.prototype.toString.call(value) : String(value);
  } catch {
    return typeof value;
  }
}

/** The stack of an `Error`, else a safe description. */
function stackOrDescription(value: unknown): string {
  return value instanceof Error ? (value.stack ?? value.message) : describeThrown(value);
}

/**
 * The module's log of failures: every 5xx once with its stack, a business failure's cause as a warning; the client
 * never sees either. Logging itself can never break the answer.
 *
 * @example
 * failureLog.failed(outcome, facts, exception); // ERROR [ResponseModule] GET /orders 500 [requestId=…] TypeError
 */
@Injectable()
export class FailureLog {
  private readonly logger = new Logger(LOGGER_CONTEXT);

  /**
   * @example
   * failureLog.failed(outcome, facts, exception);
   */
  failed(outcome: FailureOutcome, facts: RequestFacts, exception: unknown): void {
    const line = `${facts.method} ${facts.path} ${outcome.httpStatus} [requestId=${facts.requestId}]`;
    try {
      if (outcome.httpStatus >= 500) {
        // One entry: the line (with the code), the stack, and the cause (a nonce store's error, say).
        const cause = exception instanceof Error && exception.cause !== undefined ? exception.cause : undefined;
        this.logger.error(
          `${line} ${outcome.exception?.name ?? 'Error'}${outcome.code === outcome.httpStatus ? '' : ` ${String(outcome.code)}`}`,
          (outcome.exception?.stack ?? describeThrown(exception)) +
            (cause === undefined ? '' : `\ncaused by: ${stackOrDescription(cause)}`),
        );
      } else if (exception instanceof BusinessException && exception.cause !== undefined) {
        // The cause of a business failure is for the team, never for the client.
        this.logger.warn(`${line} ${String(outcome.code)} caused by: ${stackOrDescription(exception.cause)}`);
      }
    } catch {
      this.logger.error(`${line} (unloggable exception)`);
    }
  }

  /**
   * @example
   * failureLog.contractViolation(facts, 'OrdersController.create threw 10010, not declared with @ApiThrows');
   */
  contractViolation(facts: RequestFacts, violation: string): void {
    this.logger.warn(`contract violation: ${facts.method} ${facts.path} ${violation} [requestId=${facts.requestId}]`);
  }

  /**
   * @example
   * failureLog.unserialisable(facts, error);
   */
  unserialisable(facts: RequestFacts, error: unknown): void {
    this.logger.error(
      `${facts.method} ${facts.path} failure body could not be serialised [requestId=${facts.requestId}]`,
      stackOrDescription(error),
    );
  }

  /**
   * @example
   * failureLog.unrendered(error);
   */
  unrendered(error: unknown): void {
    this.logger.error('failure could not be rendered', stackOrDescription(error));
  }
}
