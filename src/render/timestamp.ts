/** Turns the moment of a response into the body's `timestamp`. */
export type TimestampFormatter = (date: Date) => string | number;

const TOKEN = /\[([^\]]*)]|YYYY|SSS|MM|DD|HH|mm|ss|ZZ|Z/g;
const ISO_PATTERN = 'YYYY-MM-DD[T]HH:mm:ss.SSSZ';

interface WallClock {
  YYYY: string;
  MM: string;
  DD: string;
  HH: string;
  mm: string;
  ss: string;
  Z: string;
}

/** The tokens a pattern may hold, as the start-up error lists them. */
export const TIMESTAMP_TOKENS = 'YYYY MM DD HH mm ss SSS Z ZZ';

/** True when `pattern` holds at least one date token (`YYYY MM DD HH mm ss SSS Z ZZ`). */
export function isTimestampPattern(pattern: string): boolean {
  for (const match of pattern.matchAll(TOKEN)) if (match[1] === undefined) return true;
  return false;
}

/**
 * The runs of ASCII letters outside `[literal]` text that are no token (`hh`, `A`, the third `M` of `MMM`): they
 * would be printed as they are, so a pattern holding any is refused at start-up.
 *
 * @example
 * unknownPatternLetters('YYYY-MM-DD hh:mm A'); // ['hh', 'A']
 * unknownPatternLetters('[at] HH:mm'); // []
 */
export function unknownPatternLetters(pattern: string): string[] {
  // Tokens and literals become a separator, so the letters either side of one are not read as one run.
  return pattern.replace(TOKEN, ' ').match(/[A-Za-z]+/g) ?? [];
}

/** Throws a `RangeError` for a time zone the platform does not know. */
export function createZoneFormat(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  });
}

function offsetOf(zoneName: string): string {
  // "GMT+08:00", "GMT-03:30", or "GMT" for UTC itself
  const offset = zoneName.slice(3);
  return offset === '' ? '+00:00' : offset;
}

/** Reads the wall clock of a zone, cached per second: formatToParts is the expensive part. */
function wallClockReader(zone: Intl.DateTimeFormat): (date: Date) => WallClock {
  let cachedSecond = Number.NaN;
  let cached: WallClock | undefined;
  return (date) => {
    const second = Math.floor(date.getTime() / 1000);
    if (second === cachedSecond && cached) return cached;
    const parts: Record<string, string> = {};
    for (const part of zone.formatToParts(date)) parts[part.type] = part.value;
    cached = {
      YYYY: (parts.year ?? '').padStart(4, '0'),
      MM: parts.month ?? '',
      DD: parts.day ?? '',
      HH: parts.hour ?? '',
      mm: parts.minute ?? '',
      ss: parts.second ?? '',
      Z: offsetOf(parts.timeZoneName ?? 'GMT'),
    };
    cachedSecond = second;
    return cached;
  };
}

/**
 * `toISOString` without calling it per request (V8 formats it with `snprintf`, several thousand instructions): the
 * text up to the seconds is made once a second, the milliseconds appended.
 */
function isoUtc(): TimestampFormatter {
  let cachedSecond = Number.NaN;
  let upToSeconds = '';
  return (date) => {
    const time = date.getTime();
    const second = Math.floor(time / 1000);
    if (second !== cachedSecond) {
      // '2026-11-22T08:00:00.' (and '+275760-09-13T00:00:00.' past year 9999): the ISO text without 'SSSZ'.
      upToSeconds = date.toISOString().slice(0, -4);
      cachedSecond = second;
    }
    return `${upToSeconds}${String(time - second * 1000).padStart(3, '0')}Z`;
  };
}

/**
 * Builds the timestamp formatter once, at start-up.
 * `iso` (UTC: `2026-11-22T08:00:00.000Z`; another zone: `2026-11-22T16:00:00.000+08:00`), `epoch-ms` (a number),
 * or a pattern of `YYYY MM DD HH mm ss SSS Z ZZ` with `[literal]` text.
 *
 * @example
 * createTimestampFormatter('YYYY-MM-DD HH:mm:ss', 'Asia/Shanghai')(new Date('2026-11-22T08:00:00Z')); // '2026-11-22 16:00:00'
 */
export function createTimestampFormatter(format: string, timeZone: string): TimestampFormatter {
  if (format === 'epoch-ms') return (date) => date.getTime();
  const utc = timeZone.toUpperCase() === 'UTC' || timeZone === 'Etc/UTC';
  if (format === 'iso' && utc) return isoUtc();
  const pattern = format === 'iso' ? ISO_PATTERN : format;
  const read = wallClockReader(createZoneFormat(timeZone));
  const render = (date: Date) => {
    const clock = read(date);
    return pattern.replace(TOKEN, (token, literal: string | undefined) => {
      if (literal !== undefined) return literal;
      if (token === 'SSS') return String(date.getTime() % 1000).padStart(3, '0');
      if (token === 'ZZ') return clock.Z.replace(':', '');
      return clock[token as keyof WallClock];
    });
  };
  if (/SSS/.test(pattern.replace(/\[[^\]]*]/g, ''))) return render;
  // Without milliseconds the text only changes once a second: compute it once per second.
  let cachedSecond = Number.NaN;
  let cached = '';
  return (date) => {
    const second = Math.floor(date.getTime() / 1000);
    if (second !== cachedSecond) {
      cached = render(date);
      cachedSecond = second;
    }
    return cached;
  };
}
