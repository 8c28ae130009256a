/**
 * Issue 15, determinism across machines: HTML lanes, load KPIs and the TUI timeline were ordered with
 * `localeCompare`, which follows the machine's locale. They compare code points now, so a machine whose
 * collation differs (simulated here by a collation that reverses every comparison, as no two real locales
 * are guaranteed to be installed on a runner) gives the same order, and uppercase sorts before lowercase.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTimeline } from '../../app/tui/timeline/model.js';
import { runDay } from '../../sim/load/day.js';
import { compareCodePoints } from '../../sim/order.js';
import { timelineHtml } from '../../sim/report/html.js';
import type { TimelineEntry } from '../../sim/result.js';

const nativeLocaleCompare = String.prototype.localeCompare;
/** Another machine's collation: every answer reversed. */
function onAnotherLocale(): void {
  String.prototype.localeCompare = function (this: string, that: string) {
    return -nativeLocaleCompare.call(this, that);
  };
}
afterEach(() => {
  String.prototype.localeCompare = nativeLocaleCompare;
});

/** The same thing computed on this machine and on one with another collation. */
async function onBothLocales<T>(compute: () => T | Promise<T>): Promise<[T, T]> {
  const here = await compute();
  onAnotherLocale();
  try {
    return [here, await compute()];
  } finally {
    String.prototype.localeCompare = nativeLocaleCompare;
  }
}

describe('orders that do not depend on the locale', () => {
  it('HTML timeline lanes: code point order, the same under another collation', async () => {
    const subjects = ['user:bob', 'user:Zed', 'user:ärne', 'user:ann', 'user:Émile'];
    const entries: TimelineEntry[] = subjects.map((subject, i) => ({ at: i * 1000, subject, kind: 'presence', text: `${subject} Available` }));
    const [here, there] = await onBothLocales(() => timelineHtml(entries, 10_000));
    expect(there).toBe(here);
    const lanes = [...here.matchAll(/<span class="name" title="([^"]*)">/g)].map((m) => m[1]);
    expect(lanes).toEqual(['user:Zed', 'user:ann', 'user:bob', 'user:Émile', 'user:ärne']);
  });

  it('TUI timeline lanes: code point order, the same under another collation', async () => {
    const samples = ['bob', 'Zed', 'ärne', 'ann'].map((id, i) => ({ at: i, lane: `user:${id}:presence`, label: 'Available' }));
    const [here, there] = await onBothLocales(() => buildTimeline(samples).lanes.map((l) => l.id));
    expect(there).toEqual(here);
    expect(here).toEqual(['user:Zed:presence', 'user:ann:presence', 'user:bob:presence', 'user:ärne:presence']);
  });

  it('load KPIs: services and outcome groups in the same order under another collation', async () => {
    const day = { agents: 8, services: 3, calls: 40, cob: 4, hours: 0.25, seed: 5 };
    const [here, there] = await onBothLocales(async () => JSON.stringify((await runDay(day)).services));
    expect(there).toBe(here);
  });

  it('code points, not UTF-16 units: an astral character sorts after U+FFFF', () => {
    expect(['\u{1F600}', '\uFF21', 'a'].sort(compareCodePoints)).toEqual(['a', '\uFF21', '\u{1F600}']);
    expect(compareCodePoints('ab', 'a')).toBe(1);
    expect(compareCodePoints('a', 'ab')).toBe(-1);
    expect(compareCodePoints('same', 'same')).toBe(0);
  });

  it('no product code orders text by the locale', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
      });
    const offenders = ['src', 'mocks', 'sim', 'app'].flatMap(files).filter((f) => /\.localeCompare\(|Intl\.Collator/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
