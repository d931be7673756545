import { randomBytes } from 'node:crypto';
import type { AdapterName } from '../e2e/harness.js';
import type { RecipeContext } from './recipe-context.js';
import type { Style } from './sample-under-test.js';
import type { RealAnswer } from '../support/served-contract.js';

/** A real request that makes one operation answer one status (in the styles and on the adapters given; all else). */
export interface Recipe {
  does: string;
  styles?: readonly Style[];
  adapters?: readonly AdapterName[];
  run(ctx: RecipeContext): Promise<RealAnswer>;
}

/** Operation (`METHOD /path`) → HTTP status → the requests that produce it. Every documented response needs one. */
export type RecipeTable = Record<string, Record<string, readonly Recipe[]>>;

export const OVER_LIMIT = JSON.stringify({ sku: 'x'.repeat(2 * 1024 * 1024), quantity: 1 }); // over Express' 100 kB and Fastify's 1 MiB
export const freshNonce = () => randomBytes(16).toString('hex');
/** A crash inside the app, on the route given: any route can fail. */
export function crashes(method: 'GET' | 'POST' | 'DELETE', url: string, body?: string): Recipe {
  return {
    does: 'a dependency fails (500)',
    run: (ctx) => {
      ctx.crashNext();
      return ctx.send(method, url, { body });
    },
  };
}
export function crashesSigned(method: 'GET' | 'POST', url: string, body?: string): Recipe {
  return {
    does: 'a dependency fails behind a valid signature (500)',
    run: (ctx) => {
      ctx.crashNext();
      return ctx.sendSigned(method, url, { body });
    },
  };
}

/** The failures a request body meets before any handler: the parser's and the size limit's. */
export function bodyFailures(url: string, valid: string): Record<string, readonly Recipe[]> {
  return {
    '400': [
      { does: 'malformed JSON', run: (ctx) => ctx.send('POST', url, { body: '{"sku":' }) },
      {
        does: 'an empty body said to be JSON (Express reads it as {})',
        adapters: ['fastify'],
        run: (ctx) => ctx.send('POST', url, { body: '' }),
      },
    ],
    '413': [{ does: 'a body over the size limit', run: (ctx) => ctx.send('POST', url, { body: OVER_LIMIT }) }],
    '415': [
      {
        does: 'a Content-Type the server does not read (Express leaves it unparsed)',
        adapters: ['fastify'],
        run: (ctx) => ctx.send('POST', url, { body: valid, contentType: 'application/xml' }),
      },
      {
        does: 'a JSON body in a charset the server does not read (body-parser: unsupported charset)',
        adapters: ['express'],
        run: (ctx) => ctx.send('POST', url, { body: valid, contentType: 'application/json; charset=latin1' }),
      },
    ],
  };
}

/** The failures of a signed route's guard, which no handler sees. */
export function signingFailures(method: 'GET' | 'POST', url: string, body?: string): Record<string, readonly Recipe[]> {
  return {
    '400': [
      { does: 'no signing headers', run: (ctx) => ctx.send(method, url, { body }) },
      {
        does: 'a malformed X-Timestamp',
        run: (ctx) => ctx.sendSigned(method, url, { body, headers: { 'X-Timestamp': 'soon' } }),
      },
    ],
    '401': [
      {
        does: 'a signature made with another secret',
        run: (ctx) => ctx.sendSigned(method, url, { body, signing: { secret: 'not-the-secret' } }),
      },
      {
        does: 'a timestamp outside the window',
        run: (ctx) =>
          ctx.sendSigned(method, url, { body, signing: { timestamp: Math.floor(Date.now() / 1000) - 3600 } }),
      },
    ],
    '409': [
      {
        does: 'a replayed nonce',
        run: async (ctx) => {
          const nonce = freshNonce();
          await ctx.sendSigned(method, url, { body, signing: { nonce } });
          return ctx.sendSigned(method, url, { body, signing: { nonce } });
        },
      },
    ],
    '503': [
      {
        does: 'the nonce store is down',
        run: (ctx) => (ctx.nonceStoreDown(), ctx.sendSigned(method, url, { body })),
      },
    ],
  };
}

/** Merges recipe maps status by status. */
export function merge(...maps: Record<string, readonly Recipe[]>[]): Record<string, readonly Recipe[]> {
  const merged: Record<string, Recipe[]> = {};
  for (const map of maps) for (const [status, list] of Object.entries(map)) (merged[status] ??= []).push(...list);
  return merged;
}

export const get = (does: string, url: string, headers?: Record<string, string>): Recipe => ({
  does,
  run: (ctx) => ctx.send('GET', url, { headers }),
});

/** The recipes that apply in `style` on `adapter`. */
export function applicable(recipes: readonly Recipe[], style: Style, adapter: AdapterName): Recipe[] {
  return recipes.filter((r) => (r.styles ?? [style]).includes(style) && (r.adapters ?? [adapter]).includes(adapter));
}
