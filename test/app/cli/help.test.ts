/** Per-command help: what the command does, every option with a sentence, two examples; the same both ways. */
import { describe, expect, it } from 'vitest';
import { runNode } from '../../helpers/cli.js';
import { COMMANDS } from '../../../app/cli/registry.js';

async function cli(...args: string[]) {
  const r = await runNode(['bin/nimbus-sim.js', ...args]);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.concurrent('nimbus-sim help COMMAND and COMMAND --help', () => {
  it('every command has a description, a sentence per option and two runnable examples', async ({ expect }) => {
    for (const [name, entry] of Object.entries(COMMANDS)) {
      expect(entry.description.length, name).toBeGreaterThan(40);
      for (const [option, help] of Object.entries(entry.options)) expect(help.help, `${name} --${option}`).toMatch(/^[A-Z`].{10,}\.$/);
      expect(entry.examples, name).toHaveLength(2);
      for (const example of entry.examples) expect(example.command, name).toMatch(new RegExp(`^npx nimbus-sim ${name}\\b`));
    }
  });

  it('run --help and help run print the same text: description, each option with its sentence, examples, exit codes', async ({ expect }) => {
    const [byFlag, byHelp] = await Promise.all([cli('run', '--help'), cli('help', 'run')]);
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

  it('help for every command exits 0 and names its options; help of an unknown command is a usage error', async ({ expect }) => {
    const names = Object.keys(COMMANDS);
    const [helps, unknown] = await Promise.all([Promise.all(names.map((name) => cli('help', name))), cli('help', 'runn')]);
    for (const [i, name] of names.entries()) {
      const r = helps[i]!;
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      for (const option of Object.keys(COMMANDS[name]?.options ?? {})) expect(r.stdout, name).toContain(`--${option}`);
      expect(r.stdout.match(/^  npx nimbus-sim /gm), name).toHaveLength(2);
    }
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "runn"/);
  });

  it('the overview points at per-command help', async ({ expect }) => {
    expect((await cli('--help')).stdout).toContain('npx nimbus-sim help COMMAND');
  });
});
