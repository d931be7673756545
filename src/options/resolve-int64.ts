import { headerName, names, nonEmptyString, objectAt, onlyKeys } from './option-checks.js';
import type { ResolvedResponseOptions } from './resolved-options.interface.js';

/**
 * `int64`: the headers and query parameters by which a client asks for bigints as strings, each one name or
 * several (a client library may send `_stringify` where the server documents `_string`). Header names are
 * lower-cased, as both adapters hand headers over; query names are matched as written (query keys are
 * case-sensitive).
 *
 * @example
 * resolveInt64({ query: ['_string', '_stringify'] }); // { headers: ['x-stringify'], queries: ['_string', '_stringify'] }
 */
export function resolveInt64(value: unknown): ResolvedResponseOptions['int64'] {
  const int64 = objectAt('int64', value);
  onlyKeys('int64', int64, ['header', 'query']);
  return {
    headers: names('int64.header', int64.header, 'x-stringify', headerName),
    queries: names('int64.query', int64.query, '_string', nonEmptyString),
  };
}
