/**
 * One failed constraint, the same whichever style the server renders (WeChat, Spring, RFC 9457).
 *
 * @example
 * const violation: ApiViolation = { field: '/quantity', message: 'quantity must not be less than 1', location: 'body', value: 0 };
 */
export interface ApiViolation {
  /** A JSON Pointer for the body (`/shipping/city`), the parameter or header name elsewhere; Spring's dotted path as sent. */
  field: string;
  message: string;
  location?: string;
  /** The rejected value, when the server echoed it (never for redacted fields: those read `"[REDACTED]"`). */
  value?: unknown;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value);
}

/** WeChat `{ field, value, issue, location }`. */
function fromWechat(item: Json): ApiViolation {
  const violation: ApiViolation = { field: text(item.field), message: text(item.issue) };
  if (typeof item.location === 'string') violation.location = item.location;
  if ('value' in item) violation.value = item.value;
  return violation;
}

/** Spring `FieldError` (or an `ObjectError`, which has no `field`). */
function fromSpring(item: Json): ApiViolation {
  const violation: ApiViolation = { field: text(item.field), message: text(item.defaultMessage) };
  if ('rejectedValue' in item) violation.value = item.rejectedValue;
  return violation;
}

/** `#/c%25d` → `/c%d`; a malformed escape is kept as sent rather than thrown. */
function fromFragment(fragment: string): string {
  const pointer = fragment.replace(/^#/, '');
  try {
    return decodeURIComponent(pointer);
  } catch {
    return pointer;
  }
}

/** RFC 9457 `{ detail, pointer: '#/a/b' }`, `{ detail, parameter }` or `{ detail, header }`. */
function fromProblem(item: Json): ApiViolation {
  const message = text(item.detail);
  if (typeof item.pointer === 'string') {
    return { field: fromFragment(item.pointer), message, location: 'body' };
  }
  if (typeof item.header === 'string') return { field: item.header, message, location: 'header' };
  return { field: text(item.parameter), message };
}

/**
 * The violations of a failure body, whatever its style: WeChat `details` (or a lone `detail` violation),
 * Spring `errors[]` (items with `defaultMessage`), RFC 9457 `errors` (items with `detail`). Anything else: `[]`.
 *
 * @example
 * readViolations({ code: 400, errors: [{ detail: 'must be positive', pointer: '#/quantity' }] });
 * // [{ field: '/quantity', message: 'must be positive', location: 'body' }]
 */
export function readViolations(body: unknown): ApiViolation[] {
  if (!isObject(body)) return [];
  if (Array.isArray(body.details)) return body.details.filter(isObject).map(fromWechat);
  if (Array.isArray(body.errors)) {
    return body.errors
      .filter(isObject)
      .map((item) => ('defaultMessage' in item || 'codes' in item ? fromSpring(item) : fromProblem(item)));
  }
  const detail = body.detail;
  if (isObject(detail) && 'field' in detail && 'issue' in detail) return [fromWechat(detail)];
  return [];
}
