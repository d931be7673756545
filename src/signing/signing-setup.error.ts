/**
 * The app is not set up to verify signed requests (no `signing` options, no raw body). Thrown at start-up
 * where it can be known then, else on the request: that request answers 500 and the log says what to fix.
 *
 * @example
 * throw new SigningSetupError('POST /orders has a body but no req.rawBody: create the app with { rawBody: true }');
 */
export class SigningSetupError extends Error {
  constructor(message: string) {
    super(`ResponseModule signing: ${message}`);
    this.name = 'SigningSetupError';
  }
}
