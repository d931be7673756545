/** Where the sample app listens: the IPv4 loopback, which `curl`, browsers and Node's `fetch` reach on any machine. */
export const DEFAULT_HOST = '127.0.0.1';

/**
 * The origin to print for a server listening on `host:port`: an IPv6 address in brackets, and a wildcard address
 * (`0.0.0.0`, `::`, which listen everywhere but are no place to connect to) as its loopback.
 *
 * @example
 * sampleOrigin('127.0.0.1', 3000); // 'http://127.0.0.1:3000'
 * sampleOrigin('::', 3000); // 'http://[::1]:3000'
 */
export function sampleOrigin(host: string, port: number): string {
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}
