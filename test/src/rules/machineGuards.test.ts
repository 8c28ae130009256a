/**
 * The rule functions the machines' named guards and actions ask with their own context (PAR-03, PAR-11,
 * PAR-14, XFER-02, XFER-05, XFER-06, REP-04, REP-06): both verdicts, the deciding rule ids and the inputs.
 */
import { describe, expect, it } from 'vitest';
import { parkedTaskEndFreesUser, resumesOwnParkedTask } from '../../../src/rules/parking.js';
import { bindsPstnLicense } from '../../../src/rules/pstn.js';
import { blindTransferUserOutcome, openUserSessionOutcome, safeTransferTakenOver } from '../../../src/rules/reporting.js';
import type { Decision } from '../../../src/rules/decision.js';

/** Every check's rule is among the ids the decision cites or failed on; nothing empty. */
function wellFormed(d: Decision<unknown>): void {
  expect(d.because.length).toBeGreaterThan(0);
  expect(d.checks.length).toBeGreaterThan(0);
  for (const c of d.checks) expect(d.because).toContain(c.rule);
}

describe('parkedTaskEndFreesUser (PAR-14, PAR-03)', () => {
  const tp = { enabled: true, max: 2 };
  it('PAR-14: with TP the user is freed once the tasks still parked are below the limit', () => {
    const d = parkedTaskEndFreesUser({ taskParallelization: tp, parkedCalls: ['c1', 'c2'], endedCall: 'c2' });
    wellFormed(d);
    expect(d.verdict).toBe(true);
    expect(d.because).toEqual(['PAR-14']);
    expect(d.inputs).toEqual({ endedCall: 'c2', stillParked: 1, taskParallelization: true, max: 2 });
  });
  it('PAR-14: the user stays held while the tasks still parked reach the limit', () => {
    const d = parkedTaskEndFreesUser({ taskParallelization: { enabled: true, max: 1 }, parkedCalls: ['c1', 'c2'], endedCall: 'c2' });
    wellFormed(d);
    expect(d.verdict).toBe(false);
    expect(d.because).toEqual(['PAR-14']);
    expect(d.inputs).toMatchObject({ stillParked: 1, max: 1 });
  });
  it('a call that is not parked does not count as ending one', () => {
    const d = parkedTaskEndFreesUser({ taskParallelization: { enabled: true, max: 2 }, parkedCalls: ['c1', 'c2'], endedCall: 'c9' });
    expect(d.verdict).toBe(false);
    expect(d.inputs).toMatchObject({ stillParked: 2 });
  });
  it('PAR-03: without TP a parked task keeps the user Connected', () => {
    const d = parkedTaskEndFreesUser({ taskParallelization: { enabled: false, max: 2 }, parkedCalls: ['c1', 'c2'], endedCall: 'c2' });
    wellFormed(d);
    expect(d.verdict).toBe(false);
    expect(d.because).toEqual(['PAR-03']);
    expect(d.inputs).toMatchObject({ taskParallelization: false });
  });
});

describe('resumesOwnParkedTask (PAR-11)', () => {
  it('the user resumes a task they parked', () => {
    const d = resumesOwnParkedTask({ parkedCalls: ['c1', 'c2'], call: 'c2' });
    wellFormed(d);
    expect(d.verdict).toBe(true);
    expect(d.because).toEqual(['PAR-11']);
    expect(d.inputs).toEqual({ call: 'c2', parkedCalls: ['c1', 'c2'] });
  });
  it('a task the user did not park is not theirs to resume', () => {
    const d = resumesOwnParkedTask({ parkedCalls: ['c1'], call: 'c2' });
    wellFormed(d);
    expect(d.verdict).toBe(false);
    expect(d.because).toEqual(['PAR-11']);
  });
});

describe('bindsPstnLicense (XFER-02)', () => {
  it('the first service that answers binds the PSTN license', () => {
    const d = bindsPstnLicense({ firstRespondingService: null, service: 'A' });
    wellFormed(d);
    expect(d.verdict).toBe(true);
    expect(d.because).toEqual(['XFER-02']);
    expect(d.inputs).toEqual({ firstRespondingService: null, service: 'A' });
  });
  it('a later service does not: the binding survives the transfer', () => {
    const d = bindsPstnLicense({ firstRespondingService: 'A', service: 'B' });
    wellFormed(d);
    expect(d.verdict).toBe(false);
    expect(d.because).toEqual(['XFER-02']);
    expect(d.inputs).toEqual({ firstRespondingService: 'A', service: 'B' });
  });
});

describe('openUserSessionOutcome (REP-04, REP-06)', () => {
  it('REP-04: a user connected to the task when it ended handled it: Accepted', () => {
    const d = openUserSessionOutcome({ user: 'anna', stillRinging: false });
    wellFormed(d);
    expect(d.verdict).toBe('Accepted');
    expect(d.because).toEqual(['REP-04']);
    expect(d.inputs).toEqual({ user: 'anna', stillRinging: false });
  });
  it('REP-06: an offer still ringing when the task ended was withdrawn: Cancelled', () => {
    const d = openUserSessionOutcome({ user: 'tina', stillRinging: true });
    wellFormed(d);
    expect(d.verdict).toBe('Cancelled');
    expect(d.because).toEqual(['REP-06']);
    expect(d.inputs).toEqual({ user: 'tina', stillRinging: true });
  });
});

describe('blindTransferUserOutcome (XFER-06)', () => {
  it('the transferring user leaves the session: Transferred Internally', () => {
    const d = blindTransferUserOutcome({ user: 'anna', to: 'bea' });
    wellFormed(d);
    expect(d.verdict).toBe('Transferred Internally');
    expect(d.because).toEqual(['XFER-06']);
    expect(d.inputs).toEqual({ user: 'anna', to: 'bea' });
  });
  it('a transfer without a connected user (a workflow hand-over) decides the same', () => {
    const d = blindTransferUserOutcome({ user: null, to: 'bea' });
    expect(d.verdict).toBe('Transferred Internally');
    expect(d.inputs).toEqual({ user: null, to: 'bea' });
  });
});

describe('safeTransferTakenOver (XFER-05)', () => {
  it('the target taking the call settles the safe transfer as done', () => {
    const d = safeTransferTakenOver({ user: 'bea' });
    wellFormed(d);
    expect(d.verdict).toBe(true);
    expect(d.because).toEqual(['XFER-05']);
    expect(d.inputs).toEqual({ user: 'bea' });
  });
});
