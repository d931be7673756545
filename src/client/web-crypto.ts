// Web Crypto helpers for the client entry: globals only (browsers, Deno, Bun, Node ≥ 20), never node: modules.

/** UTF-8 encoder, shared. */
export const utf8 = new TextEncoder();

/** The bytes a body is sent as: strings as UTF-8. */
export function bytesOf(body: string | Uint8Array | ArrayBuffer | undefined): Uint8Array<ArrayBuffer> {
  if (body === undefined) return new Uint8Array(0);
  if (typeof body === 'string') return utf8.encode(body);
  // A copy, so a view over a SharedArrayBuffer or part of a larger buffer hashes exactly its own bytes.
  return body instanceof ArrayBuffer ? new Uint8Array(body.slice(0)) : new Uint8Array(body);
}

/** Lower-case hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** Standard, padded base64 of bytes. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Bytes of a hex string; `undefined` when it is not an even run of hex digits. */
export function fromHex(hex: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) return undefined;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** Lower-case hex SHA-256. */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}

function hmacKey(secret: string, usage: 'sign' | 'verify') {
  return crypto.subtle.importKey('raw', utf8.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);
}

/** HMAC-SHA256 of a text's UTF-8 bytes, with a secret's UTF-8 bytes as the key. */
export async function hmacSha256(secret: string, text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign('HMAC', await hmacKey(secret, 'sign'), utf8.encode(text)));
}

/** True when `mac` is the HMAC-SHA256 of `text`; Web Crypto compares in constant time. */
export async function hmacSha256Verify(secret: string, mac: Uint8Array<ArrayBuffer>, text: string): Promise<boolean> {
  return crypto.subtle.verify('HMAC', await hmacKey(secret, 'verify'), mac, utf8.encode(text));
}

/** 16 random bytes as 32 hex characters: a nonce. */
export function randomNonce(): string {
  return toHex(crypto.getRandomValues(new Uint8Array(16)));
}
