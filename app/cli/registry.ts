/**
 * Every `nimbus-sim` command: its one-line summary for --help, its options, and a lazy loader, so --help and
 * quick commands never load the engine. A command module exports `command(args): number | Promise<number>`.
 * Adding a command = one entry here + one module in app/cli/.
 */
import type { CommandModule, OptionKinds } from './args.js';

export type { CommandModule, OptionKinds } from './args.js';

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
    options: { reporter: 'string', out: 'string', seed: 'string', filter: 'string', shard: 'string', verbose: 'boolean' },
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
  diff: {
    usage: 'diff <a.json> <b.json>',
    summary: 'what changed between two runs (exit 1 when a verdict got worse)',
    options: { json: 'boolean' },
    load: async () => ({ command: (await import('./diff.js')).diffCommand }),
  },
  load: {
    usage: 'load [--agents N --services N --calls N --cob N --hours H --seed N]',
    summary: 'simulate a contact-center day through the engine and print KPIs',
    options: { agents: 'string', services: 'string', calls: 'string', cob: 'string', hours: 'string', seed: 'string', json: 'string', quiet: 'boolean' },
    load: async () => ({ command: (await import('./loadgen.js')).loadCommand }),
  },
  explore: {
    usage: 'explore [scenario]',
    summary: 'step through a scenario live: machine states, events, time travel, why (TTY); transcript otherwise',
    options: { seed: 'string', mermaid: 'string' },
    load: async () => ({ command: (await import('./explore.js')).exploreCommand }),
  },
  import: {
    usage: 'import <exports-folder> [--out F] [--redact]',
    summary: 'customer exports (Graph, Teams PowerShell, service sheet) to a scenario tenant',
    options: { out: 'string', redact: 'boolean', 'tenant-name': 'string' },
    load: async () => ({ command: (await import('./import.js')).importCommand }),
  },
  lint: {
    usage: 'lint <scenario|tenant> [--json]',
    summary: 'licensing preflight from tenant data alone; exit 1 on errors',
    options: { json: 'boolean' },
    load: async () => ({ command: (await import('./lint.js')).lintCommand }),
  },
  why: {
    usage: 'why <scenario> --call ID | --user ID --service ID [--json]',
    summary: 'explain one outcome: chain, licenses, every rule with inputs, the smallest change that flips it',
    options: { call: 'string', user: 'string', service: 'string', json: 'boolean' },
    load: async () => ({ command: (await import('./why.js')).whyCommand }),
  },
  serve: {
    usage: 'serve [--port 4010] [--scenario F] [--tls] [--cert F] [--host H] [--call-retention 10m]',
    summary: 'the mock Graph as an HTTP(S) server on 127.0.0.1 (bearer token required)',
    options: { port: 'string', scenario: 'string', tls: 'boolean', cert: 'string', host: 'string', 'call-retention': 'string' },
    load: async () => ({ command: (await import('./serve.js')).serveCommand }),
  },
  coverage: {
    usage: 'coverage [paths...] [--json] [--no-suite]',
    summary: 'machine states and transitions covered by generated model paths and by the scenario suite',
    options: { json: 'boolean', 'no-suite': 'boolean' },
    load: async () => ({ command: (await import('./coverage.js')).coverageCommand }),
  },
  generate: {
    usage: 'generate --machine agent|session --out DIR',
    summary: 'write one scenario file per generated model path (agent or call session machine)',
    options: { machine: 'string', out: 'string' },
    load: async () => ({ command: (await import('./generate.js')).generateCommand }),
  },
};
