/**
 * Queue distribution (rulebook 3.5): which distribution types a service may use, and whom a queued task is
 * offered to (Broadcast: the 10 longest idle selectable users; Direct / Direct Conference: the single
 * longest idle selectable user; Pickup: nobody is offered, users pick).
 */
import type { DistributionType } from '../domain/enums.js';
import { DecisionBuilder, quoting, ruleCheck, valueDecision, type Decision, type RuleCheck, type RuleId, type Sentence } from './decision.js';
import type { Membership, ServiceFacts, TenantFacts, UserFacts } from './facts.js';
import { isSelectable } from './selectability.js';
import { dur, refusal, svc, tierAtLeast } from './common.js';

export const distributionRules: readonly RuleId[] = ['DIST-01', 'DIST-02', 'DIST-03', 'DIST-04', 'DIST-05', 'US-01', 'US-09'];

/** DIST-02: the Broadcast batch size. */
export const BROADCAST_BATCH = 10;

export interface DistributionAllowedArgs {
  service: ServiceFacts;
  /** The distribution type asked for; default the service's configured type. */
  type?: DistributionType | undefined;
}

/** DIST-01, DIST-05: may the service's Queue activity use this distribution type? */
export function distributionAllowed({ service, type }: DistributionAllowedArgs): Decision<boolean> {
  const t = type ?? service.distribution.type;
  const where = svc(service);
  const b = new DecisionBuilder('distributionAllowed', { service: service.id, license: service.license, type: t });
  b.note('DIST-01', `the Queue activity of ${where} decides how a queued task is offered: ${t}`);
  if (t === 'Pickup') {
    const ok = tierAtLeast(service.license, 'Enterprise Routing');
    b.check('DIST-05', ok, ok ? `${where} is ${service.license}, so Pickup is allowed (being discontinued)` : `Pickup is not allowed below Enterprise Routing; ${where} is ${service.license}`);
  }
  return b.done(`${where} may distribute by ${t}`, refusal(`${where} may not distribute by ${t}`, b));
}

export interface Candidate {
  user: UserFacts;
  membership?: Membership | undefined;
  /** When the user became idle (virtual ms); smaller = idle longer. */
  idleSince: number;
  /** Stable tie-break: smaller first (e.g. the order of the service's members). */
  order: number;
  /** The user's isSelectable decision for this service, when the caller already has it (else it is made here). */
  selectable?: Decision<boolean> | undefined;
}

export interface PickCandidatesArgs {
  tenant: TenantFacts;
  service: ServiceFacts;
  candidates: readonly Candidate[];
}

/**
 * DIST-02..05 with US-01: the users to offer the task to, in offer order. Each candidate runs through
 * isSelectable; the excluded ones appear in the checks with the reasons. Longest idle first (smallest
 * `idleSince`, measured as behavior.longestIdleSince says), ties broken by `order`.
 */
export function pickCandidates({ tenant, service, candidates }: PickCandidatesArgs): Decision<string[]> {
  const type = service.distribution.type;
  const where = svc(service);
  const checks: RuleCheck[] = [];
  const inputs = {
    service: { id: service.id, license: service.license, type },
    candidates: candidates.map((c) => ({ user: c.user.id, idleSince: c.idleSince, order: c.order })),
    longestIdleSince: tenant.behavior.longestIdleSince,
  };
  const decide = (users: string[], because: RuleId[], summary: Sentence): Decision<string[]> =>
    valueDecision('pickCandidates', users, because, inputs, checks, summary);

  const allowed = distributionAllowed({ service });
  checks.push(...allowed.checks);
  if (!allowed.verdict) return decide([], allowed.because, allowed.summary);
  if (type === 'Pickup') {
    checks.push({ rule: 'DIST-05', passed: true, detail: `Pickup: the task waits in the queue of ${where} until a user picks it; nobody is offered` });
    return decide([], ['DIST-05'], `nobody is offered the task: ${where} uses Pickup`);
  }

  const seen = new Set<string>();
  const selectable: Candidate[] = [];
  const exclusions: RuleId[] = [];
  for (const c of candidates) {
    if (seen.has(c.user.id)) continue;
    seen.add(c.user.id);
    const d = c.selectable ?? isSelectable({ tenant, service, user: c.user, membership: c.membership });
    if (d.verdict) {
      selectable.push(c);
      continue;
    }
    for (const f of d.checks) {
      if (f.passed) continue;
      exclusions.push(f.rule);
      checks.push(ruleCheck(f.rule, false, quoting(f, (detail) => `user ${c.user.id} excluded (${detail})`)));
    }
  }
  selectable.sort((a, b) => a.idleSince - b.idleSince || a.order - b.order);
  const rule: RuleId = type === 'Broadcast' ? 'DIST-02' : type === 'Direct' ? 'DIST-03' : 'DIST-04';
  const size = type === 'Broadcast' ? BROADCAST_BATCH : 1;
  const picked = selectable.slice(0, size).map((c) => c.user.id);
  const order = selectable.map((c) => ({ user: c.user.id, idleSince: c.idleSince }));
  const considered = seen.size;
  checks.push(ruleCheck('US-01', order.length > 0, () => selectableDetail(order, considered, where)));
  checks.push(ruleCheck(rule, picked.length > 0, () => offerDetail(type, picked, order, tenant.behavior.longestIdleSince)));
  if (picked.length === 0) return decide([], ['US-01', rule, ...exclusions], `nobody is offered the task: no candidate is Selectable for ${where}`);
  return decide(picked, [rule, 'US-01'], () => `${type} offers the task of ${where} to ${picked.join(', ')}`);
}

/** US-01 in pickCandidates: how many candidates are Selectable, in idle order. */
function selectableDetail(order: readonly { user: string }[], considered: number, where: string): string {
  return `${order.length} of ${considered} candidates Selectable for ${where}${order.length > 0 ? `: ${order.map((c) => c.user).join(', ')}` : ''}`;
}

/** DIST-02..04 in pickCandidates: whom the distribution type offers the task to, and the idle order that chose. */
function offerDetail(type: DistributionType, picked: readonly string[], order: readonly { user: string; idleSince: number }[], since: TenantFacts['behavior']['longestIdleSince']): string {
  const ranking = order.map((c) => `${c.user} (idle since ${c.idleSince <= 0 ? 'the start' : `t=${dur(c.idleSince)}`})`).join(', ');
  const idleNote = `longest idle measured since ${since === 'lastTaskEnd' ? 'the last task ended' : 'the user became selectable'} (behavior.longestIdleSince = ${since}); idle order: ${ranking || 'nobody'}, ties by member order`;
  return type === 'Broadcast'
    ? `Broadcast rings a batch of up to ${BROADCAST_BATCH} longest idle selectable users at once: ${picked.join(', ') || 'none'}; ${idleNote}`
    : `${type} offers the task to the single longest idle selectable user: ${picked[0] ?? 'none'}; ${idleNote}`;
}

export interface OfferResponseArgs {
  action: 'answer' | 'decline' | 'ignore';
  user: UserFacts;
  call: string;
  /** The call's current service: the one whose distribution decides who is offered it. */
  service: string;
  /** The call ringing this user now, if any (US-09). */
  offeredCall: string | null;
  /** The call's task state (TASK-01). */
  taskState: string;
  /** The users the call rings now. */
  ringing: readonly string[];
  /** The user's US-01 decision for `service`: what kept them out when the call does not ring them. */
  selectability?: Decision<boolean> | undefined;
}

/**
 * US-09 with US-01: may this user answer, decline or ignore this call now? Only a call ringing the user can
 * be; when it does not, the selectability decision that kept the user out of its distribution says why.
 */
export function offerResponse({ action, user, call, service, offeredCall, taskState, ringing, selectability }: OfferResponseArgs): Decision<boolean> {
  const who = `user ${user.id}`;
  const b = new DecisionBuilder('offerResponse', {
    action,
    user: user.id,
    call,
    service,
    offeredCall,
    taskState,
    ringing: [...ringing],
    selectability: selectability ? { verdict: selectability.verdict, because: selectability.because, inputs: selectability.inputs } : null,
  });
  const rings = offeredCall === call;
  if (rings) {
    b.check('US-09', true, `${call} is ringing ${who}, who may ${action} it`);
    return b.done(`${who} may ${action} ${call}`);
  }
  const now = offeredCall !== null ? `${who} is Ringing for ${offeredCall}` : ringing.length > 0 ? `it rings ${ringing.join(', ')}` : `it is ${taskState}`;
  b.check('US-09', false, `${call} is not ringing ${who} (${now}): only an offered task can be answered, declined or ignored`);
  if (selectability) {
    if (selectability.verdict) {
      b.note('US-01', `${who} is Selectable for service ${service}, but the distribution of ${call} did not offer it to them (${now})`);
    } else {
      b.check('US-01', false, `${who} is Not Selectable for service ${service}, so the distribution of ${call} never offers it to them`);
      for (const c of selectability.checks) if (!c.passed) b.add(c);
    }
  }
  return b.done(`${who} may ${action} ${call}`, refusal(`${who} cannot ${action} ${call}`, b));
}
