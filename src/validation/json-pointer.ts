/**
 * An RFC 6901 JSON Pointer for a path: `~` → `~0`, then `/` → `~1`; the empty path is `""` (the whole document).
 *
 * @example
 * toJsonPointer(['amount', 'currency']); // '/amount/currency'
 * toJsonPointer(['a/b', 'm~n', 0]); // '/a~1b/m~0n/0'
 */
export function toJsonPointer(path: readonly (string | number)[]): string {
  let pointer = '';
  for (const segment of path) {
    const token = String(segment);
    pointer +=
      '/' + (token.includes('~') || token.includes('/') ? token.replaceAll('~', '~0').replaceAll('/', '~1') : token);
  }
  return pointer;
}

// RFC 3986 fragment = *( pchar / "/" / "?" ); pchar = unreserved / pct-encoded / sub-delims / ":" / "@"
const FRAGMENT_SAFE = /[A-Za-z0-9\-._~!$&'()*+,;=:@/?]/;
const ALL_FRAGMENT_SAFE = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/?]*$/;

/**
 * The URI fragment form of a JSON Pointer (RFC 6901 §6): UTF-8, then percent-encoding of what a fragment may not hold.
 *
 * @example
 * toUriFragment('/c%d'); // '#/c%25d'
 */
export function toUriFragment(pointer: string): string {
  if (ALL_FRAGMENT_SAFE.test(pointer)) return '#' + pointer;
  let fragment = '#';
  for (const char of pointer) {
    if (FRAGMENT_SAFE.test(char)) {
      fragment += char;
      continue;
    }
    for (const byte of Buffer.from(char, 'utf8')) fragment += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return fragment;
}
