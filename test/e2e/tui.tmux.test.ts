/**
 * End to end in a real terminal: tmux runs `nimbus-sim run` and `nimbus-sim explore` in a pseudo-terminal of
 * 80x24 (the smallest terminal the views are made for), sends keys (strings of several keys arrive in one
 * chunk, as a paste does), and reads the screen back: every screen must fit. Skips (with the reason) when tmux is not installed on a developer's
 * machine; in CI (.ci/run sets NIMBUS_SIM_REQUIRE_TOOLS=1 and installs tmux) a missing tmux fails instead.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const hasTmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
const toolsRequired = process.env.NIMBUS_SIM_REQUIRE_TOOLS === '1';
if (!hasTmux && !toolsRequired) console.warn('test/e2e/tui.tmux.test.ts skipped: tmux is not installed (apt-get install -y tmux)');

const SOCKET = `nimbus-e2e-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
const out = mkdtempSync(join(tmpdir(), 'nimbus-e2e-'));
let sessions = 0;

afterAll(() => {
  if (hasTmux) {
    spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
    // tmux leaves the socket file of a killed server behind
    rmSync(join(process.env.TMUX_TMPDIR ?? '/tmp', `tmux-${process.getuid?.() ?? 0}`, SOCKET), { force: true });
  }
  rmSync(out, { recursive: true, force: true });
});

/** Start `command` in a fresh tmux window of the given size; after it exits the shell prints EXIT=<code> and the tty mode. */
function start(command: string, env: Record<string, string> = {}, width = 80, height = 24): string {
  const name = `s${++sessions}`;
  const vars = Object.entries(env)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  // A person at a terminal is not a CI job: Ink stops drawing live frames when it sees CI variables.
  const script = `cd ${ROOT} && env -u CI -u CONTINUOUS_INTEGRATION -u GITHUB_ACTIONS ${vars} ${command}; echo EXIT=$?; stty -a | tr ' ;' '\\n\\n' | grep -x -- '-\\?icanon'; sleep 60`;
  tmux('new-session', '-d', '-x', String(width), '-y', String(height), '-s', name, script);
  return name;
}

const screen = (name: string, escapes = false) => tmux('capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', name);
const keys = (name: string, ...k: string[]) => tmux('send-keys', '-t', name, ...k);

async function waitFor(name: string, text: string | RegExp, timeoutMs = 60_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    last = screen(name);
    if (typeof text === 'string' ? last.includes(text) : text.test(last)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the screen never showed ${String(text)}; it shows:\n${last}`);
}

const NIMBUS = 'node bin/nimbus-sim.js';

/** No line wider than the terminal; tmux's screen has exactly its rows, so only the width can overflow (it wraps). */
function expectFits(text: string, width = 80): string {
  for (const line of text.split('\n')) expect([...line.trimEnd()].length, line).toBeLessThanOrEqual(width);
  return text;
}

/** Scrolled off the top means the frame was taller than the terminal: the first line is the view's first line. */
const expectTopLine = (text: string, first: RegExp) => expect(text.split('\n')[0]).toMatch(first);

describe.skipIf(!hasTmux && !toolsRequired)('TUI in a real terminal (tmux)', () => {
  // In CI a missing tmux fails every test here with this message instead of skipping them.
  beforeAll(() => {
    if (!hasTmux) throw new Error('tmux -V failed: install tmux (apt-get install -y tmux); CI requires it (NIMBUS_SIM_REQUIRE_TOOLS=1)');
  });

  it('explore at 80x24: six steps typed at once reach the refused PSTN transfer; b steps back; q restores the terminal', async () => {
    const s = start(`${NIMBUS} explore scenarios/scenario-b.yaml`);
    await waitFor(s, 'step 0/7');
    expect(screen(s)).toContain('n next');
    keys(s, '-l', 'nnnnnn');
    const failed = expectFits(await waitFor(s, /step 6\/7 .* history 6/));
    expectTopLine(failed, /^explore step 6\/7/);
    expect(failed).toMatch(/L30 transfer ✗ carl transfers c1 to \+41795550199: Transfer failed/);
    expect(failed).toMatch(/refused: pstnTransfer/);
    // the whole refusal is in the log, scrolled to its end
    keys(s, 'l');
    const log = expectFits(await waitFor(s, 'esc back · ? help · q quit'));
    expect(log).toMatch(/✗ XFER-03 Unlicensed first service, failed PSTN transfer/);
    expect(log).toMatch(/service B has no PSTN\s+number/);
    keys(s, 'Escape');
    await waitFor(s, '↑↓ select · n next');
    // time travel: one step back
    keys(s, 'b');
    await waitFor(s, 'step 5/7');
    keys(s, 'q');
    const after = await waitFor(s, /^-?icanon$/m);
    expect(after).toContain('EXIT=0');
    expect(after).toMatch(/^icanon$/m); // cooked mode again: raw mode was left
  }, 120_000);

  it('explore a 70-step scenario at 80x24: run to the end, the log and the timeline scroll to their last row', async () => {
    const s = start(`${NIMBUS} explore test/e2e/fixtures/long/long-shift.yaml`);
    await waitFor(s, 'step 0/70');
    keys(s, 'r');
    const end = expectFits(await waitFor(s, /step 70\/70 .*history 70/));
    expectTopLine(end, /^explore step 70\/70/);
    expect(end).toMatch(/actors 1–\d+ of 20/);
    keys(s, 'l');
    const log = expectFits(await waitFor(s, /\d+–(\d+) of \1 · ↑↓ PgUp PgDn/));
    expect(log).toMatch(/L88 expect ✓ expect session c1 in B/);
    keys(s, 't');
    await waitFor(s, /timeline · columns 1–\d+ of \d+ · rows 1–/);
    keys(s, 'G');
    const timeline = expectFits(await waitFor(s, /rows \d+–(\d+) of \1/));
    expectTopLine(timeline, /^explore step 70\/70/);
    expect(timeline).toMatch(/^c16: B★/m);
    keys(s, '?');
    expectFits(await waitFor(s, 'Keys of the explorer'));
    keys(s, 'q');
    const after = await waitFor(s, /^-?icanon$/m);
    expect(after).toContain('EXIT=0');
  }, 120_000);

  it('explore exits 1 after q when a played expectation failed', async () => {
    const s = start(`${NIMBUS} explore test/fixtures/cli/failing.yaml`);
    await waitFor(s, 'step 0/2');
    keys(s, 'r');
    await waitFor(s, /step 2\/2 .*history 2/);
    keys(s, 'q');
    const after = await waitFor(s, /^-?icanon$/m);
    expect(after).toContain('EXIT=1');
  }, 120_000);

  it('explore honours NO_COLOR, follows a resize, and Ctrl-C restores the terminal', async () => {
    const s = start(`${NIMBUS} explore scenarios/scenario-b.yaml`, { NO_COLOR: '1' }, 120, 40);
    await waitFor(s, 'step 0/7');
    keys(s, 'n');
    await waitFor(s, 'step 1/7');
    expect(screen(s, true)).not.toMatch(/\u001b\[(3[0-7]|9[0-7]|38;)/);
    tmux('resize-window', '-t', s, '-x', '80', '-y', '24');
    keys(s, 'n');
    // the step done (no "working…"), so Ctrl-C meets an idle explorer
    const narrow = expectFits(await waitFor(s, /step 2\/7 .*history 2$/m));
    expect(narrow).toContain('L26 answer ✓ bea answers c1');
    keys(s, 'C-c');
    const after = await waitFor(s, /^-?icanon$/m);
    expect(after).toContain('EXIT=130');
    expect(after).toMatch(/^icanon$/m);
  }, 120_000);

  it('run at 80x24: live table, a pasted /PSTN filter, enter for expected vs actual and the rules, t for the timeline, q quits with the exit code', async () => {
    const s = start(`${NIMBUS} run test/e2e/fixtures/passing.yaml test/e2e/fixtures/failing-pstn-transfer.yaml --out ${out}`);
    const done = expectFits(await waitFor(s, '· done'));
    expect(done).toMatch(/2\/2 · 1 passed · 1 failed · \d+:\d\d · done/);
    expect(done).toMatch(/PASS\s+E2E - bea answers/);
    expect(done).toMatch(/FAIL\s+E2E - expects the Scenario B PSTN/);
    expect(done).toContain('↑↓ move · enter open · t timeline · f failures · / filter · ? help · q quit');
    keys(s, '-l', '/PSTN');
    await waitFor(s, 'filter: PSTN▏ (enter keep, esc clear) · 1 of 2');
    keys(s, 'Enter');
    await waitFor(s, 'filter: PSTN · 1 of 2');
    keys(s, 'Enter');
    const detail = expectFits(await waitFor(s, 'Failures (1):'));
    expect(detail).toContain('expected: {"ok":true}');
    // wrapped, not cut, at 80 columns
    expect(detail).toMatch(/actual:\s+\{"ok":false,"because":\["LIC-01","XFER-03","WF-06"\]/);
    // the rules that decided it, a page further down
    keys(s, 'NPage');
    expectFits(await waitFor(s, /✗ XFER-03 Unlicensed first service, failed PSTN transfer/));
    keys(s, 't');
    const timeline = expectFits(await waitFor(s, /c1 task\s+┃Establishing/));
    expect(timeline).toMatch(/bea status\s+┃Available/);
    keys(s, 'G');
    expect(expectFits(await waitFor(s, '★ license holder B'))).toMatch(/^c1: B★/m);
    keys(s, 'q');
    const after = await waitFor(s, /^-?icanon$/m);
    expect(after).toContain('EXIT=1');
    expect(after).toContain('2 scenarios: 1 passed, 1 failed');
    expect(after).toMatch(/^icanon$/m);
  }, 120_000);
});

describe('explore without a terminal', () => {
  it('prints a plain transcript: no escape codes, every step, the refusal with its rules', () => {
    const r = spawnSync('node', ['bin/nimbus-sim.js', 'explore', 'scenarios/scenario-b.yaml'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).toMatch(/L30 transfer ✗ carl transfers c1/);
    expect(r.stdout).toMatch(/✗ XFER-03 Unlicensed first service, failed PSTN transfer/);
    expect(r.stdout).toContain('why (bea):');
  }, 60_000);
});
