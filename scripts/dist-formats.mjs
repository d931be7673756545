// After both builds: mark each dist/ folder with its module format, so Node and TypeScript read dist/cjs/*.js and
// its .d.ts as CommonJS although the repository's package.json says "type": "module" (`npm run build`).
import { writeFileSync } from 'node:fs';

writeFileSync('dist/cjs/package.json', `${JSON.stringify({ type: 'commonjs' })}\n`);
writeFileSync('dist/esm/package.json', `${JSON.stringify({ type: 'module', sideEffects: false })}\n`);
