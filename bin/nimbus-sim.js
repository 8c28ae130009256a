#!/usr/bin/env node
// Runs the compiled CLI from dist/ (built by `npm install` through the prepare script). When dist/ is
// missing or older than the sources (a developer editing src/), it runs the TypeScript sources through
// tsx instead, so a checkout always runs what its sources say.
import { spawn } from 'node:child_process';
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

/**
 * A contact-center day (`load`) keeps thousands of calls, agents and their snapshots alive across many events,
 * so with V8's default young generation (16 MB semi-spaces on 64-bit Node 20) every scavenge copies the same
 * live objects again. The day runs in a child Node with 64 MB semi-spaces instead: a quarter day measured 8%
 * faster side by side, and the peak RSS stays far below the 2 GB budget (docs/performance.md). A flag given
 * by the user (`node --max-semi-space-size=N bin/nimbus-sim.js load`) is kept as it is.
 */
const SEMI_SPACE_FLAG = '--max-semi-space-size';
const needsLargerYoungGeneration = (argv) =>
  argv[2] === 'load' && !process.execArgv.some((a) => a.startsWith(SEMI_SPACE_FLAG)) && !(process.env.NODE_OPTIONS ?? '').includes(SEMI_SPACE_FLAG);

if (needsLargerYoungGeneration(process.argv)) {
  const child = spawn(process.execPath, [...process.execArgv, `${SEMI_SPACE_FLAG}=64`, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  // Ctrl-C reaches both processes (one process group); a signal sent to this one alone is passed on.
  const forward = (signal) => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward);
  child.on('error', (err) => {
    process.stderr.write(`nimbus-sim: could not start the simulation process: ${err.message}\n`);
    process.exitCode = 3;
  });
  child.on('exit', (code, signal) => {
    if (signal === null) {
      process.exitCode = code ?? 3;
      return;
    }
    // End the way the day did, so a shell or CI sees the same signal.
    for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.off(s, forward);
    process.kill(process.pid, signal);
  });
} else {
  await runCli();
}

async function runCli() {
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
}
