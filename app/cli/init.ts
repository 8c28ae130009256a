/**
 * `nimbus-sim init`: a starting suite in the current folder, from the files the package ships: the config
 * file, the vitest test and the CI workflow under templates/init/, and Scenario A and B from the built-in
 * suite (scenarios/). Nothing that exists is replaced unless --force: a refusal names every such file and
 * writes nothing, so a half-initialised project cannot happen.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParsedArgs } from './args.js';
import { UsageError } from './usage.js';
import { writeOutputOrFail } from './output.js';

/** One file init writes: where (relative to the project) and its text. */
interface StarterFile {
  target: string;
  text: string;
}

/** The folder holding the package's package.json: two levels above this file in the sources, three in dist/. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** Scenario A and B point their editor schema at the package's copy once they live in a project. */
const SCHEMA_LINE = '# yaml-language-server: $schema=../schema/scenario.schema.json';
const PROJECT_SCHEMA_LINE = '# yaml-language-server: $schema=../node_modules/nimbus-sim/schema/scenario.schema.json';

/** Every file init writes, in the order it reports them. */
function starterFiles(root: string): StarterFile[] {
  const template = (path: string): string => readFileSync(join(root, 'templates', 'init', path), 'utf8');
  const scenario = (name: string): string => readFileSync(join(root, 'scenarios', name), 'utf8').replace(SCHEMA_LINE, PROJECT_SCHEMA_LINE);
  return [
    { target: 'nimbus-sim.config.yaml', text: template('nimbus-sim.config.yaml') },
    { target: 'scenarios/scenario-a.yaml', text: scenario('scenario-a.yaml') },
    { target: 'scenarios/scenario-b.yaml', text: scenario('scenario-b.yaml') },
    { target: 'test/nimbus.test.ts', text: template('test/nimbus.test.ts') },
    // Shipped without the leading dot: a dot folder is easy to lose on the way into a package.
    { target: '.github/workflows/nimbus-sim.yml', text: template('github/workflows/nimbus-sim.yml') },
  ];
}

export function initCommand(args: ParsedArgs): number {
  if (args.positionals.length > 0) throw new UsageError(`init takes no paths, got "${args.positionals[0]}"`, 'run it in the folder the suite should go to');
  const files = starterFiles(packageRoot());
  const cwd = process.cwd();
  const existing = files.filter((f) => existsSync(resolve(cwd, f.target)));
  if (existing.length > 0 && args.values.force !== true) {
    throw new UsageError(
      `init would replace ${existing.map((f) => f.target).join(', ')}; nothing was written`,
      'move or rename them, or pass --force to replace them with the starting files',
    );
  }
  for (const file of files) {
    writeOutputOrFail('init', resolve(cwd, file.target), file.text);
    process.stdout.write(`wrote ${file.target}\n`);
  }
  process.stdout.write(
    [
      '',
      'Next:',
      '  npx nimbus-sim run         run the suite (settings in nimbus-sim.config.yaml)',
      '  npx nimbus-sim run --watch run again on every save',
      '  npx vitest run             the same scenarios as vitest tests (needs vitest: npm install -D vitest)',
      '',
    ].join('\n'),
  );
  return 0;
}
