import request from 'supertest';
import type { App } from 'supertest/types.js';
import { SAMPLE_APP_ID, sampleSecret } from '../../sample-app/src/transfers/signed-curl.js';
import { signRequest, type SignRequestInput, type SignedRequest } from '../../src/client/index.js';
import { SECRETS } from '../fixtures/signing.app.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export type Signing = Partial<Omit<SignRequestInput, 'method' | 'url'>>;

/** Signs with the client entry (app1 by default), as a user's client would; a body is JSON unless told otherwise. */
export function sign(method: Method, url: string, signing: Signing = {}): Promise<SignedRequest> {
  const contentType = signing.contentType ?? (signing.body === undefined ? undefined : 'application/json');
  return signRequest({ appId: 'app1', secret: SECRETS.app1, ...signing, contentType, method, url });
}

/** Signs as the sample app does (its app id and secret), for a test of the sample app's signed routes. */
export function signAsSample(method: Method, url: string, signing: Signing = {}): Promise<SignedRequest> {
  return sign(method, url, { appId: SAMPLE_APP_ID, secret: sampleSecret(), ...signing });
}

/** Sends exactly the URL, headers and body bytes given (supertest does not re-encode a URL's query). */
export function send(
  server: App,
  method: Method,
  url: string,
  headers: Record<string, string>,
  body?: string,
  contentType = 'application/json',
) {
  const agent = request(server);
  const req =
    method === 'GET'
      ? agent.get(url)
      : method === 'POST'
        ? agent.post(url)
        : method === 'PUT'
          ? agent.put(url)
          : agent.delete(url);
  req.set(headers);
  return body === undefined ? req : req.set('Content-Type', contentType).send(body);
}

/** Signs and sends one request. */
export async function signedCall(server: App, method: Method, url: string, signing: Signing = {}) {
  const signed = await sign(method, url, signing);
  const response = await send(
    server,
    method,
    url,
    signed.headers,
    signing.body as string | undefined,
    signing.contentType,
  );
  return { signed, response };
}

/** The Unix time now, in seconds, as the server reads it. */
export const nowSeconds = (): number => Math.floor(Date.now() / 1000);
