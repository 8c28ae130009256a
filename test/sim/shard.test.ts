import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { discoverScenarioFiles } from '../../sim/scenario/discover.js';
import { parseShard, selectShard, shardKey, shardOf } from '../../sim/shard.js';

describe('shards', () => {
  it('parses k/n and explains what is wrong', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    expect(parseShard('0/4')).toMatch(/between 1 and 4/);
    expect(parseShard('5/4')).toMatch(/between 1 and 4/);
    expect(parseShard('1/0')).toMatch(/at least 1/);
    expect(parseShard('half')).toMatch(/k\/n/);
  });

  it('puts every scenario in exactly one shard, whatever n', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1 }), { maxLength: 60 }), fc.integer({ min: 1, max: 12 }), (keys, n) => {
        const shards = Array.from({ length: n }, (_, i) => selectShard(keys, { index: i + 1, count: n }, (k) => k));
        expect(shards.flat().sort()).toEqual([...keys].sort());
        for (const [i, shard] of shards.entries()) for (const k of shard) expect(shardOf(k, n)).toBe(i + 1);
      }),
    );
  });

  it("keeps a scenario's shard when other scenarios are added, removed or reordered", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 8 }), (keys, n) => {
        const first = keys[0] as string;
        const alone = selectShard([first], { index: shardOf(first, n), count: n }, (k) => k);
        const all = selectShard([...keys].reverse(), { index: shardOf(first, n), count: n }, (k) => k);
        expect(alone).toEqual([first]);
        expect(all).toContain(first);
      }),
    );
  });

  it('keys by portable path and name', () => {
    expect(shardKey('scenarios\\cob\\01.yaml', 'x')).toBe(shardKey('./scenarios/cob/01.yaml', 'x'));
  });
});

describe.concurrent('nimbus-sim run --shard', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nimbus-sim-shard-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = async (shard: string) => {
    const out = join(dir, shard.replace('/', '-of-'));
    const r = await cli('run', 'scenarios/cob', '--shard', shard, '--reporter', 'plain,json', '--out', out);
    const names = r.status === 0 ? (JSON.parse(readFileSync(join(out, 'nimbus-sim.json'), 'utf8')) as { scenarios: { file: string }[] }).scenarios.map((s) => s.file) : [];
    return { r, names };
  };

  it('splits the suite into disjoint shards that together run every scenario', async ({ expect }) => {
    const files = discoverScenarioFiles(['scenarios/cob']).map((f) => relative(process.cwd(), f).split(sep).join('/'));
    const parts = await Promise.all(['1/2', '2/2'].map(run));
    for (const p of parts) expect(p.r.status, p.r.stderr + p.r.stdout).toBe(0);
    const union = parts.flatMap((p) => p.names);
    expect(union.sort()).toEqual([...files].sort());
    expect(new Set(union).size).toBe(union.length);
    for (const p of parts) expect(p.names.length).toBeGreaterThan(0);
    expect(parts[0]?.r.stdout).toContain(`shard 1/2: ${parts[0]?.names.length} of ${files.length} scenarios`);
  }, 180_000);

  it('refuses a malformed shard with exit 2', async ({ expect }) => {
    const r = await run('4/3');
    expect(r.r.status).toBe(2);
    expect(r.r.stderr).toMatch(/--shard 4\/3/);
  }, 60_000);
});
