/**
 * The tool's version, read once from its own package.json so the CLI's --version and every report say the
 * same thing as the package. Found upwards from this file because it runs both from the sources (sim/) and
 * from the build (dist/sim/); nothing else is imported, so `nimbus-sim --version` stays cheap.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function packageVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: unknown };
  if (typeof pkg.version !== 'string') throw new Error(`${join(dir, 'package.json')} has no version`);
  return pkg.version;
}

export const TOOL_VERSION: string = packageVersion();
