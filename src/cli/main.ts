#!/usr/bin/env node
// The `nest-envelope` bin: `npx nest-envelope codes dist/app.module.js [--format md|json] [--export AppModule]`.
import { runCli } from './run-cli.js';
import { exitAfterOutput, stdoutToStderr } from './process-output.js';

// No top-level await: this file is built as CommonJS (the library's one implementation, see tsconfig.build.json).
// The module file may start a server when imported (a main.js that calls app.listen): what it prints goes to
// stderr, so stdout holds the table alone, and the CLI exits once it has printed rather than wait on that server.
const stdout = stdoutToStderr(process);
void runCli(process.argv.slice(2), {
  out: (text) => stdout.write(text),
  err: (text) => process.stderr.write(text),
}).then((code) => exitAfterOutput(process, stdout, code));
