/**
 * Runs an official Graph client in a child process against a `serve --tls` server, trusting its self-signed
 * certificate, and returns what it printed. Asynchronous on purpose: the server answering the child lives in
 * the test's own event loop.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningMockServer } from '../../../app/serve/server.js';

export interface ClientRun {
  stdout: string;
  stderr: string;
  status: number | null;
  /** The child's last stdout line, parsed: the clients print their findings as one JSON line. */
  last: () => unknown;
}

export async function runClientScript(dir: string, name: string, source: string, server: RunningMockServer): Promise<ClientRun> {
  const script = join(dir, name);
  writeFileSync(script, source);
  const child = spawn(process.execPath, [script, server.origin], { env: { ...process.env, NODE_EXTRA_CA_CERTS: server.certFile ?? '' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const status = await new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { stdout, stderr, status, last: () => JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') };
}
