import {
  createTimestampFormatter,
  createZoneFormat,
  isTimestampPattern,
  TIMESTAMP_TOKENS,
  unknownPatternLetters,
} from '../render/timestamp.js';
import type { TimestampFormatter } from '../render/timestamp.js';
import { fail, nonEmptyString, objectAt, onlyKeys } from './option-checks.js';

const EXPECTED = `must be 'iso', 'epoch-ms' or a pattern of ${TIMESTAMP_TOKENS}`;

/** A pattern prints exactly its tokens and its `[literal]` text: a letter that is neither would leave as typed. */
function checkPattern(format: string): void {
  const unknown = [...new Set(unknownPatternLetters(format))].map((run) => JSON.stringify(run));
  if (unknown.length > 0) {
    const verb = unknown.length === 1 ? 'is not a date token' : 'are not date tokens';
    fail(
      'timestamp.format',
      `${EXPECTED}: ${unknown.join(', ')} ${verb}; put literal text in brackets, as in '[at] HH:mm'`,
      format,
    );
  }
  if (!isTimestampPattern(format)) fail('timestamp.format', EXPECTED, format);
}

/**
 * `timestamp` as one formatter, built once: `'iso'` (default), `'epoch-ms'` or a pattern, in an IANA zone.
 *
 * @example
 * resolveTimestamp({ format: 'YYYY-MM-DD HH:mm:ss', timeZone: 'Asia/Shanghai' })(new Date(0)); // '1970-01-01 08:00:00'
 */
export function resolveTimestamp(value: unknown): TimestampFormatter {
  const given = objectAt('timestamp', value);
  onlyKeys('timestamp', given, ['format', 'timeZone']);
  const format = nonEmptyString('timestamp.format', given.format, 'iso');
  if (format !== 'iso' && format !== 'epoch-ms') checkPattern(format);
  const timeZone = nonEmptyString('timestamp.timeZone', given.timeZone, 'UTC');
  try {
    createZoneFormat(timeZone);
  } catch {
    fail('timestamp.timeZone', 'must be an IANA time zone such as "Asia/Shanghai"', timeZone);
  }
  return createTimestampFormatter(format, timeZone);
}
