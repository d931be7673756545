/**
 * The registry refused to start: duplicate codes, or codes that break the `codeRule` option.
 * The message names every offending definition (catalogue and key) and its code.
 *
 * @example
 * await NestFactory.create(AppModule); // CodeRegistryError: CodeRegistry: a code must have one definition, but …
 */
export class CodeRegistryError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CodeRegistryError';
  }
}
