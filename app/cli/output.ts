/**
 * Files a command writes where the user said (`--out`, `--write`, `--json`). A path that cannot be written
 * (a full device, a folder where a file belongs, a file where a folder belongs, no permission) is the
 * user's to fix: a usage error that names the path and the reason, exit 2, never a stack trace. The
 * command prints its results before it writes, so nothing computed is lost.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { SuiteResult } from '../../sim/result.js';
import { writeReports, type WriteReportsOptions } from '../../sim/report/write.js';
import { UsageError } from './usage.js';

const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device',
  EISDIR: 'it is a folder, a file name is needed',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'it exists and is not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOENT: 'a folder on the way does not exist',
  ENAMETOOLONG: 'the name is too long',
  EFBIG: 'the file is too large for the file system',
  EDQUOT: 'the disk quota is exhausted',
};

/** Why a file-system call failed, in words; the raw code when there are none. */
function writeFailureReason(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') return REASONS[code] ?? code;
  return err instanceof Error ? err.message : String(err);
}

/** The usage error for `path` that could not be written; `flag` is the option that named it. */
function cannotWrite(flag: string, path: string, err: unknown): UsageError {
  return new UsageError(`cannot write ${flag} "${path}": ${writeFailureReason(err)}`, `give ${flag} a path that can be written; nothing was written there`);
}

/** An empty path is a slip (an unset shell variable), not "the current folder". */
export function requirePath(flag: string, path: string): string {
  if (path.trim() === '') throw new UsageError(`${flag} needs a path, got an empty string`, 'is a shell variable unset? give a path');
  return path;
}

/**
 * Writes `text` to `path` for `flag`, or throws the usage error that names it. A regular file is written
 * to a temporary file beside it and renamed over it, so a failed write leaves the old file (or none); a
 * device or pipe (`/dev/stdout`) is written in place, since renaming over it would replace the device.
 */
export function writeOutputOrFail(flag: string, path: string, text: string): void {
  requirePath(flag, path);
  let existing;
  try {
    existing = statSync(path, { throwIfNoEntry: false });
    if (existing?.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (existing && !existing.isFile()) {
      writeFileSync(path, text);
      return;
    }
    mkdirSync(dirname(path), { recursive: true });
  } catch (err) {
    throw cannotWrite(flag, path, err);
  }
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, text, { flag: 'wx' });
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw cannotWrite(flag, path, err);
  }
}

/** The run's report files into `--out`, or the usage error that names the folder (the summary is already printed). */
export async function writeReportsOrFail(suite: SuiteResult, options: WriteReportsOptions): Promise<string[]> {
  try {
    return await writeReports(suite, options);
  } catch (err) {
    // Only the file system's refusals are the user's to fix; a reporter that throws is a defect, reported as one.
    if (typeof (err as { code?: unknown }).code !== 'string') throw err;
    throw cannotWrite('--out', options.outDir, err);
  }
}
