/**
 * The `nimbus-sim` command. Exit codes (docs/reference/cli.md): 0 all passed, 1 a scenario failed or errored
 * (or the command found what it checks for), 2 invalid input or usage (nothing run), 3 internal error.
 * A user's mistake never ends in a stack trace: it is a positioned message with a hint.
 */
import { parseArgs } from 'node:util';
import { UsageError } from './usage.js';
import type { OptionKinds, ParsedArgs } from './args.js';
import { COMMANDS, optionKinds, type CommandEntry } from './registry.js';
import { TOOL_VERSION } from '../../sim/version.js';

const EXIT_CODES = 'Exit codes: 0 all passed, 1 a scenario failed or errored (or the command found what it checks for),\n2 invalid input or usage (nothing run), 3 internal error.';

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length)) + 2;
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}${c.summary}`);
  return `nimbus-sim — simulate Luware Nimbus call handling and licensing offline, in virtual time

Usage: npx nimbus-sim COMMAND [options]

Commands
${lines.join('\n')}

Each command's options and examples: npx nimbus-sim help COMMAND (or COMMAND --help).

${EXIT_CODES}
Docs: README.md and docs/reference/cli.md; the rules: npx nimbus-sim rules`;
}

/** `nimbus-sim COMMAND --help` and `nimbus-sim help COMMAND`: what it does, each option, two examples. */
function commandHelp(entry: CommandEntry): string {
  const options = Object.entries(entry.options).map(([name, option]) => [`--${name}${option.value !== undefined ? ` ${option.value}` : ''}`, option.help] as const);
  const width = Math.max(0, ...options.map(([flag]) => flag.length)) + 2;
  return [
    `Usage: npx nimbus-sim ${entry.usage}`,
    '',
    ...wrap(entry.description, 100),
    '',
    ...(options.length > 0 ? ['Options', ...options.map(([flag, text]) => `  ${flag.padEnd(width)}${text}`)] : ['No options.']),
    '',
    'Examples',
    ...entry.examples.flatMap((e) => [`  ${e.command}`, `      ${e.does}`]),
    '',
    EXIT_CODES,
  ].join('\n');
}

/** Words of `text` in lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return line === '' ? lines : [...lines, line];
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    return await dispatch(command, rest);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`nimbus-sim: ${err.message}\n${err.hint ? `  hint: ${err.hint}\n` : ''}`);
      return 2;
    }
    // A defect of nimbus-sim, not the user's mistake: the stack is what a maintainer needs.
    process.stderr.write(`nimbus-sim: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\nPlease report this with the scenario file.\n`);
    return 3;
  }
}

async function dispatch(command: string | undefined, rest: string[]): Promise<number> {
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    if (command === 'help' && rest[0] !== undefined) {
      process.stdout.write(`${commandHelp(entryOf(rest[0]))}\n`);
      return 0;
    }
    process.stdout.write(`${help()}\n`);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${TOOL_VERSION}\n`);
    return 0;
  }
  // Commands load lazily: --help and check must not pay for the engine, XState, msw and Ink.
  const entry = entryOf(command);
  const beforeTerminator = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (beforeTerminator.includes('--help') || beforeTerminator.includes('-h')) {
    process.stdout.write(`${commandHelp(entry)}\n`);
    return 0;
  }
  return await (await entry.load()).command(parse(rest, optionKinds(entry)));
}

function entryOf(command: string): CommandEntry {
  const entry = COMMANDS[command];
  if (!entry) throw new UsageError(`unknown command "${command}"`, `commands: ${Object.keys(COMMANDS).join(', ')} (see npx nimbus-sim --help)`);
  return entry;
}

function parse(args: string[], kinds: OptionKinds): ParsedArgs {
  try {
    const options = Object.fromEntries(Object.entries(kinds).map(([k, type]) => [k, { type }]));
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { positionals, values: values as ParsedArgs['values'] };
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message.split('\n')[0] ?? String(err) : String(err), 'see npx nimbus-sim --help');
  }
}
