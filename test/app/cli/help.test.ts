/** Per-command help: what the command does, every option with a sentence, two examples; the same both ways. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../app/cli/registry.js';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/nimbus-sim.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('nimbus-sim help COMMAND and COMMAND --help', () => {
  it('every command has a description, a sentence per option and two runnable examples', () => {
    for (const [name, entry] of Object.entries(COMMANDS)) {
      expect(entry.description.length, name).toBeGreaterThan(40);
      for (const [option, help] of Object.entries(entry.options)) expect(help.help, `${name} --${option}`).toMatch(/^[A-Z`].{10,}\.$/);
      expect(entry.examples, name).toHaveLength(2);
      for (const example of entry.examples) expect(example.command, name).toMatch(new RegExp(`^npx nimbus-sim ${name}\\b`));
    }
  });

  it('run --help and help run print the same text: description, each option with its sentence, examples, exit codes', () => {
    const byFlag = cli('run', '--help');
    const byHelp = cli('help', 'run');
    expect(byFlag.code).toBe(0);
    expect(byHelp.code).toBe(0);
    expect(byHelp.stdout).toBe(byFlag.stdout);
    const text = byFlag.stdout;
    expect(text).toMatch(/^Usage: npx nimbus-sim run \[paths\.\.\.\]\n\nRuns scenario files/);
    for (const [option, help] of Object.entries(COMMANDS['run']?.options ?? {})) {
      expect(text).toMatch(new RegExp(`^  --${option}\\b.*${help.help.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'));
    }
    expect(text).toContain('Examples\n  npx nimbus-sim run scenarios/scenario-b.yaml\n');
    expect(text).toMatch(/Exit codes: 0 all passed/);
  });

  it('help for every command exits 0 and names its options; help of an unknown command is a usage error', () => {
    for (const name of Object.keys(COMMANDS)) {
      const r = cli('help', name);
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      for (const option of Object.keys(COMMANDS[name]?.options ?? {})) expect(r.stdout, name).toContain(`--${option}`);
      expect(r.stdout.match(/^  npx nimbus-sim /gm), name).toHaveLength(2);
    }
    const unknown = cli('help', 'runn');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "runn"/);
  });

  it('the overview points at per-command help', () => {
    expect(cli('--help').stdout).toContain('npx nimbus-sim help COMMAND');
  });
});
