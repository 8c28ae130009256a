/**
 * Deterministic sharding for CI matrices (`--shard k/n`). A scenario's shard depends only on its file path
 * relative to the suite root (forward slashes, so not on the working directory) and its name, hashed with FNV-1a: the same scenario always lands in the same
 * shard, whatever else the suite holds, on every machine and in every order the files were found.
 */
export interface Shard {
  /** 1-based shard index. */
  index: number;
  count: number;
}

/** Parses `k/n` (1 <= k <= n). Returns an error message instead of throwing, for the CLI's usage errors. */
export function parseShard(text: string): Shard | string {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (m === null) return `--shard takes k/n (for example 2/4), got "${text}"`;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1) return `--shard ${text}: n must be at least 1`;
  if (index < 1 || index > count) return `--shard ${text}: k must be between 1 and ${count}`;
  return { index, count };
}

/** 32-bit FNV-1a over the UTF-16 code units of `text`. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The stable key of a scenario: its portable path, plus the name (one file is one scenario today). */
export function shardKey(file: string, name: string): string {
  return `${file.replace(/\\/g, '/').replace(/^\.\//, '')}#${name}`;
}

/** The 1-based shard a key belongs to. */
export function shardOf(key: string, count: number): number {
  return (fnv1a(key) % count) + 1;
}

/** The items of shard `shard`, in their original order. */
export function selectShard<T>(items: readonly T[], shard: Shard, keyOf: (item: T) => string): T[] {
  return items.filter((item) => shardOf(keyOf(item), shard.count) === shard.index);
}
