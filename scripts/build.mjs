// Compiles src/, sim/, mocks/ and app/ to dist/ with the project's TypeScript (with declaration files, for the
// package's `nimbus-sim/vitest` export), then stamps the build so the CLI launcher (bin/nimbus-sim.js) knows
// dist/ is current. Runs on `npm install` of the repository and on `npm pack` (the prepare script), so a
// tarball always holds a fresh build.
//
// The build goes to a staging folder that replaces dist/ only when it is complete: a CLI started meanwhile
// (a test, a second terminal) sees the old build or, for the instant between the two renames, no stamp and
// runs the sources through tsx; never half a build.
import { spawnSync } from 'node:child_process';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const staging = `dist.building-${process.pid}`;
const retired = `dist.old-${process.pid}`;
rmSync(staging, { recursive: true, force: true });
const tsc = join('node_modules', 'typescript', 'bin', 'tsc');
const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', staging], { stdio: 'inherit' });
if (r.status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  process.exit(r.status ?? 1);
}
writeFileSync(join(staging, '.build-stamp'), '');
try {
  renameSync('dist', retired);
} catch (err) {
  if (err.code !== 'ENOENT') throw err;
}
renameSync(staging, 'dist');
rmSync(retired, { recursive: true, force: true });
