// Compiles src/, sim/ and mocks/ to dist/ with the project's TypeScript, then stamps the build so the
// CLI launcher (bin/nimbus-sim.js) knows dist/ is current.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

rmSync('dist', { recursive: true, force: true });
const tsc = join('node_modules', 'typescript', 'bin', 'tsc');
const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
mkdirSync('dist', { recursive: true });
writeFileSync('dist/.build-stamp', '');
