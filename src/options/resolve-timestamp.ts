import { createTimestampFormatter, createZoneFormat, isTimestampPattern } from '../render/timestamp.js';
import type { TimestampFormatter } from '../render/timestamp.js';
import { fail, nonEmptyString, objectAt, onlyKeys } from './option-checks.js';

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
  if (format !== 'iso' && format !== 'epoch-ms' && !isTimestampPattern(format)) {
    fail('timestamp.format', "must be 'iso', 'epoch-ms' or a pattern of YYYY MM DD HH mm ss SSS Z", format);
  }
  const timeZone = nonEmptyString('timestamp.timeZone', given.timeZone, 'UTC');
  try {
    createZoneFormat(timeZone);
  } catch {
    fail('timestamp.timeZone', 'must be an IANA time zone such as "Asia/Shanghai"', timeZone);
  }
  return createTimestampFormatter(format, timeZone);
}
