/**
 * The installable tool as a QA engineer gets it, offline: `npm pack` of a copy of this repository (its
 * prepare script builds a fresh dist/), `npm ci --offline` of that tarball into a new project, then
 * `npx nimbus-sim init`, `npx nimbus-sim run`, `npx vitest run` (the init test imports `nimbus-sim/vitest`)
 * and TypeScript resolving that import's declaration files.
 *
 * Offline, and without the registry's package documents (a CI cache filled by `npm ci` holds only
 * tarballs): the project's lock file is this repository's lock cut down to what nimbus-sim and vitest need,
 * so npm takes every tarball from the cache by its integrity.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
/** What the build reads; the copy's tests, docs and benchmarks do not go into the package. */
const SOURCES = ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'README.md', 'bin', 'scripts', 'src', 'sim', 'mocks', 'app', 'schema', 'scenarios', 'templates'];

const work = mkdtempSync(join(tmpdir(), 'nimbus-sim-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  [key: string]: unknown;
}

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): SpawnSyncReturns<string> {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...env } });
  if (r.error) throw r.error;
  return r;
}

const show = (r: SpawnSyncReturns<string>): string => `exit ${r.status}\n${r.stdout}\n${r.stderr}`;

/** Where `name` resolves from the package at `from` (a lock path such as `node_modules/a/node_modules/b`). */
function locate(packages: Record<string, LockEntry>, from: string, name: string): string | undefined {
  let at = from;
  for (;;) {
    const candidate = at === '' ? `node_modules/${name}` : `${at}/node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (at === '') return undefined;
    const cut = at.lastIndexOf('node_modules/');
    at = cut <= 0 ? '' : at.slice(0, cut - 1);
  }
}

/** This repository's lock entries that `roots` (name -> range) need, with the development flags dropped. */
function lockClosure(roots: Record<string, string>): Record<string, LockEntry> {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const picked: Record<string, LockEntry> = {};
  const visit = (from: string, deps: Record<string, string>, optional: Record<string, string> = {}) => {
    for (const name of [...Object.keys(deps), ...Object.keys(optional)]) {
      const at = locate(lock.packages, from, name);
      if (at === undefined) {
        if (name in optional) continue;
        throw new Error(`package-lock.json has no ${name} for ${from || 'the project'}`);
      }
      if (picked[at]) continue;
      const { dev: _dev, devOptional, peer: _peer, ...entry } = lock.packages[at] as LockEntry;
      picked[at] = devOptional === true ? { ...entry, optional: true } : entry;
      const peers = Object.fromEntries(Object.entries(entry.peerDependencies ?? {}).filter(([p]) => entry.peerDependenciesMeta?.[p]?.optional !== true));
      visit(at, { ...entry.dependencies, ...peers }, entry.optionalDependencies);
    }
  };
  visit('', roots);
  return picked;
}

describe('npm pack -> npm install -> init -> run -> vitest', () => {
  it('installs offline, scaffolds a suite that passes, and types the vitest helper', () => {
    // 1. A copy of the repository, so its prepare build cannot race the tests that run this checkout's CLI.
    const repo = join(work, 'repo');
    for (const entry of SOURCES) cpSync(join(ROOT, entry), join(repo, entry), { recursive: true });
    rmSync(join(repo, 'dist'), { recursive: true, force: true });
    symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(repo, 'node_modules'));
    const project = join(work, 'project');
    const packed = run('npm', ['pack', '--json', '--pack-destination', work], repo);
    expect(packed.status, show(packed)).toBe(0);
    const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string; integrity: string; files: { path: string }[] }[];
    const files = info!.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['dist/.build-stamp', 'dist/app/cli/main.js', 'dist/app/vitest.js', 'dist/app/vitest.d.ts', 'templates/init/nimbus-sim.config.yaml', 'scenarios/scenario-a.yaml']));
    expect(files.filter((f) => /^(src|sim|app|mocks|test)\//.test(f))).toEqual([]);

    // 2. A new project that depends on the tarball and on vitest, installed from the cache alone.
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as LockEntry & { name: string };
    const tarball = `file:../${info!.filename}`;
    // vitest at the version this repository tests with: the one whose tarball the cache holds.
    const closure = lockClosure({ ...pkg.dependencies, vitest: pkg.peerDependencies!.vitest! });
    const dependencies = { 'nimbus-sim': tarball, vitest: closure['node_modules/vitest']!.version! };
    const { scripts: _scripts, devDependencies: _dev, files: _files, overrides: _overrides, ...published } = pkg as LockEntry;
    const lock = {
      name: 'qa-project',
      lockfileVersion: 3,
      requires: true,
      packages: {
        '': { name: 'qa-project', dependencies },
        'node_modules/nimbus-sim': { ...published, resolved: tarball, integrity: info!.integrity, dependencies: pkg.dependencies },
        ...closure,
      },
    };
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'qa-project', private: true, type: 'module', dependencies }, null, 2)}\n`);
    writeFileSync(join(project, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
    const installed = run('npm', ['ci', '--offline', '--ignore-scripts'], project);
    expect(installed.status, show(installed)).toBe(0);

    // 3. init scaffolds, refuses to overwrite, and the suite passes through the config file.
    const init = run('npx', ['--no-install', 'nimbus-sim', 'init'], project);
    expect(init.status, show(init)).toBe(0);
    for (const f of ['nimbus-sim.config.yaml', 'scenarios/scenario-a.yaml', 'scenarios/scenario-b.yaml', 'test/nimbus.test.ts', '.github/workflows/nimbus-sim.yml']) expect(existsSync(join(project, f)), f).toBe(true);
    const again = run('npx', ['--no-install', 'nimbus-sim', 'init'], project);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('--force');
    const suite = run('npx', ['--no-install', 'nimbus-sim', 'run'], project);
    expect(suite.status, show(suite)).toBe(0);
    expect(suite.stdout).toContain('2 scenarios: 2 passed');
    expect(existsSync(join(project, 'reports', 'junit.xml'))).toBe(true);

    // 4. The vitest test imports nimbus-sim/vitest and runs both scenarios.
    const vitest = run('npx', ['--no-install', 'vitest', 'run', '--reporter', 'verbose'], project, { CI: '1' });
    expect(vitest.status, show(vitest)).toBe(0);
    expect(vitest.stdout).toMatch(/scenarios\/scenario-b\.yaml/);

    // 5. The export's declaration files: a wrong option type is an error TypeScript reports.
    writeFileSync(join(project, 'test', 'types.ts'), "import { scenarioTests } from 'nimbus-sim/vitest';\n// @ts-expect-error seed is a number\nscenarioTests(['scenarios'], { seed: 'one' });\n");
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'preserve', moduleResolution: 'bundler', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['test/nimbus.test.ts', 'test/types.ts'] }));
    const tsc = run(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], project);
    expect(tsc.status, show(tsc)).toBe(0);
  }, 300_000);
});
