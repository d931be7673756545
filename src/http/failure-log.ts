import { Injectable, Logger } from '@nestjs/common';
import { BusinessException } from '../codes/business.exception.js';
import { LOGGER_CONTEXT } from '../options/options.constants.js';
import type { FailureOutcome, RequestFacts } from '../outcome/outcome.interface.js';
import { describeThrownChain, thrownName } from './thrown-description.js';

/** The head of a failure's log line; built only when a line is logged (most 4xx log nothing). */
function lineOf(outcome: FailureOutcome, facts: RequestFacts): string {
  return `${facts.method} ${facts.path} ${outcome.httpStatus} [requestId=${facts.requestId}]`;
}

/**
 * The module's log of failures: every 5xx once, as one line (method, path, status, request id, code, the thrown
 * value's name) with its stack and cause chain; a 4xx business failure's cause as a warning. The client never sees
 * either. Every member of the thrown value is read through a guard, and logging itself can never break the answer.
 *
 * @example
 * failureLog.failed(outcome, facts, exception);
 * // ERROR [ResponseModule] GET /orders 500 [requestId=…] code=500 TypeError
 * //   TypeError: … at … / Caused by: …
 */
@Injectable()
export class FailureLog {
  private readonly logger = new Logger(LOGGER_CONTEXT);

  /**
   * @example
   * failureLog.failed(outcome, facts, exception);
   */
  failed(outcome: FailureOutcome, facts: RequestFacts, exception: unknown): void {
    try {
      if (outcome.httpStatus >= 500) {
        // One entry: the line (with the code), the stack, and the cause chain (a nonce store's error, say).
        this.logger.error(
          `${lineOf(outcome, facts)} code=${String(outcome.code)} ${thrownName(exception)}`,
          describeThrownChain(exception),
        );
      } else if (exception instanceof BusinessException && exception.cause !== undefined) {
        // The cause of a business failure is for the team, never for the client.
        this.logger.warn(
          `${lineOf(outcome, facts)} ${String(outcome.code)} caused by: ${describeThrownChain(exception.cause)}`,
        );
      }
    } catch {
      this.logger.error(`${lineOf(outcome, facts)} (unloggable exception)`);
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
      describeThrownChain(error),
    );
  }

  /**
   * @example
   * failureLog.unrendered(error);
   */
  unrendered(error: unknown): void {
    this.logger.error('failure could not be rendered', describeThrownChain(error));
  }
}
