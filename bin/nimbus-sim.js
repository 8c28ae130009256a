#!/usr/bin/env node
// Runs the compiled CLI from dist/ (built by `npm install` through the prepare script). When dist/ is
// missing or older than the sources (a developer editing src/), it runs the TypeScript sources through
// tsx instead, so a checkout always runs what its sources say.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.build-stamp');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function distIsFresh() {
  if (process.env.NIMBUS_SIM_FROM_SOURCE) return false;
  if (!existsSync(stamp)) return false;
  const built = statSync(stamp).mtimeMs;
  return ['src', 'sim', 'mocks', 'app'].every((d) => !existsSync(join(root, d)) || newestSource(join(root, d)) <= built);
}

// A reader that stops early (`nimbus-sim run | head`) is not an error: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

let main;
if (distIsFresh()) {
  ({ main } = await import('../dist/app/cli/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../app/cli/main.ts'));
}
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`nimbus-sim: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\nPlease report this with the scenario file.\n`);
  process.exitCode = 3;
}
