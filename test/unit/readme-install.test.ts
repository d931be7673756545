import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url);
const readme = readFileSync(new URL('README.md', ROOT), 'utf8');
const pkg = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as {
  name: string;
  peerDependencies: Record<string, string>;
};

/** The packages the README's Install section has a user install, from its `npm install` lines. */
function installed(): string[] {
  const section = /^## Install\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? '';
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line.startsWith('npm install '))
    .flatMap((line) => line.slice('npm install '.length).split(/\s+/))
    .filter((name) => name !== '' && !name.startsWith('-'));
}

describe('the README’s Install section', () => {
  it('installs the package, every peer it declares, an adapter, and @fastify/static for Swagger on Fastify', () => {
    const names = installed();
    expect(names).toContain(pkg.name);
    for (const peer of Object.keys(pkg.peerDependencies)) expect(names, peer).toContain(peer);
    expect(names).toContain('@nestjs/platform-express');
    expect(readme).toMatch(/@nestjs\/platform-fastify/);
    expect(names).toContain('@fastify/static');
  });
});
