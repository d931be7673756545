/**
 * Whether a `Content-Type` a handler chose is JSON, so its result may still become the (JSON) envelope:
 * `application/json` and the `+json` structured syntax suffix of RFC 6839 (`application/problem+json`,
 * `application/vnd.api+json`), any case, with or without parameters. An absent or empty value means no choice.
 * Anything else (`text/plain`, `text/html`, `text/csv`, `application/xml`) is the handler's own body: not wrapped.
 *
 * @example
 * isJsonContentType('application/json; charset=utf-8'); // true
 * isJsonContentType('application/problem+json'); // true
 * isJsonContentType('text/plain; version=0.0.4'); // false
 */
export function isJsonContentType(value: unknown): boolean {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  if (first === undefined || first === null) return true;
  // Node keeps header values as set: a number is possible, an object is not a media type.
  const text = typeof first === 'string' ? first : typeof first === 'number' ? String(first) : 'unknown/object';
  const end = text.indexOf(';');
  const type = (end === -1 ? text : text.slice(0, end)).trim().toLowerCase();
  return type === '' || type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}
