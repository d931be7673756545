/** The parts of `process` the CLI's output handling touches. */
interface CliProcess {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  exit(code: number): never;
}

/**
 * A writer to stdout that stays one: afterwards, everything else written to `process.stdout` (`console.log`,
 * Nest's logger) goes to stderr.
 *
 * @example
 * const stdout = stdoutToStderr(process);
 * console.log('a server started'); // on stderr
 * stdout.write('| code | … |\n'); // on stdout
 */
export function stdoutToStderr(proc: CliProcess): { write(text: string, done?: () => void): void } {
  const write = proc.stdout.write.bind(proc.stdout);
  proc.stdout.write = proc.stderr.write.bind(proc.stderr);
  return {
    write(text, done) {
      write(text, done);
    },
  };
}

/**
 * Waits until what was written to stdout and stderr has been handed to the system, then exits with `code`:
 * the module the CLI loaded may hold the event loop open (a listening server, a timer, a connection pool).
 *
 * @example
 * await exitAfterOutput(process, stdout, 0);
 */
export async function exitAfterOutput(
  proc: CliProcess,
  stdout: { write(text: string, done?: () => void): void },
  code: number,
): Promise<never> {
  await Promise.all([
    new Promise<void>((resolve) => stdout.write('', resolve)),
    new Promise<void>((resolve) => proc.stderr.write('', () => resolve())),
  ]);
  return proc.exit(code);
}
