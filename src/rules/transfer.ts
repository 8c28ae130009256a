/**
 * Transfers between services and to users (XFER-01, XFER-04, MOD-01, LIC-05). PSTN transfers live in pstn.ts.
 */
import { grantsTeamsPhone } from '../domain/licenses.js';
import { DecisionBuilder, type Decision, type RuleId } from './decision.js';
import type { ServiceFacts, TenantFacts, UserFacts } from './facts.js';
import { licenseNames, listOrNone, refusal, svc, usr } from './common.js';

export const transferRules: readonly RuleId[] = ['XFER-01', 'XFER-04', 'MOD-01', 'LIC-05'];

export interface ServiceTransferArgs {
  tenant: TenantFacts;
  source: ServiceFacts;
  /** The target service, or undefined when no service with that id exists. */
  target: ServiceFacts | undefined;
  /** The id the transfer named, for the explanation when the target does not exist. */
  targetId?: string | undefined;
}

/**
 * XFER-01, XFER-04, MOD-01: may a call be transferred from `source` to the service `target`? Only the target's
 * existence is verified (no availability or opening-hours check), and no extra license is needed. The target
 * must still have a workflow for inbound Audio / Video (Inbound Conversations on), or nothing can accept it.
 */
export function serviceTransfer({ tenant, source, target, targetId }: ServiceTransferArgs): Decision<boolean> {
  const name = target?.id ?? targetId ?? '(unnamed)';
  const b = new DecisionBuilder('serviceTransfer', {
    source: source.id,
    target: target ? { id: target.id, license: target.license, inbound: target.modalities.inbound } : { id: name, exists: false },
    tenant: tenant.name,
  });
  b.note('XFER-01', `a transfer between Nimbus services needs no additional license (${svc(source)} is ${source.license}${target ? `, service ${target.id} is ${target.license}` : ''})`);
  const exists = b.check(
    'XFER-04',
    target !== undefined,
    target
      ? `service ${name} exists (availability and opening hours are not checked)`
      : `service ${name} does not exist; a transfer to a service only verifies that the target exists`,
  );
  if (exists && target) {
    b.check(
      'MOD-01',
      target.modalities.inbound,
      target.modalities.inbound
        ? `service ${name} has Inbound Conversations enabled, so its A/V workflow can accept the call`
        : `service ${name} has Inbound Conversations disabled: no A/V workflow can accept the call`,
    );
  }
  return b.done(
    `transfer from ${svc(source)} to service ${name} allowed; it counts as handled for ${svc(source)} once the target's workflow accepts`,
    refusal(`transfer from ${svc(source)} to service ${name} fails`, b),
  );
}

export interface UserTransferTargetArgs {
  tenant: TenantFacts;
  targetUser: UserFacts;
}

function teamsPhoneCheck(b: DecisionBuilder, user: UserFacts, role: string): boolean {
  const has = grantsTeamsPhone(user.licenses);
  return b.check(
    'LIC-05',
    has,
    `${usr(user)} ${has ? 'has' : 'lacks'} Teams Phone Standard (licenses: ${listOrNone(licenseNames(user.licenses))}), needed ${role}`,
  );
}

/** LIC-05: may this user be the target of a transfer or consultation? */
export function userTransferTarget({ targetUser }: UserTransferTargetArgs): Decision<boolean> {
  const b = new DecisionBuilder('userTransferTarget', { targetUser: { id: targetUser.id, licenses: licenseNames(targetUser.licenses) } });
  teamsPhoneCheck(b, targetUser, 'by transfer and consultation targets');
  return b.done(`${usr(targetUser)} can be a transfer or consultation target`, refusal(`${usr(targetUser)} cannot be a transfer or consultation target`, b));
}

/** LIC-05: may this user handle calls (be an agent)? */
export function agentCanHandleCalls({ user }: { user: UserFacts }): Decision<boolean> {
  const b = new DecisionBuilder('agentCanHandleCalls', { user: { id: user.id, licenses: licenseNames(user.licenses) } });
  teamsPhoneCheck(b, user, 'by users who handle calls');
  return b.done(`${usr(user)} can handle calls`, refusal(`${usr(user)} cannot handle calls`, b));
}
