/**
 * Property-based runs of the whole engine: random tenants (service tiers, assignment types, PSTN setups,
 * licenses, presence, Task Parallelization) and random step sequences over them, run through the real
 * runner. `checkScenario` returns the violated properties; a failure is written as a scenario file that
 * `nimbus-sim run` replays.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import type { InspectionEvent } from 'xstate';
import { toJsonReport } from '../report/json.js';
import { runScenario, suiteOf } from '../runner.js';
import { parseScenarioText } from '../scenario/load.js';
import type { ScenarioResult } from '../result.js';

export interface ScenarioDoc {
  name: string;
  seed: number;
  services: Record<string, unknown>[];
  users: Record<string, unknown>[];
  steps: Record<string, unknown>[];
}

const USERS = ['ana', 'ben', 'cleo'] as const;
const SERVICES = ['Sales', 'Support'] as const;
const CALLS = ['c1', 'c2', 'c3'] as const;

const arbService = (id: string, members: string[]) =>
  fc.record({
    license: fc.constantFrom('Advanced Routing', 'Enterprise Routing', 'Contact Center'),
    assignment: fc.constantFrom('MS Teams-based', 'Skill-based', 'None'),
    pstn: fc.constantFrom(null, 'Calling Plan', 'Direct Routing', 'Operator Connect'),
    licensed: fc.boolean(),
    outbound: fc.boolean(),
    distribution: fc.constantFrom('Broadcast', 'Direct', 'Direct Conference'),
    persistentRona: fc.boolean(),
    acw: fc.boolean(),
  }).map((s) => ({
    id,
    license: s.license,
    assignment: s.assignment,
    modalities: { outbound: s.outbound },
    ...(s.pstn ? { pstn: { number: id === 'Sales' ? '+41445550100' : '+41445550200', connectivity: s.pstn } } : {}),
    resourceAccount: { licenses: s.licensed ? ['Microsoft Teams Phone Resource Account', 'Microsoft Teams Domestic Calling Plan'] : ['Microsoft Teams Phone Resource Account'] },
    distribution: { type: s.distribution, persistentRona: s.persistentRona, ringTimeout: '20s', acw: { enabled: s.acw, duration: '30s', extension: '30s' } },
    members,
  }));

const arbUser = (id: string) =>
  fc.record({
    phone: fc.boolean(),
    cc: fc.boolean(),
    presence: fc.constantFrom('Available', 'Busy', 'DoNotDisturb', 'Away', 'Offline'),
    tp: fc.boolean(),
  }).map((u) => ({
    id,
    upn: `${id}@contoso.com`,
    licenses: u.phone ? ['Teams Phone Standard'] : [],
    ...(u.cc ? { nimbusLicense: 'Contact Center' } : {}),
    presence: u.presence,
    ...(u.tp ? { taskParallelization: { enabled: true } } : {}),
  }));

const user = fc.constantFrom(...USERS);
/** A placeholder resolved by `validSteps` to a call an earlier step created. */
const call = fc.constantFrom(...CALLS);
const service = fc.constantFrom(...SERVICES);

const arbStep: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ call, to: service }).map((a) => ({ inboundCall: { call: a.call, from: '+41791110000', to: a.to } })) },
  { weight: 4, arbitrary: fc.record({ user, call }).map((a) => ({ answer: a })) },
  { weight: 2, arbitrary: fc.record({ user, call }).map((a) => ({ decline: a })) },
  { weight: 1, arbitrary: fc.record({ user, call }).map((a) => ({ ignore: a })) },
  { weight: 2, arbitrary: call.map((c) => ({ hangup: { call: c } })) },
  { weight: 1, arbitrary: fc.record({ call, by: user }).map((a) => ({ hangup: a })) },
  { weight: 2, arbitrary: fc.record({ user, call }).map((a) => ({ park: a })) },
  { weight: 1, arbitrary: fc.record({ user, call }).map((a) => ({ unpark: a })) },
  { weight: 1, arbitrary: fc.record({ user, call }).map((a) => ({ hold: a })) },
  { weight: 1, arbitrary: fc.record({ user, call }).map((a) => ({ resume: a })) },
  { weight: 1, arbitrary: fc.record({ user, availability: fc.constantFrom('Available', 'Busy', 'DoNotDisturb', 'Offline') }).map((a) => ({ presence: a })) },
  { weight: 1, arbitrary: fc.record({ user, state: fc.constantFrom('On Duty', 'Off Duty') }).map((a) => ({ duty: a })) },
  { weight: 2, arbitrary: fc.record({ call, user, service }).map((a) => ({ callOnBehalf: { ...a, to: { pstn: '+41795550199' } } })) },
  { weight: 2, arbitrary: fc.record({ call, by: user, to: fc.oneof(service.map((s) => ({ service: s })), user.map((u) => ({ user: u })), fc.constant({ pstn: '+41795550199' })) }).map((a) => ({ transfer: a })) },
  { weight: 3, arbitrary: fc.constantFrom('5s', '25s', '2m').map((d) => ({ wait: d })) },
  { weight: 1, arbitrary: user.map((u) => ({ endAcw: { user: u } })) },
  { weight: 1, arbitrary: user.map((u) => ({ resetRona: { user: u } })) },
);

export const arbScenario: fc.Arbitrary<ScenarioDoc> = fc
  .record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    users: fc.tuple(...USERS.map(arbUser)),
    sales: arbService('Sales', ['ana', 'ben']),
    support: arbService('Support', ['ben', 'cleo']),
    steps: fc.array(arbStep, { minLength: 1, maxLength: 12 }),
  })
  .map((r) => ({ name: 'property run', seed: r.seed, services: [r.sales, r.support], users: [...r.users], steps: validSteps(r.steps) }));

const CREATES = new Set(['inboundCall', 'callOnBehalf']);

/**
 * Valid step sequences: each call-creating step gets a fresh call id; a step naming a call refers to one
 * created earlier (placeholder c1..c3 picks among them); steps before any call exists name none and are dropped.
 */
function validSteps(steps: Record<string, unknown>[]): Record<string, unknown>[] {
  const created: string[] = [];
  const out: Record<string, unknown>[] = [];
  for (const step of steps) {
    const [verb, args] = Object.entries(step)[0] ?? [];
    if (!verb || typeof args !== 'object' || args === null || !('call' in args)) {
      out.push(step);
      continue;
    }
    const a = args as Record<string, unknown>;
    if (CREATES.has(verb)) {
      const id = `c${created.length + 1}`;
      created.push(id);
      out.push({ [verb]: { ...a, call: id } });
    } else if (created.length > 0) {
      const pick = created[(CALLS.indexOf(a.call as (typeof CALLS)[number]) + created.length) % created.length] as string;
      out.push({ [verb]: { ...a, call: pick } });
    }
  }
  return out.length > 0 ? out : [{ wait: '1s' }];
}

function scenarioYaml(doc: ScenarioDoc, header = ''): string {
  const body = stringify({ name: doc.name, seed: doc.seed, tenant: { name: 'Contoso' }, services: doc.services, users: doc.users, steps: doc.steps }, { lineWidth: 0 });
  return header ? `${header.split('\n').map((l) => `# ${l}`).join('\n')}\n${body}` : body;
}

const isAgent = (ref: object): boolean => (ref as { logic?: { id?: string } }).logic?.id === 'agent';

/** Runs one scenario with the engine's agents inspected; returns the result and the property violations. */
export async function checkScenario(doc: ScenarioDoc): Promise<{ result: ScenarioResult | null; violations: string[] }> {
  const violations: string[] = [];
  let scenario;
  try {
    scenario = parseScenarioText(scenarioYaml(doc), 'property.yaml');
  } catch (err) {
    return { result: null, violations: [`the generated scenario does not load: ${err instanceof Error ? err.message.slice(0, 300) : String(err)}`] };
  }
  const lastEvent = new Map<object, string>();
  const observer = (e: InspectionEvent): void => {
    if (!isAgent(e.actorRef)) return;
    if (e.type === '@xstate.event') {
      const type = e.event.type;
      // RONA only after a decline, an ignore or a ring timeout (RONA-01..03).
      if (type === 'FLAG_RONA') {
        const before = lastEvent.get(e.actorRef) ?? '(none)';
        if (!['DECLINE', 'IGNORE'].includes(before) && !before.startsWith('xstate.after.RING_TIMEOUT')) violations.push(`RONA flagged after ${before}, not after a decline, ignore or ring timeout`);
      } else {
        lastEvent.set(e.actorRef, type);
      }
    } else if (e.type === '@xstate.snapshot') {
      const ctx = (e.snapshot as { context?: { active?: { call: string } | null; offer?: { call: string } | null; parked?: { call: string }[]; taskParallelization?: { enabled: boolean; max: number } } }).context;
      if (!ctx) return;
      const parked = (ctx.parked ?? []).filter((p) => p.call !== ctx.active?.call).map((p) => p.call);
      const held = [ctx.active?.call, ctx.offer?.call, ...parked].filter(Boolean);
      if (new Set(held).size !== held.length) violations.push(`a user holds one call twice: ${held.join(', ')}`);
      const tp = ctx.taskParallelization;
      if (tp?.enabled && parked.length > tp.max) violations.push(`${parked.length} parked tasks exceed the Task Parallelization limit ${tp.max}`);
    }
  };
  let result: ScenarioResult;
  try {
    result = await runScenario(scenario, { cwd: '/', inspect: observer });
  } catch (err) {
    return { result: null, violations: [`runScenario threw: ${err instanceof Error ? err.message : String(err)}`] };
  }
  if (result.error?.message.startsWith('internal error')) violations.push(`no exception: ${result.error.message}`);
  for (const c of result.calls) {
    // Call conservation: a call is live or ended, and an ended call has exactly one outcome per service visited.
    if (c.state === 'Ended') {
      for (const s of c.serviceSessions) if (s.endedAt === null) violations.push(`${c.id} ended but its ${s.service} session is open`);
      const open = c.serviceSessions.filter((s) => s.outcome === null && c.reported);
      if (open.length > 0) violations.push(`${c.id} ended without an outcome for ${open.map((s) => s.service).join(', ')}`);
    }
    if (c.serviceSessions.length !== c.services.length) violations.push(`${c.id}: ${c.serviceSessions.length} service sessions for ${c.services.length} services visited`);
  }
  return { result, violations };
}

/** Runs a scenario twice: the JSON reports must be byte-identical. */
export async function checkDeterminism(doc: ScenarioDoc): Promise<string[]> {
  const a = await checkScenario(doc);
  const b = await checkScenario(doc);
  if (!a.result || !b.result) return [];
  const ja = toJsonReport(suiteOf([a.result], null));
  const jb = toJsonReport(suiteOf([b.result], null));
  return ja === jb ? [] : ['the same scenario and seed gave two different JSON reports'];
}

export function writeCounterexample(dir: string, doc: ScenarioDoc, violations: string[], label: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${label}.yaml`);
  const header = [
    `Counterexample found by the property-based runs (${label}), shrunk by fast-check.`,
    'Reproduce: npx nimbus-sim run ' + file,
    'Violated:',
    ...violations.map((v) => `  - ${v}`),
  ].join('\n');
  writeFileSync(file, scenarioYaml({ ...doc, name: `counterexample ${label}` }, header));
  return file;
}

/** How many cases each property runs: NIMBUS_SIM_PROPERTY_RUNS, else the CI default. */
export function propertyRuns(ciDefault: number): number {
  const n = Number(process.env.NIMBUS_SIM_PROPERTY_RUNS);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : ciDefault;
}
