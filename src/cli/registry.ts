/**
 * Every `nimbus-sim` command: its one-line summary for --help, its options, and a lazy loader, so --help and
 * quick commands never load the engine. A command module exports `command(args): number | Promise<number>`.
 * Adding a command = one entry here + one module in src/cli/.
 */
export type OptionKinds = Record<string, 'string' | 'boolean'>;

export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

export interface CommandModule {
  command(args: ParsedArgs): number | Promise<number>;
}

export interface CommandEntry {
  usage: string;
  summary: string;
  options: OptionKinds;
  load: () => Promise<CommandModule>;
}

export const COMMANDS: Record<string, CommandEntry> = {
  run: {
    usage: 'run [paths...]',
    summary: 'run scenario files or folders (default: scenarios/)',
    options: { reporter: 'string', out: 'string', seed: 'string', filter: 'string', verbose: 'boolean' },
    load: async () => ({ command: (await import('./run.js')).runCommand }),
  },
  check: {
    usage: 'check [paths...]',
    summary: 'validate scenario files without running them',
    options: {},
    load: async () => ({ command: (await import('./check.js')).checkCommand }),
  },
  schema: {
    usage: 'schema [--write F]',
    summary: 'print (or write) the scenario JSON Schema',
    options: { write: 'string' },
    load: async () => ({ command: (await import('./schema.js')).schemaCommand }),
  },
  rules: {
    usage: 'rules [--json] [--check] [--md]',
    summary: 'the rule catalogue: which rules are modelled and which scenarios prove them',
    options: { json: 'boolean', check: 'boolean', md: 'boolean' },
    load: async () => ({ command: (await import('./rules.js')).rulesCommand }),
  },
};
