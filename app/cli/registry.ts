/**
 * Every `nimbus-sim` command: what it does, each option with a sentence, two examples, and a lazy loader, so
 * --help and quick commands never load the engine. A command module exports `command(args): number | Promise<number>`.
 * Adding a command = one entry here + one module in app/cli/. A test checks that every option has its sentence
 * and every command its two examples.
 */
import type { CommandModule, OptionKinds } from './args.js';

export type { CommandModule, OptionKinds } from './args.js';

/** One option: how it is parsed, what its value is called in help, and one sentence on what it does. */
export interface OptionHelp {
  kind: 'string' | 'boolean';
  /** The value's name in help (`--seed N`); absent for a flag. */
  value?: string;
  help: string;
}

export interface CommandEntry {
  usage: string;
  summary: string;
  /** What the command does, for `nimbus-sim COMMAND --help`: a few sentences. */
  description: string;
  options: Readonly<Record<string, OptionHelp>>;
  /** Two command lines a user can paste, each with what it does. */
  examples: readonly [Example, Example];
  load: () => Promise<CommandModule>;
}

interface Example {
  command: string;
  does: string;
}

const flag = (help: string): OptionHelp => ({ kind: 'boolean', help });
const valued = (value: string, help: string): OptionHelp => ({ kind: 'string', value, help });

export const COMMANDS: Record<string, CommandEntry> = {
  run: {
    usage: 'run [paths...]',
    summary: 'run scenario files or folders (default: scenarios/)',
    description:
      'Runs scenario files, or every .yaml/.yml file under the given folders (default scenarios/, or the suites of the config file), in virtual time, prints each result and writes the reports. A failed expectation is shown briefly: where, expected and actual, the deciding rules with their inputs, and the command that shows more. A nimbus-sim.config.yaml (or a "nimbus-sim" key in package.json), found from the current folder up to the project root, gives defaults for the suites, reporters, out, seed, filter, verbose and allowOutsideRoot; flags override it.',
    options: {
      reporter: valued('LIST', 'Comma separated: pretty (default on a terminal), plain, json, junit, md, html; naming any replaces the default files json, junit and md.'),
      out: valued('DIR', 'Where the json, junit, md and html reports go (default: reports/); `-` writes only the JSON report, to stdout, and the rest of the output to stderr.'),
      seed: valued('N', "Overrides every scenario's seed."),
      filter: valued('TEXT', 'Runs only the scenarios whose name, file or tags contain TEXT.'),
      shard: valued('K/N', 'Runs only shard K of N (deterministic per scenario, for CI matrices).'),
      verbose: flag('Prints every step of every scenario and every rule check of a failure.'),
      'allow-outside-root': flag('Lets `extends` name a file outside the folder given on the command line (otherwise an error).'),
      watch: flag('After the run, waits for changes and runs again the scenarios whose files, or the files they extend, changed; Ctrl-C stops.'),
      config: valued('FILE', 'Reads the settings from FILE (a nimbus-sim.config.yaml, or a package.json with a "nimbus-sim" key) instead of the one found from the current folder upwards.'),
      'no-config': flag('Ignores any config file: only the command line counts.'),
    },
    examples: [
      { command: 'npx nimbus-sim run scenarios/scenario-b.yaml', does: 'run Scenario B and show why its PSTN transfer is refused' },
      { command: 'npx nimbus-sim run scenarios --reporter plain,junit --out reports', does: 'run the suite for CI: plain log, reports/junit.xml' },
    ],
    load: async () => ({ command: (await import('./run.js')).runCommand }),
  },
  init: {
    usage: 'init [--force]',
    summary: 'scaffold a suite here: config, Scenario A and B, a vitest test, a CI workflow',
    description:
      'Writes a starting suite into the current folder: nimbus-sim.config.yaml, Scenario A and B under scenarios/, a vitest test that runs them through nimbus-sim/vitest, and a GitHub Actions workflow with JUnit, a job summary and a shard matrix. An existing file is never replaced: init refuses (exit 2) and names it, unless --force.',
    options: {
      force: flag('Replaces files that already exist.'),
    },
    examples: [
      { command: 'npx nimbus-sim init', does: 'a suite in this project, then npx nimbus-sim run' },
      { command: 'npx nimbus-sim init --force', does: 'write the starting files again over your changes' },
    ],
    load: async () => ({ command: (await import('./init.js')).initCommand }),
  },
  check: {
    usage: 'check [paths...]',
    summary: 'validate scenario files without running them',
    description: 'Loads and validates scenario files or folders (default scenarios/) without running them, and lists every problem with file:line:column, what was expected and a hint.',
    options: {
      'allow-outside-root': flag('Lets `extends` name a file outside the folder given on the command line (otherwise an error).'),
    },
    examples: [
      { command: 'npx nimbus-sim check', does: 'validate the built-in suite under scenarios/' },
      { command: 'npx nimbus-sim check my-scenarios/transfer.yaml', does: 'validate one file while writing it' },
    ],
    load: async () => ({ command: (await import('./check.js')).checkCommand }),
  },
  schema: {
    usage: 'schema [--fragment] [--write F]',
    summary: 'print (or write) the scenario JSON Schema',
    description: 'Prints the JSON Schema of scenario files for editors (yaml-language-server). Fragments (files starting with _, used by extends) have their own schema, without the required name and steps.',
    options: {
      fragment: flag('Prints the schema of a fragment (a tenant, services and users file used by extends) instead.'),
      write: valued('FILE', 'Writes the schema to FILE instead of printing it.'),
    },
    examples: [
      { command: 'npx nimbus-sim schema --write scenario.schema.json', does: 'write the scenario schema for your editor' },
      { command: 'npx nimbus-sim schema --fragment', does: 'print the schema of _tenant.yaml fragments' },
    ],
    load: async () => ({ command: (await import('./schema.js')).schemaCommand }),
  },
  rules: {
    usage: 'rules [paths...] [--json] [--check] [--md]',
    summary: 'the rule catalogue: which rules are modelled and which scenarios prove them',
    description: "Lists every rule of the catalogue with its status (modelled, out of scope, not modelled) and the scenarios (default scenarios/) that prove it through their because list or rule-id tags.",
    options: {
      json: flag('Prints the table as JSON.'),
      check: flag('Exits 1 when a scenario cites an unknown rule id or a modelled rule has no scenario that proves it.'),
      md: flag('Prints the Markdown of docs/rules-coverage.md.'),
    },
    examples: [
      { command: 'npx nimbus-sim rules', does: 'one line per rule with its status' },
      { command: 'npx nimbus-sim rules --check', does: 'fail when a modelled rule has no proving scenario' },
    ],
    load: async () => ({ command: (await import('./rules.js')).rulesCommand }),
  },
  diff: {
    usage: 'diff <a.json> <b.json>',
    summary: 'what changed between two runs (exit 1 when a verdict got worse)',
    description: 'Compares two nimbus-sim.json reports scenario by scenario: verdicts, calls and steps that changed. Exits 1 when a verdict got worse from the first to the second.',
    options: {
      json: flag('Prints the differences as JSON.'),
    },
    examples: [
      { command: 'npx nimbus-sim diff before/nimbus-sim.json reports/nimbus-sim.json', does: 'what a change did to the suite' },
      { command: 'npx nimbus-sim diff a.json b.json --json', does: 'the same as data for a script' },
    ],
    load: async () => ({ command: (await import('./diff.js')).diffCommand }),
  },
  load: {
    usage: 'load [--agents N --services N --calls N --cob N --hours H --seed N]',
    summary: 'simulate a contact-center day through the engine and print KPIs',
    description: 'Generates a contact-center day (agents, services, inbound calls and call-on-behalf calls spread over the hours) and plays it through the engine in virtual time, then prints KPIs per service.',
    options: {
      agents: valued('N', 'How many agents (users) the tenant has.'),
      services: valued('N', 'How many services share the agents.'),
      calls: valued('N', 'How many inbound calls arrive over the day.'),
      cob: valued('N', 'How many outbound calls on behalf of a service agents place.'),
      hours: valued('H', 'How long the day is, in hours.'),
      seed: valued('N', 'Seed of the generated day, so a day can be replayed.'),
      json: valued('FILE', 'Also writes the KPIs as JSON to FILE.'),
      quiet: flag('No progress line while the day runs.'),
    },
    examples: [
      { command: 'npx nimbus-sim load', does: 'a default day with its KPIs' },
      { command: 'npx nimbus-sim load --agents 300 --calls 30000 --json day.json', does: 'a large day, KPIs also as JSON' },
    ],
    load: async () => ({ command: (await import('./loadgen.js')).loadCommand }),
  },
  explore: {
    usage: 'explore [scenario]',
    summary: 'step through a scenario live: machine states, events, time travel, why (TTY); transcript otherwise',
    description: 'Runs a scenario step by step against a live engine: the agent and call session machines of every user and call, the events, time travel and why. On a terminal it opens the interactive explorer; otherwise it prints a plain transcript.',
    options: {
      seed: valued('N', "Overrides the scenario's seed."),
      mermaid: valued('agent|call-session', 'Prints the agent machine (one per user) or the call session machine (one per call) as a Mermaid state diagram and exits; user, call and session are accepted as aliases.'),
    },
    examples: [
      { command: 'npx nimbus-sim explore scenarios/scenario-b.yaml', does: 'step Scenario B to its refused PSTN transfer' },
      { command: 'npx nimbus-sim explore --mermaid call-session', does: 'the call session machine as a Mermaid diagram' },
    ],
    load: async () => ({ command: (await import('./explore.js')).exploreCommand }),
  },
  import: {
    usage: 'import <exports-folder> | --from-graph <base-url> [<exports-folder>] [--out F] [--redact]',
    summary: 'customer exports (Graph, Teams PowerShell, service sheet) to a scenario tenant',
    description: "Reads a folder of customer exports (Graph users and licenses, Teams PowerShell output, the Nimbus service sheet) and writes a tenant fragment that scenarios can extend, with a finding for anything it could not map. With --from-graph it reads users, licenseDetails, subscribedSkus and presence from a live Graph instead, with the bearer token in NIMBUS_SIM_GRAPH_TOKEN.",
    options: {
      'from-graph': valued('URL', 'Reads the Graph part from URL (e.g. https://graph.microsoft.com/v1.0) with the token in NIMBUS_SIM_GRAPH_TOKEN; the folder still gives the service sheet.'),
      out: valued('FILE', 'Writes the fragment to FILE instead of printing it.'),
      redact: flag('Replaces names, UPNs and phone numbers with stable placeholders, so the fragment can be shared.'),
      'tenant-name': valued('NAME', "The tenant's name in the fragment."),
    },
    examples: [
      { command: 'npx nimbus-sim import ./exports --out scenarios/_contoso.yaml', does: "turn a customer's exports into a fragment" },
      { command: 'npx nimbus-sim import --from-graph https://graph.microsoft.com/v1.0 ./sheet --out scenarios/_contoso.yaml', does: 'snapshot a tenant through Graph (token in NIMBUS_SIM_GRAPH_TOKEN), services from the sheet' },
    ],
    load: async () => ({ command: (await import('./import.js')).importCommand }),
  },
  lint: {
    usage: 'lint <scenario|fragment...> [--json]',
    summary: 'licensing preflight from tenant data alone; exit 1 on errors',
    description: 'Checks the tenant, services and users of scenarios or fragments for licensing problems without running anything, each finding with the rules behind it. Exits 1 when there are errors.',
    options: {
      json: flag('Prints the findings as JSON.'),
    },
    examples: [
      { command: 'npx nimbus-sim lint scenarios/scenario-b.yaml', does: "preflight Scenario B's tenant" },
      { command: 'npx nimbus-sim lint scenarios/_contoso.yaml --json', does: 'the findings of an imported fragment as JSON' },
    ],
    load: async () => ({ command: (await import('./lint.js')).lintCommand }),
  },
  why: {
    usage: 'why <scenario> --call ID | --user ID --service ID [--json]',
    summary: 'explain one outcome: chain, licenses, every rule with inputs, the smallest change that flips it',
    description: 'Explains one outcome of a scenario: for a call, its chain of services, the licenses that count and every rule with its inputs; for a user and a service, whether the user can be selected. Ends with the smallest change that flips the outcome; if the scenario stops early on a harness error, a Problem section says where and the exit code is 1.',
    options: {
      call: valued('ID', 'The call to explain (its id in the scenario).'),
      user: valued('ID', 'The user to explain, with --service.'),
      service: valued('ID', 'The service the user is explained for, with --user.'),
      json: flag('Prints the explanation as JSON.'),
    },
    examples: [
      { command: 'npx nimbus-sim why scenarios/scenario-b.yaml --call c1', does: "why Scenario B's transfer to PSTN is refused" },
      { command: 'npx nimbus-sim why scenarios/scenario-b.yaml --user bea --service B', does: 'whether bea can be offered calls of service B' },
    ],
    load: async () => ({ command: (await import('./why.js')).whyCommand }),
  },
  serve: {
    usage: 'serve [--port 4010] [--scenario F] [--tls] [--cert F] [--host H] [--call-retention 10m]',
    summary: 'the mock Graph as an HTTP(S) server on 127.0.0.1 (bearer token required)',
    description: "Serves the mock Microsoft Graph over HTTP(S) until Ctrl-C, with a scenario's tenant (default: Scenario B's), so another program can call it with a bearer token.",
    options: {
      port: valued('N', 'The port to listen on (default 4010; 0 picks a free one).'),
      scenario: valued('FILE', 'The scenario or fragment whose tenant is served.'),
      tls: flag('Serves HTTPS with a self-signed certificate.'),
      cert: valued('FILE', 'With --tls, where the generated certificate is written so a client can trust it (default: a temp file).'),
      host: valued('HOST', 'The address to listen on (default 127.0.0.1); another address is reported as exposed.'),
      'call-retention': valued('DURATION', 'How long an ended call stays readable before the mock forgets it, so a long session keeps flat memory (default 10m, at most 168h).'),
    },
    examples: [
      { command: 'npx nimbus-sim serve', does: "Scenario B's tenant on http://127.0.0.1:4010" },
      { command: 'npx nimbus-sim serve --scenario scenarios/_contoso.yaml --port 0 --tls', does: 'a fragment over HTTPS on a free port' },
    ],
    load: async () => ({ command: (await import('./serve.js')).serveCommand }),
  },
  coverage: {
    usage: 'coverage [paths...] [--json] [--no-suite]',
    summary: 'machine states and transitions covered by generated model paths and by the scenario suite',
    description: 'For the agent and call session machines: their states and transitions, how many the generated model paths cover, how many the scenario suite (default scenarios/) covers, and which are uncovered. Exits 1 when a generated path fails or misses a transition, or a suite scenario stops on a harness error (listed apart).',
    options: {
      json: flag('Prints the coverage as JSON.'),
      'no-suite': flag('Only the generated model paths; the scenario suite is not run.'),
    },
    examples: [
      { command: 'npx nimbus-sim coverage', does: 'coverage by the model paths and by scenarios/' },
      { command: 'npx nimbus-sim coverage --no-suite --json', does: 'model-path coverage only, as JSON' },
    ],
    load: async () => ({ command: (await import('./coverage.js')).coverageCommand }),
  },
  generate: {
    usage: 'generate --machine agent|session --out DIR',
    summary: 'write one scenario file per generated model path (agent or call session machine)',
    description: 'Writes one scenario file per generated model path of the agent machine or the call session machine, to keep a path as a regular scenario.',
    options: {
      machine: valued('agent|session', 'Which machine: agent or session (the call session machine).'),
      out: valued('DIR', 'The folder the scenario files go to.'),
    },
    examples: [
      { command: 'npx nimbus-sim generate --machine agent --out generated/agent', does: 'a scenario per agent machine path' },
      { command: 'npx nimbus-sim generate --machine session --out generated/session', does: 'a scenario per call session machine path' },
    ],
    load: async () => ({ command: (await import('./generate.js')).generateCommand }),
  },
};

/** The parser's view of a command's options. */
export function optionKinds(entry: CommandEntry): OptionKinds {
  return Object.fromEntries(Object.entries(entry.options).map(([name, option]) => [name, option.kind]));
}
