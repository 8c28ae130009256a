/**
 * `nimbus-sim why`: a readable explanation of one outcome. For a call: run the scenario, then show the chain
 * of services, the first responding service, the licenses found, every decision taken on the call (each rule
 * with its inputs and verdict), and the smallest tenant changes that flip the outcome, each one proved by
 * running the scenario again with that change. For a user and a service: the selectability, Call on Behalf
 * and dial pad decisions at the start of the scenario, and what would flip each refused one.
 */
import { findMicrosoftLicense, grantsTeamsPhone } from '../../src/domain/licenses.js';
import { tierRank } from '../../src/domain/enums.js';
import type { ServiceSpec, UserSpec } from '../../src/domain/model.js';
import { ruleById } from '../../src/rules/index.js';
import type { Decision, Json, RuleId } from '../../src/rules/index.js';
import * as rules from '../../src/rules/index.js';
import * as policy from '../engine/policy.js';
import { createWorld } from '../engine/setup.js';
import type { ScenarioResult, StepResult } from '../result.js';
import { runScenario } from '../runner.js';
import type { Scenario } from '../scenario/schema.js';

/** One tenant change, small enough to name in a ticket, and how to apply it to a scenario. */
export interface TenantChange {
  description: string;
  /** Service or user it touches. */
  subject: string;
  apply: (s: Scenario) => void;
}

const RESOURCE_ACCOUNT = 'Microsoft Teams Phone Resource Account';
const CALLING_PLAN = 'Microsoft Teams Domestic Calling Plan';
const has = (licenses: readonly string[], name: string): boolean => licenses.some((l) => findMicrosoftLicense(l)?.displayName === name);
const hasCallingPlan = (licenses: readonly string[]): boolean => licenses.some((l) => findMicrosoftLicense(l)?.kind === 'calling-plan');

function svcOf(s: Scenario, id: string): ServiceSpec {
  const found = s.services.find((x) => x.id === id);
  if (!found) throw new Error(`no service ${id}`);
  return found;
}
function userOf(s: Scenario, id: string): UserSpec {
  const found = s.users.find((x) => x.id === id);
  if (!found) throw new Error(`no user ${id}`);
  return found;
}

/**
 * Every single tenant change that could matter to a licensing or configuration rule, derived from the
 * tenant itself (only changes that differ from what is there). Ordered: licenses first, then settings.
 */
function candidateChanges(scenario: Scenario): TenantChange[] {
  const out: TenantChange[] = [];
  scenario.services.forEach((service, i) => {
    const id = service.id;
    const ra = service.resourceAccount.upn ?? `the resource account of service ${id}`;
    if (!has(service.resourceAccount.licenses, RESOURCE_ACCOUNT)) {
      out.push({ subject: `service ${id}`, description: `assign ${RESOURCE_ACCOUNT} (PHONESYSTEM_VIRTUALUSER) to ${ra}`, apply: (s) => void svcOf(s, id).resourceAccount.licenses.push(RESOURCE_ACCOUNT) });
    }
    if (service.pstn?.connectivity === 'Calling Plan' && !hasCallingPlan(service.resourceAccount.licenses)) {
      out.push({ subject: `service ${id}`, description: `assign ${CALLING_PLAN} (MCOPSTN1) to ${ra}`, apply: (s) => void svcOf(s, id).resourceAccount.licenses.push(CALLING_PLAN) });
    }
    if (!service.pstn) {
      const number = `+1999555${String(1000 + i).slice(-4)}`;
      out.push({
        subject: `service ${id}`,
        description: `give service ${id} a Direct Routing PSTN number${has(service.resourceAccount.licenses, RESOURCE_ACCOUNT) ? '' : ` and assign ${RESOURCE_ACCOUNT} to ${ra}`}`,
        apply: (s) => {
          const x = svcOf(s, id);
          x.pstn = { number, connectivity: 'Direct Routing' };
          if (!has(x.resourceAccount.licenses, RESOURCE_ACCOUNT)) x.resourceAccount.licenses.push(RESOURCE_ACCOUNT);
        },
      });
    }
    if (!service.modalities.outbound) out.push({ subject: `service ${id}`, description: `enable Outbound Conversations for service ${id}`, apply: (s) => void (svcOf(s, id).modalities.outbound = true) });
    if (!service.modalities.inbound) out.push({ subject: `service ${id}`, description: `enable Inbound Conversations for service ${id}`, apply: (s) => void (svcOf(s, id).modalities.inbound = true) });
    if (tierRank(service.license) < tierRank('Enterprise Routing')) out.push({ subject: `service ${id}`, description: `raise service ${id} to Enterprise Routing`, apply: (s) => void (svcOf(s, id).license = 'Enterprise Routing') });
    if (service.license !== 'Contact Center') out.push({ subject: `service ${id}`, description: `raise service ${id} to Contact Center`, apply: (s) => void (svcOf(s, id).license = 'Contact Center') });
    // PRES-05: the presence opt-ins are per service, so a Busy or Away user may be one toggle from selectable.
    if (!service.distribution.busyAvailable) out.push({ subject: `service ${id}`, description: `turn on "Busy available" in service ${id}'s distribution settings (PRES-05)`, apply: (s) => void (svcOf(s, id).distribution.busyAvailable = true) });
    if (!service.distribution.awayAvailable) out.push({ subject: `service ${id}`, description: `turn on "Away available" in service ${id}'s distribution settings (PRES-05)`, apply: (s) => void (svcOf(s, id).distribution.awayAvailable = true) });
    if (service.assignment === 'None') out.push({ subject: `service ${id}`, description: `set service ${id}'s user assignment to MS Teams-based`, apply: (s) => void (svcOf(s, id).assignment = 'MS Teams-based') });
  });
  for (const user of scenario.users) {
    const id = user.id;
    if (!grantsTeamsPhone(user.licenses)) {
      out.push({ subject: `user ${id}`, description: `assign Teams Phone Standard (MCOEV) to ${user.upn}`, apply: (s) => void userOf(s, id).licenses.push('Teams Phone Standard') });
    }
    if (!user.nimbusLicense.includes('Contact Center')) out.push({ subject: `user ${id}`, description: `give ${user.upn} a Nimbus Contact Center user license`, apply: (s) => void userOf(s, id).nimbusLicense.push('Contact Center') });
  }
  if (!scenario.tenant.consents.includes('User.Read.All')) out.push({ subject: 'tenant', description: 'grant admin consent for User.Read.All', apply: (s) => void s.tenant.consents.push('User.Read.All') });
  return out;
}

const mutated = (scenario: Scenario, change: TenantChange): Scenario => {
  const copy = structuredClone(scenario);
  change.apply(copy);
  return copy;
};

/** Changes touching something the decision names (a service or user id in its inputs) come first. */
function byRelevance(changes: TenantChange[], decisions: readonly Decision<unknown>[]): TenantChange[] {
  const text = JSON.stringify(decisions.map((d) => d.inputs));
  const score = (c: TenantChange) => {
    const id = c.subject.replace(/^(service|user) /, '');
    return text.includes(`"${id}"`) ? 0 : 1;
  };
  return [...changes].sort((a, b) => score(a) - score(b));
}

export interface CallExplanation {
  kind: 'call';
  scenario: string;
  call: string;
  status: ScenarioResult['status'];
  outcome: string;
  failedStep: { line: number; verb: string; text: string } | null;
  chain: string[];
  firstRespondingService: string | null;
  licenses: { service: string; pstnNumber: string | null; connectivity: string | null; resourceAccountLicenses: string[]; licensedToTransfer: boolean; because: RuleId[] }[];
  decisions: { line: number; verb: string; at: number; decision: Decision<unknown> }[];
  timeline: { at: number; text: string; because: RuleId[] }[];
  flips: string[];
  triedChanges: number;
}

const stepTouches = (scenario: Scenario, step: StepResult, call: string): boolean => {
  const s = scenario.steps[step.index];
  if (!s || s.verb === 'expect' || s.verb === 'wait') return false;
  const args = s.args as Record<string, unknown>;
  return args['call'] === call;
};

/** `shownAs`: the file as the user named it (a fragment is loaded through a wrapper whose path means nothing to them). */
export async function explainCall(scenario: Scenario, call: string, shownAs: string = scenario.file): Promise<CallExplanation> {
  const result = await runScenario(scenario);
  const c = result.calls.find((x) => x.id === call);
  if (!c) throw new Error(`no call "${call}" in ${shownAs}; calls: ${result.calls.map((x) => x.id).join(', ') || 'none'}`);
  const steps = result.steps.filter((s) => stepTouches(scenario, s, call));
  const failed = [...steps].reverse().find((s) => s.ok === false) ?? null;
  const last = c.serviceSessions.at(-1);
  const outcome = failed
    ? `${failed.text}`
    : `call ${call} is ${c.state}${last?.outcome ? `; last service session (${last.service}): ${last.outcome}` : ''}`;
  const world = await createWorld(scenario);
  let licenses: CallExplanation['licenses'];
  try {
    licenses = [...new Set(c.services)].map((id) => {
      const svc = world.serviceFacts(id);
      const d = policy.servicePstnLicense(world, id, 'transfer');
      return { service: id, pstnNumber: svc.pstn?.number ?? null, connectivity: svc.pstn?.connectivity ?? null, resourceAccountLicenses: svc.resourceAccount.licenses, licensedToTransfer: d.verdict, because: d.because };
    });
  } finally {
    world.stop();
  }
  const decisions = steps.filter((s) => s.decision).map((s) => ({ line: s.line, verb: s.verb, at: s.at, decision: s.decision as Decision<unknown> }));
  if (c.pstnLicense && !decisions.some((d) => d.decision.question === 'servicePstnLicense')) decisions.unshift({ line: 0, verb: 'first answer', at: 0, decision: c.pstnLicense });
  const timeline = result.timeline.filter((t) => t.subject === `call:${call}` && (t.because?.length ?? 0) > 0).map((t) => ({ at: t.at, text: t.text, because: t.because ?? [] }));

  const flips: string[] = [];
  let tried = 0;
  if (failed) {
    const changes = byRelevance(candidateChanges(scenario), decisions.map((d) => d.decision));
    for (const change of changes) {
      tried++;
      const again = await runScenario(mutated(scenario, change));
      const step = again.steps.find((s) => s.index === failed.index);
      if (step?.ok === true) flips.push(change.description);
    }
  }
  return {
    kind: 'call',
    scenario: shownAs,
    call,
    status: result.status,
    outcome,
    failedStep: failed ? { line: failed.line, verb: failed.verb, text: failed.text } : null,
    chain: c.services,
    firstRespondingService: c.firstRespondingService,
    licenses,
    decisions,
    timeline,
    flips,
    triedChanges: tried,
  };
}

export interface PairExplanation {
  kind: 'pair';
  scenario: string;
  user: string;
  service: string;
  decisions: { decision: Decision<unknown>; flips: string[] }[];
  triedChanges: number;
}

async function pairDecisions(scenario: Scenario, user: string, service: string): Promise<Decision<unknown>[]> {
  const world = await createWorld(scenario);
  try {
    return [
      policy.isSelectable(world, user, service),
      policy.callOnBehalfButton(world, user, service),
      policy.dialPad(world, user, service),
      rules.agentCanHandleCalls({ user: world.userFacts(user) }),
    ];
  } finally {
    world.stop();
  }
}

export async function explainPair(scenario: Scenario, user: string, service: string, shownAs: string = scenario.file): Promise<PairExplanation> {
  if (!scenario.users.some((u) => u.id === user)) throw new Error(`no user "${user}"; users: ${scenario.users.map((u) => u.id).join(', ')}`);
  if (!scenario.services.some((s) => s.id === service)) throw new Error(`no service "${service}"; services: ${scenario.services.map((s) => s.id).join(', ')}`);
  const base = await pairDecisions(scenario, user, service);
  const flips = base.map(() => [] as string[]);
  let tried = 0;
  if (base.some((d) => d.verdict === false)) {
    for (const change of byRelevance(candidateChanges(scenario), base)) {
      tried++;
      const again = await pairDecisions(mutated(scenario, change), user, service);
      again.forEach((d, i) => {
        if (base[i]?.verdict === false && d.verdict === true) flips[i]?.push(change.description);
      });
    }
  }
  return { kind: 'pair', scenario: shownAs, user, service, decisions: base.map((decision, i) => ({ decision, flips: flips[i] ?? [] })), triedChanges: tried };
}

// --- text ---------------------------------------------------------------------------------------------

const clock = (ms: number): string => {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}`;
};
const json = (v: Json): string => JSON.stringify(v);

function decisionLines(d: Decision<unknown>, indent = '  '): string[] {
  const verdict = typeof d.verdict === 'boolean' ? (d.verdict ? 'allowed' : 'REFUSED') : JSON.stringify(d.verdict);
  const lines = [`${indent}${d.question}: ${verdict} [${d.because.join(', ')}]`, `${indent}  ${d.summary}`];
  for (const [k, v] of Object.entries(d.inputs)) lines.push(`${indent}  input ${k} = ${json(v)}`);
  for (const c of d.checks) {
    const title = ruleById(c.rule)?.title;
    lines.push(`${indent}  ${c.passed ? '✓' : '✗'} ${c.rule}${title ? ` (${title})` : ''}: ${c.detail}`);
  }
  return lines;
}

export function formatExplanation(e: CallExplanation | PairExplanation): string {
  const out: string[] = [];
  if (e.kind === 'call') {
    out.push(`Why: call ${e.call} in ${e.scenario}`);
    out.push(`Outcome: ${e.outcome}${e.failedStep ? ` (line ${e.failedStep.line})` : ''}`);
    out.push('');
    out.push(`Chain of services: ${e.chain.join(' → ') || '(none)'}`);
    out.push(`First responding service: ${e.firstRespondingService ?? '(none answered)'} — its PSTN license is the one every PSTN transfer of this call uses (XFER-02)`);
    out.push('');
    out.push('Licenses found (resource accounts, as Nimbus reads them through Graph):');
    for (const l of e.licenses) {
      out.push(`  ${l.service}: ${l.pstnNumber ? `${l.pstnNumber} (${l.connectivity})` : 'no PSTN number'}; ${l.resourceAccountLicenses.length > 0 ? l.resourceAccountLicenses.join(', ') : 'no licenses'} → ${l.licensedToTransfer ? 'licensed' : 'NOT licensed'} for PSTN transfers [${l.because.join(', ')}]`);
    }
    out.push('');
    out.push('Rules evaluated:');
    for (const d of e.decisions) {
      out.push(`  ${d.line > 0 ? `line ${d.line}, ` : ''}${clock(d.at)} ${d.verb}`);
      out.push(...decisionLines(d.decision, '    '));
    }
    if (e.timeline.length > 0) {
      out.push('');
      out.push('Timeline:');
      for (const t of e.timeline) out.push(`  ${clock(t.at)}  ${t.text} [${t.because.join(', ')}]`);
    }
    out.push('');
    if (!e.failedStep) out.push('Nothing failed on this call; there is nothing to flip.');
    else if (e.flips.length === 0) out.push(`No single tenant change flips it (${e.triedChanges} tried).`);
    else {
      out.push(`Smallest tenant change that flips it (each proved by re-running the scenario; ${e.flips.length} of ${e.triedChanges} single changes work):`);
      for (const f of e.flips) out.push(`  - ${f}`);
    }
  } else {
    out.push(`Why: user ${e.user} and service ${e.service} in ${e.scenario} (at the start of the scenario)`);
    for (const { decision, flips } of e.decisions) {
      out.push('');
      out.push(...decisionLines(decision, ''));
      if (decision.verdict === false) {
        out.push(flips.length > 0 ? `  flips with: ${flips.join('; or ')}` : `  no single tenant change flips it (${e.triedChanges} tried)`);
      }
    }
  }
  return `${out.join('\n')}\n`;
}
