import { randomUUID } from 'node:crypto';
import { type CallbackFaults, describeAnswer, settleIgnored } from './callback-faults.js';

/** 1–128 characters of visible ASCII: nothing that can split a header line or smuggle markup. */
const ACCEPTABLE_REQUEST_ID = /^[\x21-\x7E]{1,128}$/;

/**
 * True for an incoming request id the module may echo: 1–128 visible ASCII characters (0x21–0x7E).
 *
 * @example
 * isAcceptableRequestId('req-42'); // true
 * isAcceptableRequestId('a\r\nSet-Cookie: x=1'); // false
 */
export function isAcceptableRequestId(value: unknown): value is string {
  return typeof value === 'string' && ACCEPTABLE_REQUEST_ID.test(value);
}

/**
 * The request id of a request: the incoming header when acceptable, else a generated one
 * (a generator that returns something unusable falls back to `crypto.randomUUID()`).
 *
 * @example
 * chooseRequestId(req.headers['x-request-id'], () => randomUUID());
 */
export function chooseRequestId(incoming: string | string[] | undefined, generate: () => string): string {
  const candidate = Array.isArray(incoming) ? incoming[0] : incoming;
  if (isAcceptableRequestId(candidate)) return candidate;
  // A UUID is acceptable by construction: only a team's own generator needs checking.
  if (generate === randomUUID) return randomUUID();
  const generated = generate();
  return isAcceptableRequestId(generated) ? generated : randomUUID();
}

/**
 * A team's `requestId.generate` made safe to call where the adapter first sees a request (outside any
 * try/catch): a generator that throws, or answers anything but an acceptable id (a number, a Promise, a string
 * with spaces), gives `crypto.randomUUID()` instead, and its first fault is logged once. The default generator is
 * returned as it is.
 *
 * @example
 * const generate = guardedGenerator(options.requestId.generate, faults);
 * generate(); // the team's id, or a UUID when the team's generator failed
 */
export function guardedGenerator(generate: () => string, faults: CallbackFaults): () => string {
  if (generate === randomUUID) return randomUUID;
  return () => {
    let generated: unknown;
    try {
      generated = generate();
    } catch (error) {
      faults.report('requestId.generate', 'threw', 'a random UUID is used', error);
      return randomUUID();
    }
    if (isAcceptableRequestId(generated)) return generated;
    settleIgnored(generated);
    faults.report(
      'requestId.generate',
      `returned ${describeAnswer(generated)}, not an id of 1–128 visible ASCII characters`,
      'a random UUID is used',
    );
    return randomUUID();
  };
}
