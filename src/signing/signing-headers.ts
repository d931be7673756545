/**
 * Lower-case names of the four signing headers, as the server reads them.
 *
 * @example
 * const names: SigningHeaderNames = { appId: 'x-app-id', timestamp: 'x-timestamp', nonce: 'x-nonce', signature: 'x-signature' };
 */
export interface SigningHeaderNames {
  readonly appId: string;
  readonly timestamp: string;
  readonly nonce: string;
  readonly signature: string;
}

/** The signing headers of a request, present and well-formed. */
export interface SigningHeaders {
  readonly appId: string;
  /** The header text, as signed. */
  readonly timestamp: string;
  readonly timestampSeconds: number;
  readonly nonce: string;
  readonly signature: string;
}

/** Why the signing headers cannot be used: the first header missing or malformed, in the order of the names. */
export interface SigningHeaderProblem {
  readonly problem: 'missing' | 'malformed';
  readonly header: string;
  readonly expected: string;
}

interface Rule {
  readonly pattern: RegExp;
  readonly expected: string;
}

// Visible ASCII only: header parsers trim spaces at the ends, so a space could not be signed reliably.
const RULES: Readonly<Record<keyof SigningHeaderNames, Rule>> = {
  appId: { pattern: /^[\x21-\x7E]{1,128}$/, expected: '1–128 visible ASCII characters' },
  timestamp: { pattern: /^[0-9]{1,12}$/, expected: 'Unix time in whole seconds, digits only' },
  nonce: { pattern: /^[\x21-\x7E]{16,64}$/, expected: '16–64 visible ASCII characters' },
  signature: {
    pattern: /^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=?|[A-Za-z0-9_-]{43}=?)$/,
    expected: 'HMAC-SHA256 as 64 hex digits or 43–44 base64 characters',
  },
};
const ORDER: readonly (keyof SigningHeaderNames)[] = ['appId', 'timestamp', 'nonce', 'signature'];

/**
 * Reads the four signing headers; the first one missing (absent or empty) or malformed is reported instead.
 *
 * @example
 * readSigningHeaders(req.headers, names); // { appId: 'app1', timestamp: '1764075600', timestampSeconds: 1764075600, … }
 * readSigningHeaders({}, names); // { problem: 'missing', header: 'x-app-id', expected: '1–128 visible ASCII characters' }
 */
export function readSigningHeaders(
  headers: Readonly<Record<string, string | string[] | undefined>>,
  names: SigningHeaderNames,
): SigningHeaders | SigningHeaderProblem {
  const values = { appId: '', timestamp: '', nonce: '', signature: '', timestampSeconds: 0 };
  for (const part of ORDER) {
    const value = headers[names[part]];
    const rule = RULES[part];
    if (value === undefined || value === '')
      return { problem: 'missing', header: names[part], expected: rule.expected };
    if (typeof value !== 'string' || !rule.pattern.test(value)) {
      return { problem: 'malformed', header: names[part], expected: rule.expected };
    }
    values[part] = value;
  }
  values.timestampSeconds = Number(values.timestamp);
  return values;
}
