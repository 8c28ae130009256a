/**
 * The `nimbus-sim` command run as a child process, without blocking: a test file whose cases each start the
 * CLI can run them concurrently (`describe.concurrent`), so one child uses the second core while another starts,
 * instead of the test worker waiting on one `spawnSync` at a time.
 */
import { spawn } from 'node:child_process';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Milliseconds before the child is killed (its status is then null). */
  timeout?: number;
  /** Written to the child's stdin, which is then closed; `null` gives the child no stdin at all. */
  input?: string | null;
}

/** Runs `node ...args` with NO_COLOR=1 and collects what it printed. */
export function runNode(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    stdio: [options.input === null ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    timeout: options.timeout ?? 60_000,
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdin?.end(options.input ?? '');
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** `nimbus-sim ...args` from the repository root (the working directory vitest runs in). */
export const cli = (...args: string[]): Promise<CliResult> => runNode(['bin/nimbus-sim.js', ...args]);
