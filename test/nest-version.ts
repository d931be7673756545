import { createRequire } from 'node:module';

/** The major version of the installed `@nestjs/common`: tests of Nest 12-only features run on 12 and later. */
export const NEST_MAJOR = Number(
  (createRequire(import.meta.url)('@nestjs/common/package.json') as { version: string }).version.split('.')[0],
);
