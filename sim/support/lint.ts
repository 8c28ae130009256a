/**
 * `nimbus-sim lint`: a licensing preflight from tenant data alone, before any call. Every finding comes from
 * the project's rule functions (src/rules), evaluated on the facts the modelled Nimbus reads through the
 * mock Graph at start-up, and says which rules decided it and what to change.
 */
import { findMicrosoftLicense } from '../../src/domain/licenses.js';
import * as rules from '../../src/rules/index.js';
import type { Decision, RuleCheck, RuleId, ServiceFacts, UserFacts } from '../../src/rules/index.js';
import * as policy from '../engine/policy.js';
import { createWorld } from '../engine/setup.js';
import type { World } from '../engine/world.js';
import type { Scenario } from '../scenario/schema.js';

export type LintSeverity = 'error' | 'warning' | 'info';

export interface LintFinding {
  severity: LintSeverity;
  /** `service <id>` or `user <id>` or `tenant`. */
  subject: string;
  /** Short category, stable for scripts: `first-level-pstn`, `calling-plan`, `resource-account`, `agent-phone`, ... */
  code: string;
  message: string;
  because: RuleId[];
  fix: string;
  /** The rule decision the finding was read from. */
  decision?: Decision<unknown>;
}

export interface LintReport {
  scenario: string;
  findings: LintFinding[];
  counts: Record<LintSeverity, number>;
}

const RESOURCE_ACCOUNT = 'Microsoft Teams Phone Resource Account';
const CALLING_PLAN = 'Microsoft Teams Domestic Calling Plan';

const sku = (name: string): string => {
  const lic = findMicrosoftLicense(name);
  return lic && lic.skuPartNumber !== lic.displayName ? `${name} (${lic.skuPartNumber})` : name;
};

const failed = (d: Decision<unknown>): RuleCheck[] => d.checks.filter((c) => !c.passed);
const ids = (checks: readonly RuleCheck[]): RuleId[] => [...new Set(checks.map((c) => c.rule))];
const details = (checks: readonly RuleCheck[]): string => checks.map((c) => c.detail).join('; ');

function account(service: ServiceFacts): string {
  return service.resourceAccount.upn ? `resource account ${service.resourceAccount.upn}` : `the resource account of service ${service.id}`;
}

function callingPlanFix(service: ServiceFacts): string {
  return `assign a calling plan, e.g. ${sku(CALLING_PLAN)}, to ${account(service)}`;
}

/** What to change so that the service's PSTN license check passes, from the rule's own list of what is missing. */
function pstnFix(world: World, service: ServiceFacts, purpose: rules.PstnPurpose): string {
  const { missing } = rules.evaluatePstnLicense(world.tenant, service, purpose);
  const parts = missing.map((m) => {
    if (m === 'a PSTN number') return `give service ${service.id} a PSTN number (General Service Settings, then run the provisioning script) and assign ${sku(RESOURCE_ACCOUNT)} to ${account(service)}`;
    if (m === 'a calling plan') return callingPlanFix(service);
    return `assign ${sku(m)} to ${account(service)}`;
  });
  return parts.length > 0 ? parts.join('; ') : 'no change found';
}

/** A member with nothing blocking: what is left failing in the COB button is the service's own fault. */
function idealMember(world: World, id: string): UserFacts {
  return {
    id,
    upn: `${id}@${world.tenant.domains[0] ?? 'contoso.com'}`,
    licenses: ['Teams Phone Standard'],
    nimbusLicenses: ['Contact Center'],
    presence: { availability: 'Available', activity: 'Available' },
    duty: 'On Duty',
    flags: {},
    parkedTasks: 0,
    activeTask: false,
    taskParallelization: { enabled: false, max: world.tenant.behavior.taskParallelizationMax },
  };
}

const COB_FIX: Partial<Record<RuleId, string>> = {
  'SVC-11': 'reactivate the tenant (state Suspended)',
  'COB-01': 'raise the service license to Enterprise Routing or Contact Center',
  'COB-02': 'set the user assignment type to MS Teams-based or Skill-based',
  'COB-03': 'enable Outbound Conversations in the Modalities Service Settings',
  'COB-10': 'add members to the service',
  'PRES-09': 'turn off Enhanced Presence Privacy or exempt the Nimbus users',
};

export async function lintScenario(scenario: Scenario): Promise<LintReport> {
  const world = await createWorld(scenario);
  let findings: LintFinding[];
  try {
    findings = lintWorld({ world, scenario, targetedServices: targetedServices(scenario) });
  } finally {
    world.stop();
  }
  const order: Record<LintSeverity, number> = { error: 0, warning: 1, info: 2 };
  findings.sort((a, b) => order[a.severity] - order[b.severity]);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return { scenario: scenario.file, findings, counts };
}

interface LintContext {
  world: World;
  scenario: Scenario;
  /** Services some workflow transfers to. */
  targetedServices: ReadonlySet<string>;
}

type ServiceLint = (ctx: LintContext, service: ServiceFacts) => LintFinding | undefined;

/** What is checked of every service, in report order. */
const SERVICE_LINTS: readonly ServiceLint[] = [firstLevelPstn, callingPlan, resourceAccountLicense, callOnBehalf];

function lintWorld(ctx: LintContext): LintFinding[] {
  const { world, scenario } = ctx;
  const findings: LintFinding[] = [];
  const push = (f: LintFinding | undefined) => {
    if (f) findings.push(f);
  };
  for (const spec of scenario.services) {
    const service = world.serviceFacts(spec.id);
    for (const lint of SERVICE_LINTS) push(lint(ctx, service));
  }
  const memberOf = servicesOfMembers(scenario);
  for (const u of scenario.users) push(userPhone(ctx, u.id, u.upn, memberOf.get(u.id)));
  for (const spec of scenario.services) for (const m of spec.members) push(memberNimbusLicense(world, m.user, spec.id));
  push(consent(ctx));
  return findings;
}

function targetedServices(scenario: Scenario): Set<string> {
  const targeted = new Set<string>();
  for (const s of scenario.services) {
    for (const item of s.workflow) if (typeof item !== 'string' && 'service' in item.to) targeted.add(item.to.service);
  }
  return targeted;
}

function servicesOfMembers(scenario: Scenario): Map<string, string[]> {
  const memberOf = new Map<string, string[]>();
  for (const s of scenario.services) for (const m of s.members) memberOf.set(m.user, [...(memberOf.get(m.user) ?? []), s.id]);
  return memberOf;
}

/**
 * How a PSTN transfer can start in a call that begins at a service: a workflow `Transfer` to a PSTN number in
 * this service or in any service its workflows transfer to, or a member of one of them transferring the call
 * by hand while the first-service rule also covers manual transfers (XFER-03, behavior OQ14).
 */
interface PstnTransferStart {
  /** Services whose workflow transfers to a PSTN number. */
  byWorkflow: string[];
  /** Services whose members can transfer the call to a PSTN number by hand. */
  byUsers: string[];
}

function pstnTransferStarts(world: World, scenario: Scenario, first: string): PstnTransferStart {
  const byId = new Map(scenario.services.map((s) => [s.id, s]));
  const reached = new Set<string>();
  const queue = [first];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    const spec = byId.get(id);
    if (reached.has(id) || spec === undefined) continue;
    reached.add(id);
    for (const item of spec.workflow) if (typeof item !== 'string' && 'service' in item.to) queue.push(item.to.service);
  }
  const chain = [...reached].map((id) => byId.get(id)).filter((s) => s !== undefined);
  const manual = world.tenant.behavior.firstServiceRuleForManualTransfers;
  return {
    byWorkflow: chain.filter((s) => s.workflow.some((w) => typeof w !== 'string' && 'pstn' in w.to)).map((s) => s.id),
    byUsers: manual ? chain.filter((s) => s.members.length > 0).map((s) => s.id) : [],
  };
}

const listed = (ids: readonly string[]): string => ids.map((id) => `service ${id}`).join(', ');

/**
 * First-level services are the services customers can call (inbound on). XFER-02/03: every PSTN transfer of a
 * call that starts here uses this service's license, whichever service transfers it later. Only where such a
 * transfer can start (see {@link pstnTransferStarts}): a service whose calls can never reach a PSTN transfer
 * needs no PSTN license, and a warning there would teach support engineers to ignore the lint.
 */
function firstLevelPstn({ world, scenario, targetedServices }: LintContext, service: ServiceFacts): LintFinding | undefined {
  if (!service.modalities.inbound) return undefined;
  const transfer = rules.servicePstnLicense({ tenant: world.tenant, service, purpose: 'transfer' });
  if (transfer.verdict) return undefined;
  const starts = pstnTransferStarts(world, scenario, service.id);
  if (starts.byWorkflow.length === 0 && starts.byUsers.length === 0) return undefined;
  const how = [
    ...(starts.byWorkflow.length > 0 ? [`the workflow of ${listed(starts.byWorkflow)} transfers to a PSTN number`] : []),
    ...(starts.byUsers.length > 0 ? [`members of ${listed(starts.byUsers)} can transfer to a PSTN number`] : []),
  ].join(', and ');
  const second = targetedServices.has(service.id);
  return {
    severity: 'error',
    subject: `service ${service.id}`,
    code: 'first-level-pstn',
    message: `${second ? 'receives calls directly (inbound on) and by transfer' : 'is a first-level service'} without a PSTN license, and ${how}: every PSTN transfer of a call that starts here fails, even from a licensed service later in the chain (${details(failed(transfer))})`,
    because: [...ids(failed(transfer)), 'XFER-02', 'XFER-03'],
    fix: pstnFix(world, service, 'transfer'),
    decision: transfer,
  };
}

/** LIC-04: Calling Plan services need a calling plan for anything that dials out. */
function callingPlan({ world }: LintContext, service: ServiceFacts): LintFinding | undefined {
  if (service.pstn?.connectivity !== 'Calling Plan') return undefined;
  const outbound = rules.servicePstnLicense({ tenant: world.tenant, service, purpose: 'outbound' });
  const plan = failed(outbound).filter((c) => c.rule === 'LIC-04' && /calling plan/i.test(c.detail) && !c.detail.includes(RESOURCE_ACCOUNT));
  if (plan.length === 0) return undefined;
  return {
    severity: 'error',
    subject: `service ${service.id}`,
    code: 'calling-plan',
    message: `is a Calling Plan service without a calling plan: outbound calls, Call on Behalf to PSTN and PSTN transfers fail (${details(plan)})`,
    because: ['LIC-04'],
    fix: callingPlanFix(service),
    decision: outbound,
  };
}

/** LIC-02/03/04: a resource account with a number but no license at all. */
function resourceAccountLicense(_ctx: LintContext, service: ServiceFacts): LintFinding | undefined {
  if (!(service.pstn || service.resourceAccount.upn) || service.resourceAccount.licenses.length > 0) return undefined;
  const callingPlanService = service.pstn?.connectivity === 'Calling Plan';
  return {
    severity: service.pstn ? 'error' : 'warning',
    subject: `service ${service.id}`,
    code: 'resource-account',
    message: `${account(service)} has no license${service.pstn ? ` although it holds PSTN number ${service.pstn.number}` : ''}: Nimbus reads PSTN licenses from the resource account`,
    because: callingPlanService ? ['LIC-02', 'LIC-04'] : ['LIC-02', 'LIC-03'],
    fix: `assign ${sku(RESOURCE_ACCOUNT)}${callingPlanService ? ` and ${sku(CALLING_PLAN)}` : ''} to ${account(service)}`,
  };
}

/** Call on Behalf: what keeps the button disabled for every member, whoever they are and whatever they do. */
function callOnBehalf({ world }: LintContext, service: ServiceFacts): LintFinding | undefined {
  const where = `service ${service.id}`;
  const button = idealMemberButton(world, service);
  const serviceLevel = failed(button).filter((c) => c.rule in COB_FIX);
  if (service.members.length === 0 && service.assignment !== 'None') serviceLevel.push({ rule: 'COB-10', passed: false, detail: `${where} has no members` });
  if (serviceLevel.length > 0) {
    return {
      severity: service.modalities.outbound ? 'warning' : 'info',
      subject: where,
      code: 'call-on-behalf',
      message: `Call on Behalf can never be enabled: ${details(serviceLevel)}`,
      because: ids(serviceLevel),
      fix: [...new Set(serviceLevel.map((c) => COB_FIX[c.rule] ?? `see ${c.rule}`))].join('; '),
      decision: button,
    };
  }
  if (service.pstn || !service.modalities.outbound) return undefined;
  return {
    severity: 'info',
    subject: where,
    code: 'dial-pad',
    message: 'has no PSTN number: the Call on Behalf dial pad is disabled, only UPN targets can be called',
    because: ['COB-06'],
    fix: `give service ${service.id} a PSTN number if its users should call external numbers`,
  };
}

/** The COB button of a member with nothing blocking (a stand-in member when the service has none). */
function idealMemberButton(world: World, service: ServiceFacts): Decision<boolean> {
  const probeId = service.members[0]?.user ?? '(any member)';
  return rules.callOnBehalfButton({
    tenant: world.tenant,
    service: service.members.length > 0 ? service : { ...service, members: [{ user: probeId, active: true, role: 'Agent' }] },
    user: idealMember(world, probeId),
    membership: { service: service.id, user: probeId, active: true, role: 'Agent' },
  });
}

/** LIC-05: agents and transfer targets need Teams Phone Standard. */
function userPhone({ world }: LintContext, id: string, upn: string, services: string[] | undefined): LintFinding | undefined {
  const user = world.userFacts(id);
  const d = services ? rules.agentCanHandleCalls({ user }) : rules.userTransferTarget({ tenant: world.tenant, targetUser: user });
  if (d.verdict) return undefined;
  return {
    severity: services ? 'error' : 'warning',
    subject: `user ${id}`,
    code: services ? 'agent-phone' : 'transfer-target-phone',
    message: services
      ? `is an agent of ${services.map((s) => `service ${s}`).join(', ')} without Teams Phone Standard: cannot handle calls, nor be a transfer or consultation target (${details(failed(d))})`
      : `cannot be an Attendant Console transfer or consultation target (${details(failed(d))})`,
    because: ['LIC-05'],
    fix: `assign ${sku('Teams Phone Standard')} (or a suite that includes it, e.g. ${sku('Microsoft 365 E5')}) to ${upn}`,
    decision: d,
  };
}

/** SVC-10: Skill-based / Contact Center distribution needs the Contact Center user license on members too. */
function memberNimbusLicense(world: World, user: string, service: string): LintFinding | undefined {
  const d = policy.isSelectable(world, user, service);
  const gate = failed(d).filter((c) => c.rule === 'SVC-10');
  if (gate.length === 0) return undefined;
  return {
    severity: 'error',
    subject: `user ${user}`,
    code: 'member-nimbus-license',
    message: `is a member of service ${service} but is never offered its calls: ${details(gate)}`,
    because: ['SVC-10', 'LIC-07'],
    fix: `give user ${user} a Nimbus Contact Center user license (nimbusLicense), or change service ${service}'s distribution`,
    decision: d,
  };
}

function consent({ world, scenario }: LintContext): LintFinding | undefined {
  if (world.tenant.consents.includes('User.Read.All') || !scenario.services.some((s) => s.modalities.outbound)) return undefined;
  return {
    severity: 'info',
    subject: 'tenant',
    code: 'consent',
    message: 'no admin consent for User.Read.All: the Call on Behalf dialog cannot search Microsoft 365 contacts',
    because: ['COB-14'],
    fix: 'grant admin consent for User.Read.All (tenant.consents)',
  };
}

export function formatLint(report: LintReport): string {
  const lines: string[] = [];
  for (const f of report.findings) {
    lines.push(`${f.severity.padEnd(7)}  ${f.subject}: ${f.message} [${f.because.join(', ')}]`);
    lines.push(`         fix: ${f.fix}`);
  }
  const { error, warning, info } = report.counts;
  lines.push(`${lines.length > 0 ? '\n' : ''}${error} error${error === 1 ? '' : 's'}, ${warning} warning${warning === 1 ? '' : 's'}, ${info} note${info === 1 ? '' : 's'}`);
  return `${lines.join('\n')}\n`;
}
