import { describe, expect, it } from 'vitest';
import { isJsonContentType } from '../../src/http/media-type.js';

describe('isJsonContentType: which Content-Type a handler chose still gets the JSON envelope', () => {
  it.each([
    'application/json',
    'application/json; charset=utf-8',
    'Application/JSON; charset=UTF-8',
    '  application/json  ;charset=utf-8',
    'application/problem+json',
    'application/vnd.api+json',
    'application/merge-patch+json; charset=utf-8',
    ['application/json'],
  ])('%s is JSON', (value) => {
    expect(isJsonContentType(value)).toBe(true);
  });

  it.each([undefined, null, '', '  ', []])('%s is no choice at all (wrapped)', (value) => {
    expect(isJsonContentType(value)).toBe(true);
  });

  it.each([
    'text/plain',
    'text/plain; version=0.0.4; charset=utf-8',
    'TEXT/PLAIN',
    'text/html; charset=utf-8',
    'text/csv',
    'application/xml',
    'application/octet-stream',
    'application/json-seq',
    'application/jsonl',
    'text/json',
    'text/x+json',
    'application/x-ndjson',
    ['text/csv'],
    42,
  ])('%s is not JSON', (value) => {
    expect(isJsonContentType(value)).toBe(false);
  });
});
