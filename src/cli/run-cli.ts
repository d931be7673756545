import { CLI_USAGE, CliUsageError, parseCliArgs } from './cli-args.js';
import { type ModuleLoader, runCodesCommand } from './codes.command.js';

/**
 * Where the CLI writes.
 *
 * @example
 * const io: CliOutput = { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) };
 */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

/**
 * Runs the command line and returns the exit code: 0 done, 1 the app failed (e.g. a duplicate code),
 * 2 a usage error (printed with the usage).
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2), { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) });
 */
export async function runCli(argv: readonly string[], io: CliOutput, load?: ModuleLoader): Promise<number> {
  try {
    const command = parseCliArgs(argv);
    if (command.kind === 'help') {
      io.out(`${CLI_USAGE}\n`);
      return 0;
    }
    io.out(await runCodesCommand(command, load));
    return 0;
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.err(`nest-envelope: ${error.message}\n\n${CLI_USAGE}\n`);
      return 2;
    }
    io.err(`nest-envelope: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
