#!/usr/bin/env bash
# Runs the test suite against Nest 11 (the oldest peer the package claims) in a scratch copy of the repository,
# so the main checkout's node_modules stay on Nest 12. Tests of Nest 12-only features skip themselves.
# Arguments go to vitest (`npm run test:nest11 -- test/e2e/x.e2e.test.ts`).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
git -C "$root" ls-files -z | (cd "$root" && xargs -0 tar -cf - 2>/dev/null) | tar -xf - -C "$scratch"
cd "$scratch"
node -e '
const fs = require("fs");
const pkg = JSON.parse(fs.readFileSync("package.json", "utf8"));
Object.assign(pkg.devDependencies, {
  "@nestjs/common": "11.2.10", "@nestjs/core": "11.2.10", "@nestjs/platform-express": "11.2.10",
  "@nestjs/platform-fastify": "11.2.8", "@nestjs/testing": "11.2.6", "@nestjs/swagger": "11.4.0",
});
fs.writeFileSync("package.json", JSON.stringify(pkg, null, 2));
'
rm -f package-lock.json
# Nest 11.2's own packages disagree on @fastify/static (swagger ^8||^9, platform-fastify ^10): peers are not resolved here.
npm install --no-audit --no-fund --loglevel=error --legacy-peer-deps
echo "Nest $(node -p 'require("@nestjs/common/package.json").version') — running the suite"
npx vitest run --reporter=dot "$@"
