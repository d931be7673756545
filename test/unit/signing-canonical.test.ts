import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signRequest } from '../../src/client/index.js';
import {
  canonicalQuery,
  canonicalRequest,
  canonicalRequestV1,
  canonicalResponse,
  EMPTY_BODY_SHA256,
  splitRequestTarget,
} from '../../src/signing/canonical-request.js';
import { requestTargetProblem } from '../../src/signing/request-target.js';
import { sha256Hex } from '../../src/signing/signing-crypto.js';

interface ReadmeExample {
  inputs: {
    appId: string;
    secret: string;
    method: string;
    url: string;
    contentType: string;
    timestamp: number;
    nonce: string;
    body: string;
  };
  bodySha256: string;
  canonical: string;
  hex: string;
  base64: string;
}

/** The worked example as docs/signing.md prints it, between its markers. */
function readmeExample(): ReadmeExample {
  const readme = readFileSync(new URL('../../docs/signing.md', import.meta.url), 'utf8');
  const section = /<!-- signing-example:start -->([\s\S]*?)<!-- signing-example:end -->/.exec(readme)?.[1];
  if (section === undefined) throw new Error('docs/signing.md has no signing-example section');
  const block = (lang: string) => new RegExp('```' + lang + '\\n([\\s\\S]*?)\\n```').exec(section)?.[1];
  const value = (label: string) => new RegExp(`${label}: \`([^\`]+)\``).exec(section)?.[1];
  const json = block('json');
  const canonical = block('text');
  const [bodySha256, hex, base64] = [
    value('Body SHA-256'),
    value('Signature \\(hex\\)'),
    value('Signature \\(base64\\)'),
  ];
  if (!json || !canonical || !bodySha256 || !hex || !base64)
    throw new Error('docs/signing.md: the example is incomplete');
  return { inputs: JSON.parse(json) as ReadmeExample['inputs'], bodySha256, canonical, hex, base64 };
}

describe('the worked example of docs/signing.md', () => {
  const example = readmeExample();
  const { inputs } = example;

  it('prints the canonical string the server builds from its inputs', () => {
    expect(sha256Hex(Buffer.from(inputs.body, 'utf8'))).toBe(example.bodySha256);
    const { path, query } = splitRequestTarget(inputs.url);
    const canonical = canonicalRequest({
      method: inputs.method,
      path,
      query,
      contentType: inputs.contentType,
      timestamp: String(inputs.timestamp),
      nonce: inputs.nonce,
      bodySha256: example.bodySha256,
    });
    expect(canonical).toBe(example.canonical);
    // An independent reading of the documented rule: eight lines, the query and Content-Type exactly as sent.
    const [, sentQuery] = inputs.url.split('?');
    expect(canonical.split('\n')).toEqual([
      'v2',
      inputs.method,
      inputs.url.split('?')[0],
      sentQuery,
      inputs.contentType,
      String(inputs.timestamp),
      inputs.nonce,
      example.bodySha256,
    ]);
  });

  it('prints the HMAC-SHA256 of that string, as node:crypto computes it independently', () => {
    expect(createHash('sha256').update(inputs.body).digest('hex')).toBe(example.bodySha256);
    const mac = createHmac('sha256', inputs.secret).update(example.canonical).digest();
    expect(mac.toString('hex')).toBe(example.hex);
    expect(mac.toString('base64')).toBe(example.base64);
  });

  it('is what the client entry signs, hex and base64', async () => {
    const hex = await signRequest({ ...inputs });
    expect(hex.canonical).toBe(example.canonical);
    expect(hex.signature).toBe(example.hex);
    expect(hex.headers).toEqual({
      'X-App-Id': inputs.appId,
      'X-Timestamp': String(inputs.timestamp),
      'X-Nonce': inputs.nonce,
      'X-Signature': example.hex,
      'Content-Type': inputs.contentType,
    });
    expect((await signRequest({ ...inputs, encoding: 'base64' })).signature).toBe(example.base64);
  });
});

describe('canonicalRequest (version 2) against version 1', () => {
  const base = {
    method: 'GET',
    path: '/transfers',
    timestamp: '1',
    nonce: 'n'.repeat(16),
    bodySha256: EMPTY_BODY_SHA256,
  };

  it('binds the order of repeated parameters, which version 1 sorts away', () => {
    const sent = canonicalRequest({ ...base, query: 'to=alice&to=bob' });
    const swapped = canonicalRequest({ ...base, query: 'to=bob&to=alice' });
    expect(sent).not.toBe(swapped);
    expect(canonicalRequestV1({ ...base, query: 'to=alice&to=bob' })).toBe(
      canonicalRequestV1({ ...base, query: 'to=bob&to=alice' }),
    );
    // Empty parts too: version 2 drops nothing.
    expect(canonicalRequest({ ...base, query: 'a=1&&b=2' })).not.toBe(canonicalRequest({ ...base, query: 'a=1&b=2' }));
  });

  it('binds the Content-Type as sent; none is an empty line', () => {
    const json = canonicalRequest({ ...base, contentType: 'application/json', query: '' });
    const form = canonicalRequest({ ...base, contentType: 'application/x-www-form-urlencoded', query: '' });
    expect(json).not.toBe(form);
    expect(canonicalRequest({ ...base, query: '' }).split('\n')[4]).toBe('');
    expect(canonicalRequestV1({ ...base, contentType: 'application/json', query: '' })).toBe(
      canonicalRequestV1({ ...base, contentType: 'text/plain', query: '' }),
    );
  });

  it('never equals a version 1 string: the first line is the version', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z=&]{0,8}$/), (query) => {
        expect(canonicalRequest({ ...base, query })).not.toBe(canonicalRequestV1({ ...base, query }));
        expect(canonicalRequest({ ...base, query }).startsWith('v2\nGET\n')).toBe(true);
      }),
    );
  });
});

describe('requestTargetProblem', () => {
  it.each(['/a', '/a?b=1&b=2', '/a/%3F?x=%23', '/a;b=1?c=d?e', "/a/!$&'()*+,;=:@~-._"])('accepts %j', (target) => {
    expect(requestTargetProblem(target)).toBeUndefined();
  });

  it.each([
    ['/transfers#&currency=USD', /"#"/],
    ['/transfers?a=1#x', /"#"/],
    ['http://host/transfers', /origin form/],
    ['*', /origin form/],
    ['', /origin form/],
    ['/caf\u00e9', /visible ASCII/],
    ['/a b', /visible ASCII/],
  ])('refuses %j', (target, reason) => {
    expect(requestTargetProblem(target)).toMatch(reason);
  });
});

describe('canonicalQuery (version 1)', () => {
  it.each([
    ['', ''],
    ['a=1', 'a=1'],
    ['b=2&a=1', 'a=1&b=2'],
    ['a=2&a=1&a=10', 'a=1&a=10&a=2'],
    ['&&b=2&&a=1&', 'a=1&b=2'],
    ['flag&a=1', 'a=1&flag'],
    ['a.b=1&a=2', 'a=2&a.b=1'], // by name first: "a" sorts before "a.b"
    ['q=caf%C3%A9&Q=x', 'Q=x&q=caf%C3%A9'], // code-unit order: upper case first; nothing decoded
    ['x=%20&x=+', 'x=%20&x=+'], // "%" (0x25) before "+" (0x2B); "+" and "%20" stay distinct
    ['a=&a', 'a&a='],
  ])('%j → %j', (query, expected) => {
    expect(canonicalQuery(query)).toBe(expected);
  });

  it('does not depend on the order the pairs were sent in, and is idempotent', () => {
    const pair = fc
      // A small alphabet, so that equal names, equal values and `a` vs `a=` come up often.
      .tuple(fc.stringMatching(/^[aAb%.]{0,2}$/), fc.option(fc.stringMatching(/^[aA%+=]{0,2}$/)))
      .map(([name, value]) => (value === null ? name : `${name}=${value}`));
    const sentTwice = fc
      .array(pair, { maxLength: 12 })
      .chain((pairs) =>
        fc.tuple(fc.constant(pairs), fc.shuffledSubarray(pairs, { minLength: pairs.length, maxLength: pairs.length })),
      );
    fc.assert(
      fc.property(sentTwice, ([pairs, shuffled]) => {
        const once = canonicalQuery(pairs.join('&'));
        expect(canonicalQuery(shuffled.join('&'))).toBe(once);
        expect(canonicalQuery(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});

describe('splitRequestTarget and the canonical strings', () => {
  it('splits at the first "?" and drops a fragment', () => {
    expect(splitRequestTarget('/a/b')).toEqual({ path: '/a/b', query: '' });
    expect(splitRequestTarget('/a?x=1?y=2')).toEqual({ path: '/a', query: 'x=1?y=2' });
    expect(splitRequestTarget('/a?x=1#frag')).toEqual({ path: '/a', query: 'x=1' });
    expect(splitRequestTarget('/a#frag?x')).toEqual({ path: '/a', query: '' });
  });

  it('upper-cases the method, keeps an empty query line, and hashes no body as zero bytes', () => {
    const parts = {
      method: 'get',
      path: '/orders/%E2%82%AC',
      query: '',
      timestamp: '1',
      nonce: 'n'.repeat(16),
      bodySha256: sha256Hex(undefined),
    };
    expect(canonicalRequest(parts)).toBe(`v2\nGET\n/orders/%E2%82%AC\n\n\n1\n${'n'.repeat(16)}\n${EMPTY_BODY_SHA256}`);
    expect(canonicalRequestV1(parts)).toBe(`GET\n/orders/%E2%82%AC\n\n1\n${'n'.repeat(16)}\n${EMPTY_BODY_SHA256}`);
    expect(EMPTY_BODY_SHA256).toBe(createHash('sha256').update('').digest('hex'));
    expect(sha256Hex(new Uint8Array(0))).toBe(EMPTY_BODY_SHA256);
  });

  it('builds the response string from status, nonce and body hash', () => {
    expect(canonicalResponse(201, 'nonce-0123456789ab', 'ab')).toBe('201\nnonce-0123456789ab\nab');
  });
});
