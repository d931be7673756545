import type { RecipeContext } from './recipe-context.js';
import {
  bodyFailures,
  crashes,
  crashesSigned,
  get,
  merge,
  type Recipe,
  type RecipeTable,
  signingFailures,
} from './recipe-kinds.js';

const NOT_PROBLEM = ['wechat', 'spring'] as const;
const PROBLEM = ['problem'] as const;
const HTML = { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' }; // a browser
const STRINGIFY = { 'X-Stringify': '1' };
const INVALID_ORDER = JSON.stringify({ sku: 'T', quantity: 0, shipping: { city: '', country: 'FR' } });
const TRANSFER = JSON.stringify({ to: 'bob', amount: 25, currency: 'EUR' });
const INVALID_TRANSFER = JSON.stringify({ to: '', amount: 0, currency: 'XXX' });
async function createdOrderId(ctx: RecipeContext): Promise<string> {
  const created = await ctx.send('POST', '/orders', { headers: STRINGIFY, body: '{"sku":"TEA-1","quantity":1}' });
  return (JSON.parse(created.text) as { data: { id: string } }).data.id;
}

/** The recipes, per operation and status. */
export const RECIPES: RecipeTable = {
  'GET /orders': {
    '200': [
      get('the list', '/orders'),
      get('the list, int64 as strings (X-Stringify)', '/orders', STRINGIFY),
      get('the list, int64 as strings (?_string=1)', '/orders?_string=1'),
    ],
    '500': [crashes('GET', '/orders')],
  },
  'POST /orders': merge(
    {
      '201': [
        { does: 'a valid order', run: (ctx) => ctx.send('POST', '/orders', { body: '{"sku":"TEA-1","quantity":1}' }) },
        {
          does: 'a valid order, int64 as strings',
          run: (ctx) => ctx.send('POST', '/orders', { headers: STRINGIFY, body: '{"sku":"TEA-1","quantity":1}' }),
        },
      ],
      '400': [
        {
          does: 'an invalid order',
          styles: NOT_PROBLEM,
          run: (ctx) => ctx.send('POST', '/orders', { body: INVALID_ORDER }),
        },
        {
          does: 'an invalid order, from a browser',
          styles: NOT_PROBLEM,
          run: (ctx) => ctx.send('POST', '/orders', { headers: HTML, body: INVALID_ORDER }),
        },
        {
          does: 'a body Express does not parse (application/xml): the DTO is empty',
          styles: NOT_PROBLEM,
          adapters: ['express'],
          run: (ctx) =>
            ctx.send('POST', '/orders', { body: '{"sku":"TEA-1","quantity":1}', contentType: 'application/xml' }),
        },
      ],
      '422': [
        {
          does: 'an invalid order',
          styles: PROBLEM,
          run: (ctx) => ctx.send('POST', '/orders', { body: INVALID_ORDER }),
        },
        {
          does: 'a body Express does not parse (application/xml): the DTO is empty',
          styles: PROBLEM,
          adapters: ['express'],
          run: (ctx) =>
            ctx.send('POST', '/orders', { body: '{"sku":"TEA-1","quantity":1}', contentType: 'application/xml' }),
        },
      ],
      '409': [
        { does: 'out of stock', run: (ctx) => ctx.send('POST', '/orders', { body: '{"sku":"CUP-2","quantity":5}' }) },
      ],
      '500': [crashes('POST', '/orders', '{"sku":"TEA-1","quantity":1}')],
    },
    bodyFailures('/orders', '{"sku":"TEA-1","quantity":1}'),
  ),
  'GET /orders/export.csv': {
    '200': [get('the CSV file', '/orders/export.csv')],
    '500': [crashes('GET', '/orders/export.csv')],
  },
  'GET /orders/events': {
    '200': [get('the event stream', '/orders/events')],
    '500': [crashes('GET', '/orders/events')],
  },
  'GET /orders/{id}': {
    '200': [
      get('an order', '/orders/9007199254740993'),
      get('an order, int64 as strings (X-Stringify)', '/orders/9007199254740993', STRINGIFY),
      get('an order, int64 as strings (?_string=1)', '/orders/9007199254740993?_string=1'),
    ],
    '404': [get('no such order', '/orders/1'), get('no such order, from a browser', '/orders/1', HTML)],
    '500': [crashes('GET', '/orders/9007199254740993')],
  },
  'DELETE /orders/{id}': {
    '204': [{ does: 'an open order', run: async (ctx) => ctx.send('DELETE', `/orders/${await createdOrderId(ctx)}`) }],
    '404': [{ does: 'no such order', run: (ctx) => ctx.send('DELETE', '/orders/1') }],
    '423': [{ does: 'a locked order', run: (ctx) => ctx.send('DELETE', '/orders/9007199254740994') }],
    '500': [crashes('DELETE', '/orders/9007199254740994')],
  },
  'GET /users': { '200': [get('the users', '/users')], '500': [crashes('GET', '/users')] },
  'GET /users/{id}': {
    '200': [get('a user', '/users/1')],
    '404': [get('no such user', '/users/42')],
    '500': [crashes('GET', '/users/1')],
  },
  'GET /health': { '200': [get('up', '/health')], '500': [crashes('GET', '/health')] },
  'GET /health/crash': {
    '500': [
      get('the handler throws', '/health/crash'),
      get('the handler throws, for a browser', '/health/crash', HTML),
    ],
  },
  'GET /transfers': merge(
    {
      '200': [
        { does: 'signed', run: (ctx) => ctx.sendSigned('GET', '/transfers') },
        { does: 'signed, with a query', run: (ctx) => ctx.sendSigned('GET', '/transfers?currency=EUR') },
      ],
      '500': [crashesSigned('GET', '/transfers')],
    },
    signingFailures('GET', '/transfers'),
  ),
  'POST /transfers': merge(
    {
      '201': [{ does: 'a signed transfer', run: (ctx) => ctx.sendSigned('POST', '/transfers', { body: TRANSFER }) }],
      '400': [
        {
          does: 'a signed invalid transfer',
          styles: NOT_PROBLEM,
          run: (ctx) => ctx.sendSigned('POST', '/transfers', { body: INVALID_TRANSFER }),
        },
      ],
      '422': [
        {
          does: 'a signed invalid transfer',
          styles: PROBLEM,
          run: (ctx) => ctx.sendSigned('POST', '/transfers', { body: INVALID_TRANSFER }),
        },
      ],
      '415': [
        {
          does: 'a signed body the server cannot read',
          run: (ctx) => ctx.sendSigned('POST', '/transfers', { body: 'to=bob', contentType: 'application/xml' }),
        },
      ],
      '500': [crashesSigned('POST', '/transfers', TRANSFER)],
    },
    signingFailures('POST', '/transfers', TRANSFER),
    bodyFailures('/transfers', TRANSFER),
  ),
  'GET /transfers/rates': {
    '200': [get('the rates (unsigned)', '/transfers/rates')],
    '500': [crashes('GET', '/transfers/rates')],
  },
};

/** The operations of `@Signed()` TransfersController that are not `@Unsigned()`: their guard refuses an unsigned request. */
export const SIGNED: readonly string[] = ['GET /transfers', 'POST /transfers'];

/** Requests no route answers; their status is not any operation's, so they must match a failure documented somewhere. */
export const ROUTELESS: readonly Recipe[] = [
  get('an unknown route', '/no/such/route'),
  { does: 'a method the path does not have', run: (ctx) => ctx.send('PUT', '/orders', { body: '{}' }) },
];
