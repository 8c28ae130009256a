/**
 * The explorer without a terminal (CI logs, pipes): every step with what it decided, then each actor's
 * machine state and each user's "why" panel. Plain, stable text: no colour, no wall clock.
 */
import { oneLine } from '../../../sim/report/text.js';
import { actorLines, entryDetail, entryHead, whyLines } from './format.js';
import type { ExplorerSession } from './session.js';

export async function* transcript(session: ExplorerSession): AsyncGenerator<string> {
  yield `nimbus-sim explore: ${oneLine(session.scenario.name)} (${session.scenario.steps.length} steps; not a terminal, so every step runs)`;
  for (;;) {
    const entry = await session.next();
    if (entry === undefined) break;
    yield entryHead(entry);
    for (const l of entryDetail(entry)) yield `    ${l}`;
  }
  yield '';
  yield 'machines:';
  for (const a of session.actors()) for (const l of actorLines(a)) yield `  ${l}`;
  for (const a of session.actors().filter((x) => x.ref.kind === 'agent')) {
    yield '';
    yield `why (${a.ref.id}):`;
    for (const l of whyLines(a.ref.id, session.why(a.ref.id))) yield `  ${l}`;
  }
}
