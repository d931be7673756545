import type { LoggerService } from '@nestjs/common';
import { describeThrownChain } from './thrown-description.js';

/**
 * What a callback answered, for a log line: its type, never its text (which may be long or carry anything).
 *
 * @example
 * describeAnswer(Promise.resolve('x')); // 'a Promise'
 */
export function describeAnswer(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `a string of ${value.length} characters`;
  if (isThenable(value)) return 'a Promise (it must answer synchronously)';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** True for a value with a callable `then` (read through a guard: a proxy's trap may throw). */
function isThenable(value: unknown): boolean {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false;
  try {
    return typeof (value as { then?: unknown }).then === 'function';
  } catch {
    return false;
  }
}

/**
 * Keeps a callback's unwanted answer from becoming an unhandled rejection (which ends a Node process): a Promise
 * returned where a value was expected gets a handler that ignores its outcome.
 *
 * @example
 * settleIgnored(generate()); // a rejected Promise from an async generator no longer takes the process down
 */
export function settleIgnored(value: unknown): void {
  if (isThenable(value)) Promise.resolve(value).catch(() => undefined);
}

/**
 * The one log of faults in a team's option callbacks (`requestId.generate`, `locale.resolve`): each callback's
 * first fault is logged, once per app, with what the module did instead; later faults of the same callback only
 * take the fallback, so a callback that fails on every request cannot flood the log. A logger that throws is
 * ignored: the request is answered regardless.
 *
 * @example
 * faults.report('requestId.generate', 'threw', 'a random UUID is used', error);
 * // ERROR [ResponseModule] requestId.generate threw; a random UUID is used instead (logged once per app: …)
 */
export class CallbackFaults {
  private readonly reported = new Set<string>();

  constructor(private readonly logger: LoggerService) {}

  /**
   * @example
   * faults.report('locale.resolve', 'returned a number', 'the accept-language header decides');
   */
  report(callback: string, problem: string, fallback: string, error?: unknown): void {
    if (this.reported.has(callback)) return;
    this.reported.add(callback);
    const message =
      `${callback} ${problem}; ${fallback} instead ` +
      `(logged once per app: later faults of ${callback} take the same fallback without a log line)`;
    try {
      if (error === undefined) this.logger.error(message);
      else this.logger.error(message, describeThrownChain(error));
    } catch {
      // the answer matters more than the log line
    }
  }
}
