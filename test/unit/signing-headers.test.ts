import { describe, expect, it } from 'vitest';
import { readSigningHeaders, type SigningHeaderNames } from '../../src/signing/signing-headers.js';

const names: SigningHeaderNames = {
  appId: 'x-app-id',
  timestamp: 'x-timestamp',
  nonce: 'x-nonce',
  signature: 'x-signature',
};
const valid = {
  'x-app-id': 'app1',
  'x-timestamp': '1764075600',
  'x-nonce': '5f2b9c1e8a7d4c3b',
  'x-signature': 'ab'.repeat(32),
};

describe('readSigningHeaders', () => {
  it('reads the four headers and the timestamp as a number', () => {
    expect(readSigningHeaders(valid, names)).toEqual({
      appId: 'app1',
      timestamp: '1764075600',
      timestampSeconds: 1764075600,
      nonce: '5f2b9c1e8a7d4c3b',
      signature: 'ab'.repeat(32),
    });
  });

  it('reports the first missing header in the order app id, timestamp, nonce, signature; empty counts as missing', () => {
    expect(readSigningHeaders({}, names)).toMatchObject({ problem: 'missing', header: 'x-app-id' });
    expect(readSigningHeaders({ ...valid, 'x-timestamp': undefined, 'x-nonce': undefined }, names)).toMatchObject({
      problem: 'missing',
      header: 'x-timestamp',
    });
    expect(readSigningHeaders({ ...valid, 'x-signature': '' }, names)).toMatchObject({
      problem: 'missing',
      header: 'x-signature',
    });
  });

  it.each([
    ['x-app-id', 'has space'],
    ['x-app-id', 'é'],
    ['x-app-id', 'a'.repeat(129)],
    ['x-timestamp', '1764075600.5'],
    ['x-timestamp', '+1764075600'],
    ['x-timestamp', '1764075600000'],
    ['x-nonce', 'x'.repeat(15)],
    ['x-nonce', 'x'.repeat(65)],
    ['x-nonce', `${'x'.repeat(15)} y`],
    ['x-nonce', `${'x'.repeat(16)}\t`],
    ['x-signature', 'ab'.repeat(31)],
    ['x-signature', 'zz'.repeat(32)],
    ['x-signature', 'A'.repeat(42)],
    ['x-signature', `${'A'.repeat(43)}==`],
    ['x-signature', `${'A'.repeat(21)}+_${'A'.repeat(20)}`], // two base64 alphabets mixed
  ])('reports %s: %j as malformed', (header, value) => {
    expect(readSigningHeaders({ ...valid, [header]: value }, names)).toMatchObject({ problem: 'malformed', header });
  });

  it('accepts the edges: 128-character app ids, 16- and 64-character nonces, every signature form', () => {
    for (const [header, value] of [
      ['x-app-id', '~'.repeat(128)],
      ['x-nonce', '!'.repeat(16)],
      ['x-nonce', '~'.repeat(64)],
      ['x-signature', 'AB'.repeat(32)],
      ['x-signature', `${'A'.repeat(43)}=`],
      ['x-signature', `${'+/'.repeat(21)}A`],
      ['x-signature', `${'-_'.repeat(21)}A=`],
    ]) {
      expect(readSigningHeaders({ ...valid, [header]: value }, names), `${header}: ${value}`).not.toHaveProperty(
        'problem',
      );
    }
  });

  it('treats a repeated header (an array) as malformed', () => {
    expect(readSigningHeaders({ ...valid, 'x-nonce': ['a'.repeat(16), 'b'.repeat(16)] }, names)).toMatchObject({
      problem: 'malformed',
      header: 'x-nonce',
    });
  });
});
