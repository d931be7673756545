import type { Response } from 'supertest';
import type { SignRequestInput } from '../../src/client/index.js';
import type { AdapterName } from '../e2e/harness.js';
import { type Method, send as sendExactly, signAsSample } from '../e2e/signed-request.js';
import { answerOf, type RealAnswer } from '../support/real-answer.js';
import type { SampleUnderTest, Style } from './sample-under-test.js';

export type { Method } from '../e2e/signed-request.js';

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
function rawText(res: Response, done: (error: Error | null, body: string) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream; // superagent hands the parser Node's response stream
  let text = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => (text += chunk));
  stream.on('end', () => done(null, text));
}

export function recipeContext(sample: SampleUnderTest, style: Style, adapter: AdapterName): RecipeContext {
  const server = sample.t.app.getHttpServer();
  const send = async (method: Method, url: string, { headers = {}, body, contentType }: Sending = {}) => {
    const req = sendExactly(server, method, url, headers, body, contentType);
    return answerOf(await req.buffer(true).parse(rawText));
  };
  return {
    style,
    adapter,
    send,
    sendSigned: async (method, url, { signing = {}, headers = {}, body, contentType } = {}) => {
      const type = body === undefined ? undefined : (contentType ?? 'application/json');
      const signed = await signAsSample(method, url, { body, contentType: type, ...signing });
      return send(method, url, { headers: { ...signed.headers, ...headers }, body, contentType: type });
    },
    crashNext: () => {
      sample.fault.armed = true;
    },
    nonceStoreDown: () => sample.nonceStoreDown(),
  };
}
