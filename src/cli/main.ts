#!/usr/bin/env node
// The `nest-envelope` bin: `npx nest-envelope codes dist/app.module.js [--format md|json] [--export AppModule]`.
import { runCli } from './run-cli.js';

// No top-level await: this file is built as CommonJS (the library's one implementation, see tsconfig.build.json).
void runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}).then((code) => {
  process.exitCode = code;
});
