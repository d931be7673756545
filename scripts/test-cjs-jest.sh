#!/usr/bin/env bash
# A stock Nest 11 `nest new` project (test/cjs-jest-app: CommonJS, Jest + ts-jest, TypeScript 5.7, tsconfig as the
# @nestjs/schematics 11 template writes it) installs the packed package and runs its Jest tests with no Jest or
# tsconfig change; tsc then checks every subpath under moduleResolution node, node16, nodenext and bundler, and the
# CLI prints the app's codes. In a scratch copy, without a lockfile, so the repository's node_modules stay untouched.
# `npm run build` first.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
started=$SECONDS
current=""

fail() {
  echo "" >&2
  echo "test:cjs-jest: FAILED at \"$current\" — the stock Nest 11 CommonJS + Jest project (test/cjs-jest-app)" >&2
  echo "  cannot use the packed package; $1. Output above." >&2
  exit 1
}
step() {
  current="$1"
  shift
  echo "test:cjs-jest: $current"
  "$@" || fail "$current did not pass"
}

current="build present"
[ -f "$root/dist/cjs/index.js" ] && [ -f "$root/dist/esm/index.js" ] || fail "dist/ is missing: run npm run build first"

cd "$root"
step "npm pack" npm pack --silent --pack-destination "$scratch" >/dev/null
tarball="$(ls "$scratch"/nest-envelope-*.tgz)"
tar -C "$root/test/cjs-jest-app" --exclude=node_modules --exclude=dist -cf - . | tar -xf - -C "$scratch" --one-top-level=app
cd "$scratch/app"
step "npm install (pinned Nest 11, Jest, ts-jest, TypeScript; no lockfile)" \
  npm install --no-audit --no-fund --loglevel=error --no-package-lock "$tarball"
echo "test:cjs-jest: Nest $(node -p 'require("@nestjs/common/package.json").version'), Jest $(npx jest --version)," \
  "ts-jest $(node -p 'require("ts-jest/package.json").version'), TypeScript $(npx tsc --version | cut -d' ' -f2)"

step "jest (unit, the package.json config)" npx jest --ci
step "jest (e2e, test/jest-e2e.json)" npx jest --ci --config ./test/jest-e2e.json
# The template's own tsconfig is nodenext (TS1479 before); the others are what older templates and tools use.
step "tsc, the template's tsconfig (module nodenext)" npx tsc -p tsconfig.json --noEmit --incremental false
step "tsc, module commonjs + moduleResolution node (node10, the Nest 10 / 11.0 template)" \
  npx tsc -p tsconfig.json --noEmit --incremental false --module commonjs --moduleResolution node \
  --resolvePackageJsonExports false
step "tsc, moduleResolution node16" npx tsc -p tsconfig.json --noEmit --incremental false --module node16 \
  --moduleResolution node16
step "tsc, moduleResolution bundler" npx tsc -p tsconfig.json --noEmit --incremental false --module esnext \
  --moduleResolution bundler
step "nest build equivalent (tsc -p tsconfig.build.json)" npx tsc -p tsconfig.build.json
current="npx nest-envelope codes dist/app.module.js"
echo "test:cjs-jest: $current"
table="$(npx nest-envelope codes dist/app.module.js)" || fail "the CLI could not read the built CommonJS app"
grep -q 'BookCodes.BOOK_NOT_FOUND' <<<"$table" || fail "the CLI's table has no BookCodes.BOOK_NOT_FOUND:
$table"
echo "test:cjs-jest: passed in $((SECONDS - started)) s"
