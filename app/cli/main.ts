/**
 * The `nimbus-sim` command. Exit codes: 0 everything passed, 1 a scenario failed, 2 bad input or usage.
 * A user's mistake never ends in a stack trace: it is a positioned message with a hint.
 */
import { parseArgs } from 'node:util';
import { UsageError } from './usage.js';
import type { OptionKinds, ParsedArgs } from './args.js';
import { COMMANDS } from './registry.js';
import { TOOL_VERSION } from '../../sim/version.js';

function help(): string {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length)) + 2;
  const lines = Object.values(COMMANDS).map((c) => `  nimbus-sim ${c.usage.padEnd(width)}${c.summary}`);
  return `nimbus-sim — simulate Luware Nimbus call handling and licensing offline, in virtual time

Usage
${lines.join('\n')}

Options for run
  --reporter LIST   pretty (default on a terminal), plain, json, junit, md, html; comma separated
  --out DIR         where json, junit, md and html reports go (default: reports/)
  --shard K/N       run only shard K of N (deterministic per scenario, for CI matrices)
  --seed N          override every scenario's seed
  --filter TEXT     only scenarios whose name, file or tags contain TEXT
  --verbose         print every step of every scenario, not only of failures

Exit codes: 0 all passed, 1 a scenario failed, 2 invalid input or usage.
Docs: README.md; the rules: nimbus-sim rules`;
}

/** `nimbus-sim <command> --help`: the command's usage, summary and options (no module is loaded). */
function commandHelp(name: string, entry: (typeof COMMANDS)[string]): string {
  const options = Object.entries(entry.options).map(([option, kind]) => `  --${option}${kind === 'string' ? ' VALUE' : ''}`);
  const detail = name === 'run' ? help().split('\n\n').find((part) => part.startsWith('Options for run')) : undefined;
  return [
    `Usage: nimbus-sim ${entry.usage}`,
    entry.summary,
    '',
    detail ?? (options.length > 0 ? `Options\n${options.join('\n')}` : 'No options.'),
    '',
    'Exit codes: 0 success, 1 a scenario or check failed, 2 invalid input or usage. All commands: nimbus-sim --help',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${help()}\n`);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${TOOL_VERSION}\n`);
    return 0;
  }
  try {
    // Commands load lazily: --help and check must not pay for the engine, XState, msw and Ink.
    const entry = COMMANDS[command];
    if (!entry) throw new UsageError(`unknown command "${command}"`, `commands: ${Object.keys(COMMANDS).join(', ')} (see nimbus-sim --help)`);
    const beforeTerminator = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
    if (beforeTerminator.includes('--help') || beforeTerminator.includes('-h')) {
      process.stdout.write(`${commandHelp(command, entry)}\n`);
      return 0;
    }
    return await (await entry.load()).command(parse(rest, entry.options));
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`nimbus-sim: ${err.message}\n${err.hint ? `  hint: ${err.hint}\n` : ''}`);
      return 2;
    }
    throw err;
  }
}


function parse(args: string[], kinds: OptionKinds): ParsedArgs {
  try {
    const options = Object.fromEntries(Object.entries(kinds).map(([k, type]) => [k, { type }]));
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { positionals, values: values as ParsedArgs['values'] };
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message.split('\n')[0] ?? String(err) : String(err), 'see nimbus-sim --help');
  }
}
