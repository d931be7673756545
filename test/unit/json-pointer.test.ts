import jsonpointer from 'jsonpointer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toJsonPointer, toUriFragment } from '../../src/validation/json-pointer.js';

// RFC 6901 §5 and §6, verbatim (REFERENCES §3)
const DOCUMENT = {
  foo: ['bar', 'baz'],
  '': 0,
  'a/b': 1,
  'c%d': 2,
  'e^f': 3,
  'g|h': 4,
  'i\\j': 5,
  'k"l': 6,
  ' ': 7,
  'm~n': 8,
};
const CASES: [(string | number)[], string, string][] = [
  [[], '', '#'],
  [['foo'], '/foo', '#/foo'],
  [['foo', 0], '/foo/0', '#/foo/0'],
  [[''], '/', '#/'],
  [['a/b'], '/a~1b', '#/a~1b'],
  [['c%d'], '/c%d', '#/c%25d'],
  [['e^f'], '/e^f', '#/e%5Ef'],
  [['g|h'], '/g|h', '#/g%7Ch'],
  [['i\\j'], '/i\\j', '#/i%5Cj'],
  [['k"l'], '/k"l', '#/k%22l'],
  [[' '], '/ ', '#/%20'],
  [['m~n'], '/m~0n', '#/m~0n'],
];

describe('toJsonPointer against RFC 6901 §5', () => {
  it.each(CASES)('%j → %j', (path, pointer) => {
    expect(toJsonPointer(path)).toBe(pointer);
    const expected: unknown =
      path.length === 0
        ? DOCUMENT
        : path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], DOCUMENT);
    expect(jsonpointer.get(DOCUMENT, pointer)).toEqual(expected); // independent resolver agrees
  });

  it('escapes ~ before /, so ~1 in a name stays a name', () => {
    expect(toJsonPointer(['~1'])).toBe('/~01');
    expect(jsonpointer.get({ '~1': 'x' }, '/~01')).toBe('x');
  });

  it('resolves every generated path to the value it names (property test with the jsonpointer library)', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('~', '/', '~1', '~0', '.', '[0]', 'a/b~c'));
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 5 }), fc.jsonValue(), (path, leaf) => {
        const document: Record<string, unknown> = {};
        let node = document;
        path.forEach((segment, index) => {
          if (index === path.length - 1) node[segment] = leaf;
          else node = node[segment] = {};
        });
        // keys repeated along the path overwrite each other; compare with what the plain walk finds
        const walked = path.reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], document);
        expect(jsonpointer.get(document, toJsonPointer(path))).toEqual(walked);
      }),
      { numRuns: 300 },
    );
  });
});

describe('toUriFragment against RFC 6901 §6', () => {
  it.each(CASES)('%j → %j', (_path, pointer, fragment) => {
    expect(toUriFragment(pointer)).toBe(fragment);
  });

  it('percent-encodes UTF-8 bytes', () => {
    expect(toUriFragment('/名')).toBe('#/%E5%90%8D');
  });
});
