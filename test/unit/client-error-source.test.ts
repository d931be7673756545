import { describe, expect, it } from 'vitest';
import { resolveResponseOptions } from '../../src/options/resolve-options.js';
import { clientErrorStatus, fromClientError } from '../../src/outcome/client-error.source.js';

describe('clientErrorStatus', () => {
  it.each([
    ['HPE_HEADER_OVERFLOW', 431],
    ['HPE_CHUNK_EXTENSIONS_OVERFLOW', 413],
    ['ERR_HTTP_REQUEST_TIMEOUT', 408],
    ['HPE_INVALID_METHOD', 400],
    ['HPE_INVALID_HEADER_TOKEN', 400],
    [undefined, 400],
    [42, 400],
    ['toString', 400],
  ])('%s → %d, as Node answers it', (code, status) => {
    expect(clientErrorStatus(code)).toBe(status);
  });
});

describe('fromClientError', () => {
  it('takes the statusCodes code and a fixed, localised message', () => {
    const options = resolveResponseOptions({ statusCodes: { 431: 'HEADERS_TOO_LARGE' } });
    expect(fromClientError('HPE_HEADER_OVERFLOW', options, 'zh-CN')).toEqual({
      kind: 'failure',
      httpStatus: 431,
      code: 'HEADERS_TOO_LARGE',
      message: '请求头字段过大',
      error: 'Request Header Fields Too Large',
    });
    expect(fromClientError('HPE_INVALID_METHOD', options, 'en')).toMatchObject({ httpStatus: 400, code: 400 });
  });
});
