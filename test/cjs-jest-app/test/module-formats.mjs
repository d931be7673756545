// nest-envelope as Node loads it from this CommonJS app, from both module systems (run by app.e2e-spec.ts):
// one implementation behind require() and import (no second BusinessException), no optional peer behind the main
// entry in either build, and an ES module twin (the "default" condition, for bundlers) with the same names.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const problems = [];
const pkgDir = dirname(require.resolve('nest-envelope/package.json'));
const { exports } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const OPTIONAL_PEER = /^(@nestjs\/swagger|ioredis)(\/|$)/;
const STATIC = {
  cjs: /\brequire\("([^"]+)"\)/g,
  esm: /^\s*(?:import|export)\s+(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm,
};

/** Every bare specifier a built file loads, following its relative imports (the whole graph, lazy ones included). */
function bareSpecifiers(file, format, seen = new Set(), bare = new Set()) {
  if (seen.has(file)) return bare;
  seen.add(file);
  for (const [, specifier] of readFileSync(file, 'utf8').matchAll(STATIC[format])) {
    if (specifier.startsWith('.')) bareSpecifiers(join(dirname(file), specifier), format, seen, bare);
    else bare.add(specifier);
  }
  return bare;
}

const main = exports['.'];
if (typeof main !== 'object' || !main.node || !main.default) {
  console.error(`module formats: exports["."] needs a "node" (CommonJS) and a "default" (ES module) target`);
  process.exit(1);
}
for (const [format, file] of [
  ['cjs', main.node],
  ['esm', main.default],
]) {
  const peers = [...bareSpecifiers(join(pkgDir, file), format)].filter((s) => OPTIONAL_PEER.test(s));
  if (peers.length > 0) problems.push(`the main entry's ${format} build (${file}) loads optional peers: ${peers}`);
}

for (const [subpath, target] of Object.entries(exports)) {
  if (typeof target !== 'object') continue;
  const name = `nest-envelope${subpath.slice(1)}`;
  const required = require(name);
  const imported = await import(name);
  const names = Object.keys(required).filter((key) => key !== '__esModule');
  for (const key of names) {
    if (!(key in imported)) problems.push(`${name}: import sees no ${key} (require does)`);
    else if (imported[key] !== required[key]) problems.push(`${name}: ${key} from import is not ${key} from require`);
  }
  const twin = Object.keys(await import(pathToFileURL(join(pkgDir, target.default)).href));
  if (twin.sort().join() !== [...names].sort().join()) {
    problems.push(`${name}: the ES module twin ${target.default} exports ${twin}, the CommonJS build ${names}`);
  }
}

// What the dual-package hazard would break: an exception thrown through one module system, caught through the other.
const { BusinessException, defineCodes, ValidationFailedException } = await import('nest-envelope');
const fromRequire = require('nest-envelope');
const codes = fromRequire.defineCodes({ GONE: { code: 30020, status: 410, message: 'gone' } }, { name: 'Codes' });
if (!(new fromRequire.BusinessException(codes.GONE) instanceof BusinessException)) {
  problems.push('a BusinessException made through require() is not instanceof the imported BusinessException');
}
if (
  !(new BusinessException(defineCodes({ X: { code: 30030, message: 'x' } }).X) instanceof fromRequire.BusinessException)
) {
  problems.push('an imported BusinessException is not instanceof the required BusinessException');
}
if (ValidationFailedException !== fromRequire.ValidationFailedException) {
  problems.push('ValidationFailedException differs between import and require');
}

if (problems.length > 0) {
  console.error(`module formats: ${problems.length} problem(s)\n  - ${problems.join('\n  - ')}`);
  process.exit(1);
}
console.log('module formats: ok');
