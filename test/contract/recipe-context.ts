import request from 'supertest';
import { SAMPLE_APP_ID, sampleSecret } from '../../sample-app/src/transfers/signed-curl.js';
import { signRequest, type SignRequestInput } from '../../src/client/index.js';
import type { AdapterName } from '../e2e/harness.js';
import type { SampleUnderTest, Style } from './sample-under-test.js';
import type { RealAnswer } from '../support/served-contract.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** What a request sends: headers, and a body exactly as bytes on the wire (with its Content-Type). */
export interface Sending {
  headers?: Record<string, string>;
  body?: string;
  contentType?: string;
}

/** Signing choices a recipe may change to make a signature fail. */
export type SigningChoices = Partial<Pick<SignRequestInput, 'secret' | 'timestamp' | 'nonce'>>;

/** What a recipe may do: send real requests (signed or not) and arm faults. */
export interface RecipeContext {
  style: Style;
  adapter: AdapterName;
  send(method: Method, url: string, sending?: Sending): Promise<RealAnswer>;
  /** Signs with the sample app's identity, then sends; `signing` overrides a choice, `headers` are added. */
  sendSigned(method: Method, url: string, sending?: Sending & { signing?: SigningChoices }): Promise<RealAnswer>;
  /** The next request fails inside the app (an interceptor throws), as a broken dependency makes it. */
  crashNext(): void;
  /** The next nonce claim fails, as a nonce store that is down does. */
  nonceStoreDown(): void;
}

/** Reads any body as text, whatever its type (supertest parses only some). */
function rawText(res: request.Response, done: (error: Error | null, body: string) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream; // superagent hands the parser Node's response stream
  let text = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => (text += chunk));
  stream.on('end', () => done(null, text));
}

export function recipeContext(sample: SampleUnderTest, style: Style, adapter: AdapterName): RecipeContext {
  const server = sample.t.app.getHttpServer();
  const send = async (method: Method, url: string, { headers = {}, body, contentType }: Sending = {}) => {
    const agent = request(server);
    const req =
      method === 'GET'
        ? agent.get(url)
        : method === 'POST'
          ? agent.post(url)
          : method === 'PUT'
            ? agent.put(url)
            : agent.delete(url);
    req.set(headers).buffer(true).parse(rawText);
    if (body !== undefined) req.set('Content-Type', contentType ?? 'application/json').send(body);
    const res = await req;
    const contentTypeHeader = res.headers['content-type'] as string | undefined;
    return {
      status: res.status,
      contentType: contentTypeHeader,
      text: typeof res.body === 'string' ? res.body : '',
      headers: res.headers as RealAnswer['headers'],
    };
  };
  return {
    style,
    adapter,
    send,
    sendSigned: async (method, url, { signing = {}, headers = {}, body, contentType } = {}) => {
      const type = body === undefined ? undefined : (contentType ?? 'application/json');
      const signed = await signRequest({
        appId: SAMPLE_APP_ID,
        secret: sampleSecret(),
        method,
        url,
        body,
        contentType: type,
        ...signing,
      });
      return send(method, url, { headers: { ...signed.headers, ...headers }, body, contentType: type });
    },
    crashNext: () => {
      sample.fault.armed = true;
    },
    nonceStoreDown: () => sample.nonceStoreDown(),
  };
}
