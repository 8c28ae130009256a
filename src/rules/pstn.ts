/**
 * PSTN licensing of services (LIC-01..04, LIC-06) and the PSTN transfer chain (XFER-02, XFER-03, WF-06):
 * a PSTN transfer uses the license of the service that first answered the call, not the current one.
 */
import { CALLING_PLANS, findMicrosoftLicense } from '../domain/licenses.js';
import { DecisionBuilder, ruleCheck, valueDecision, type Decision, type RuleCheck, type RuleId, type Sentence } from './decision.js';
import type { ServiceFacts, TenantFacts } from './facts.js';
import { licenseNames, refusal, replay, svc } from './common.js';

export const pstnRules: readonly RuleId[] = ['LIC-01', 'LIC-02', 'LIC-03', 'LIC-04', 'LIC-06', 'XFER-02', 'XFER-03', 'WF-06'];

export type PstnPurpose = 'outbound' | 'transfer' | 'inbound';

const RESOURCE_ACCOUNT = 'Microsoft Teams Phone Resource Account';

const purposeText: Record<PstnPurpose, string> = {
  outbound: 'place outbound PSTN calls',
  transfer: 'transfer calls to PSTN numbers',
  inbound: 'receive PSTN calls',
};

export interface PstnLicenseEvaluation {
  licensed: boolean;
  /** What is missing, in words ("a PSTN number", "Microsoft Teams Phone Resource Account", "a calling plan"). */
  missing: string[];
  checks: RuleCheck[];
}

/**
 * LIC-01..04, LIC-06 as a list of checks. Calling Plan services need the resource account license, and a
 * calling plan for anything that dials out (outbound and transfer legs, LIC-04). Direct Routing and
 * Operator Connect need the resource account license (LIC-03), or with behavior.directRoutingLicensing =
 * legacyPhoneSystem the older wording: Microsoft 365 E1/E3 + Phone System, or Microsoft 365 E5 (LIC-06).
 */
export function evaluatePstnLicense(tenant: TenantFacts, service: ServiceFacts, purpose: PstnPurpose): PstnLicenseEvaluation {
  const checks: RuleCheck[] = [];
  const missing: string[] = [];
  const check = (rule: RuleId, passed: boolean, detail: Sentence, lacking?: string): boolean => {
    checks.push(ruleCheck(rule, passed, detail));
    if (!passed && lacking) missing.push(lacking);
    return passed;
  };
  const where = svc(service);
  const pstn = service.pstn;
  if (!pstn) {
    // Support reads this line first: say what the resource account holds, not only that the number is missing.
    const held = licenseNames(service.resourceAccount.licenses);
    const account = service.resourceAccount.upn ? ` (${service.resourceAccount.upn})` : '';
    check(
      'LIC-01',
      false,
      () => `${where} has no PSTN number and its resource account${account} holds no PSTN license (licenses: ${held.length > 0 ? held.join(', ') : 'none'}), so it is not licensed to ${purposeText[purpose]}`,
      'a PSTN number',
    );
    return { licensed: false, missing, checks };
  }
  check('LIC-01', true, `${where} has PSTN number ${pstn.number} (${pstn.connectivity})`);
  const held = licenseNames(service.resourceAccount.licenses);
  const account = service.resourceAccount.upn ? ` (${service.resourceAccount.upn})` : '';
  check('LIC-02', true, () => `PSTN licenses are read from ${where}'s resource account${account}: ${held.length > 0 ? held.join(', ') : 'no licenses'}`);
  const hasResourceAccount = held.includes(RESOURCE_ACCOUNT);

  if (pstn.connectivity === 'Calling Plan') {
    check(
      'LIC-04',
      hasResourceAccount,
      hasResourceAccount ? `${where} (Calling Plan) has ${RESOURCE_ACCOUNT}` : `${where} (Calling Plan) lacks ${RESOURCE_ACCOUNT}`,
      RESOURCE_ACCOUNT,
    );
    if (purpose === 'inbound') {
      checks.push({ rule: 'LIC-04', passed: true, detail: `the calling plan is needed only for outbound, not to ${purposeText[purpose]}` });
    } else {
      const plan = held.find((l) => CALLING_PLANS.some((p) => p === l));
      check(
        'LIC-04',
        plan !== undefined,
        plan !== undefined
          ? `${where} has calling plan ${plan}, needed to ${purposeText[purpose]}`
          : `${where} (Calling Plan) has no calling plan (Domestic, Domestic and International, or pay-as-you-go), needed to ${purposeText[purpose]}`,
        'a calling plan',
      );
    }
  } else if (tenant.behavior.directRoutingLicensing === 'legacyPhoneSystem') {
    const found = held.map((n) => findMicrosoftLicense(n)?.displayName ?? n);
    const e5 = found.includes('Microsoft 365 E5');
    const suite = found.includes('Office 365 E1') || found.includes('Microsoft 365 E3');
    const phone = found.includes('Teams Phone Standard');
    const ok = e5 || (suite && phone);
    check(
      'LIC-06',
      ok,
      ok
        ? `${where} (${pstn.connectivity}) has ${e5 ? 'Microsoft 365 E5' : 'Microsoft 365 E1/E3 + Phone System'} (behavior.directRoutingLicensing = legacyPhoneSystem)`
        : `${where} (${pstn.connectivity}) has neither Microsoft 365 E1/E3 + Phone System nor Microsoft 365 E5 (behavior.directRoutingLicensing = legacyPhoneSystem)`,
      'Microsoft 365 E1/E3 + Phone System or Microsoft 365 E5',
    );
  } else {
    check(
      'LIC-03',
      hasResourceAccount,
      `${where} (${pstn.connectivity}) ${hasResourceAccount ? 'has' : 'lacks'} ${RESOURCE_ACCOUNT} (behavior.directRoutingLicensing = resourceAccount)`,
      RESOURCE_ACCOUNT,
    );
  }
  return { licensed: checks.every((c) => c.passed), missing, checks };
}

export interface ServicePstnLicenseArgs {
  tenant: TenantFacts;
  service: ServiceFacts;
  purpose: PstnPurpose;
}

/** LIC-01..04, LIC-06: is the service licensed for this kind of PSTN use? */
export function servicePstnLicense({ tenant, service, purpose }: ServicePstnLicenseArgs): Decision<boolean> {
  const b = new DecisionBuilder('servicePstnLicense', {
    service: {
      id: service.id,
      pstnNumber: service.pstn?.number ?? null,
      connectivity: service.pstn?.connectivity ?? null,
      resourceAccountLicenses: licenseNames(service.resourceAccount.licenses),
    },
    purpose,
    directRoutingLicensing: tenant.behavior.directRoutingLicensing,
  });
  replay(b, evaluatePstnLicense(tenant, service, purpose).checks);
  const where = svc(service);
  return b.done(`${where} is licensed to ${purposeText[purpose]}`, refusal(`${where} is not licensed to ${purposeText[purpose]}`, b));
}

export interface PstnBindingArgs {
  /** The service that answered the call first; undefined when the current service is the first. */
  firstService?: ServiceFacts | undefined;
  currentService: ServiceFacts;
}

/** XFER-02: the service whose PSTN license a PSTN transfer of this call uses (its id). */
export function firstRespondingServiceBinding({ firstService, currentService }: PstnBindingArgs): Decision<string> {
  const first = firstService ?? currentService;
  const same = first.id === currentService.id;
  const detail = same
    ? `${svc(first)} answered the call first and is still the current service: its PSTN license is used`
    : `${svc(first)} answered the call first; the binding survives the transfer to ${svc(currentService)}, so ${svc(first)}'s PSTN license is used`;
  return valueDecision(
    'firstRespondingServiceBinding',
    first.id,
    ['XFER-02'],
    { firstService: first.id, currentService: currentService.id },
    [{ rule: 'XFER-02', passed: true, detail }],
    detail,
  );
}

export interface FirstResponseArgs {
  /** The service already bound as the call's first responder, or null while none answered yet. */
  firstRespondingService: string | null;
  /** The service whose workflow accepts (or that owns) the call now. */
  service: string;
}

/** XFER-02: does this service's answer bind the call's PSTN license? Only the first service that answers does. */
export function bindsPstnLicense({ firstRespondingService, service }: FirstResponseArgs): Decision<boolean> {
  const first = firstRespondingService === null;
  const b = new DecisionBuilder('bindsPstnLicense', { firstRespondingService, service });
  b.check(
    'XFER-02',
    first,
    first
      ? `service ${service} is the first to answer the call: its PSTN license is bound`
      : `service ${firstRespondingService} answered first: its PSTN license stays bound when service ${service} answers`,
  );
  return b.done(`service ${service} binds the call's PSTN license`, refusal(`service ${service} does not bind the call's PSTN license`, b));
}

export interface PstnTransferArgs {
  tenant: TenantFacts;
  firstService?: ServiceFacts | undefined;
  currentService: ServiceFacts;
  /** A Transfer workflow activity, or a user's manual (Attendant Console) transfer. */
  via: 'workflow' | 'manual';
  /**
   * Who transfers: a user (whose transfer may still take the workflow's path, `via: workflow`) or a service's
   * workflow Transfer activity. Named in the decision's inputs and sentences; unnamed when not given.
   */
  by?: TransferredBy | undefined;
}

export type TransferredBy = { user: string } | { workflowOf: string };

/** The transferring party in words: "user carl", "the workflow of service C". */
export const describeTransferredBy = (by: TransferredBy): string => ('user' in by ? `user ${by.user}` : `the workflow of service ${by.workflowOf}`);

/**
 * XFER-02, XFER-03, WF-06: may the current service transfer this call to a PSTN number? The license of the
 * first responding service decides; for manual transfers only while behavior.firstServiceRuleForManualTransfers
 * is on (open question 14), otherwise the current service's own license decides (LIC-02).
 */
export function pstnTransfer({ tenant, firstService, currentService, via, by }: PstnTransferArgs): Decision<boolean> {
  const first = firstService ?? currentService;
  const same = first.id === currentService.id;
  const setting = tenant.behavior.firstServiceRuleForManualTransfers;
  const firstRule = via === 'workflow' || setting;
  const b = new DecisionBuilder('pstnTransfer', {
    firstService: { id: first.id, pstnNumber: first.pstn?.number ?? null, connectivity: first.pstn?.connectivity ?? null, licenses: licenseNames(first.resourceAccount.licenses) },
    currentService: {
      id: currentService.id,
      pstnNumber: currentService.pstn?.number ?? null,
      connectivity: currentService.pstn?.connectivity ?? null,
      licenses: licenseNames(currentService.resourceAccount.licenses),
    },
    via,
    transferredBy: by ? describeTransferredBy(by) : null,
    firstServiceRuleForManualTransfers: setting,
    directRoutingLicensing: tenant.behavior.directRoutingLicensing,
  });
  const current = svc(currentService);
  const firstLabel = svc(first);
  const byWhom = by ? ` by ${describeTransferredBy(by)}` : '';

  if (!firstRule) {
    b.note('XFER-02', `behavior.firstServiceRuleForManualTransfers is false: for this manual transfer the current ${current}'s own PSTN license decides${same ? '' : `, not first ${firstLabel}'s`}`);
    replay(b, evaluatePstnLicense(tenant, currentService, 'transfer').checks);
    return b.done(`manual PSTN transfer${byWhom} from ${current} allowed on its own PSTN license`, refusal(`manual PSTN transfer${byWhom} from ${current} fails`, b));
  }

  const why = via === 'manual' ? ' (behavior.firstServiceRuleForManualTransfers is true)' : '';
  b.note(
    'XFER-02',
    same
      ? `${firstLabel} answered the call first and is the current service: its PSTN license is used${why}`
      : `${firstLabel} answered the call first; the PSTN transfer from ${current} uses ${firstLabel}'s PSTN license${why}`,
  );
  const lic = evaluatePstnLicense(tenant, first, 'transfer');
  replay(b, lic.checks);
  const cur = same ? lic : evaluatePstnLicense(tenant, currentService, 'transfer');
  const missing = lic.missing.join(' and ');
  b.check(
    'XFER-03',
    lic.licensed,
    lic.licensed
      ? `first ${firstLabel} holds the PSTN license for the transfer`
      : same
        ? `first ${firstLabel} has no PSTN license (missing ${missing}), so the PSTN transfer fails`
        : `first ${firstLabel} has no PSTN license (missing ${missing}), so the PSTN transfer from ${current} fails ${cur.licensed ? `even though ${current} is licensed` : `(${current} is not licensed either)`}`,
  );
  if (via === 'workflow' && !lic.licensed) {
    b.check('WF-06', false, `the workflow of ${current} leaves through the Exit announcement route; service session outcome "Transfer Failed"`);
  }
  return b.done(
    same ? `PSTN transfer${byWhom} from ${current} allowed on its PSTN license` : `PSTN transfer${byWhom} from ${current} allowed on first ${firstLabel}'s PSTN license`,
    refusal(`PSTN transfer${byWhom} from ${current} fails`, b),
  );
}
