/**
 * A front end's code against the client `openapi-typescript` generates from /docs-json (`./schema.js`) and
 * `openapi-fetch`: it compiles under `tsc --strict` only if a success's `data` and a declared failure's `code` have
 * their real types (not `unknown`, not `any`, `data` required, codes a union a client can narrow by), and the int64
 * switch is a documented parameter.
 */
export const CONSUMER_SOURCE = `
import createClient from 'openapi-fetch';
import type { ErrorResponse, ResponseObjectMap } from 'openapi-typescript-helpers'; // the error type openapi-fetch gives
import type { paths } from './schema.js';

type IsAny<T> = 0 extends 1 & T ? true : false;
type Exactly<T, U> = IsAny<T> extends true ? false : [T] extends [U] ? ([U] extends [T] ? true : false) : false;
/** A code type a client can narrow by: a union of literals that holds the code, not all strings or numbers. */
type Narrowable<T, Code> = IsAny<T> extends true ? false : string extends T ? false : number extends T ? false : Code extends T ? true : false;
type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';
type Untyped<T> = IsAny<T> extends true ? true : unknown extends T ? true : [T] extends [never] ? true : false;
type ErrorOf<O> =
  ResponseObjectMap<O> extends infer R extends Record<string | number, unknown> ? ErrorResponse<R, \`\${string}/\${string}\`> : unknown;
/** The operations whose failures a generated client cannot type: every operation can fail (500 at least). */
type WithoutErrorType = {
  [P in keyof paths]: {
    [M in keyof paths[P] & Method]: [Exclude<paths[P][M], undefined>] extends [never]
      ? never
      : Untyped<ErrorOf<paths[P][M]>> extends true
        ? \`\${Uppercase<M>} \${P}\`
        : never;
  }[keyof paths[P] & Method];
}[keyof paths];
export const everyOperationHasAnErrorType: [WithoutErrorType] extends [never] ? true : \`no error type: \${WithoutErrorType}\` =
  true;

function holds<T extends true>(): T | undefined {
  return undefined;
}

export async function consume(baseUrl: string) {
  // JSON media types only (application/json, application/problem+json): a client that sends Accept: application/json
  // never gets the HTML failure page the document also lists for browsers.
  const client = createClient<paths, \`\${string}/json\`>({ baseUrl, headers: { Accept: 'application/json' } });

  const found = await client.GET('/orders/{id}', { params: { path: { id: '9007199254740993' } } });
  if (found.data === undefined) throw new Error('GET /orders/{id} failed: ' + found.response.status);
  const sku: string = found.data.data.sku;
  holds<Exactly<typeof found.data.data.sku, string>>();

  const exact = await client.GET('/orders/{id}', {
    params: { path: { id: '9007199254740993' }, header: { 'x-stringify': '1' } },
  });
  if (exact.data === undefined) throw new Error('GET /orders/{id} with X-Stringify failed: ' + exact.response.status);
  const id: string | number = exact.data.data.id;
  holds<Exactly<typeof exact.data.data.id, string | number>>();

  const missing = await client.GET('/orders/{id}', { params: { path: { id: '1' } } });
  if (missing.error === undefined) throw new Error('GET /orders/1 did not fail: ' + missing.response.status);
  const notFound: string | number = missing.error.code;
  holds<Narrowable<typeof missing.error.code, 10012>>();

  const refused = await client.POST('/orders', { body: { sku: 'CUP-2', quantity: 5 } });
  if (refused.error === undefined) throw new Error('POST /orders did not fail: ' + refused.response.status);
  const outOfStock: string | number = refused.error.code;
  holds<Narrowable<typeof refused.error.code, 10010>>();

  return { sku, id, notFound, outOfStock };
}
`;
