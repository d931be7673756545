import { signRequest } from 'nest-envelope/client';

/** The sample app's signing identity; SIGNING_SECRET overrides the demo secret. */
export const SAMPLE_APP_ID = 'sample-app';
export const sampleSecret = (): string => process.env.SIGNING_SECRET ?? 'sample-app-demo-secret-change-me';

const shellQuote = (text: string): string => `'${text.replaceAll("'", `'\\''`)}'`;

/**
 * A curl command line for a signed request to the sample app, valid once and for `window` seconds.
 *
 * @example
 * await signedCurl('http://127.0.0.1:3000', 'POST', '/transfers', '{"to":"bob","amount":25,"currency":"EUR"}');
 */
export async function signedCurl(base: string, method: string, target: string, body?: string): Promise<string> {
  // The Content-Type is signed too, and comes back in `headers`.
  const contentType = body === undefined ? undefined : 'application/json';
  const { headers } = await signRequest({
    appId: SAMPLE_APP_ID,
    secret: sampleSecret(),
    method,
    url: target,
    body,
    contentType,
  });
  const parts = ['curl', '-s', '-X', method, shellQuote(base + target)];
  for (const [name, value] of Object.entries(headers)) parts.push('-H', shellQuote(`${name}: ${value}`));
  if (body !== undefined) parts.push('--data-raw', shellQuote(body));
  return parts.join(' ');
}
