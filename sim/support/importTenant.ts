/**
 * `nimbus-sim import`: turns what a customer can export into a scenario tenant fragment.
 *
 * Inputs (any subset; what is missing is reported, never guessed silently):
 * - Graph: `GET /users?$select=id,displayName,userPrincipalName,assignedLicenses` (`users.json`),
 *   `GET /subscribedSkus` (`subscribedSkus.json`), `GET /users/{id}/licenseDetails` (`licenseDetails.json` keyed
 *   by user id or UPN, or a folder `licenseDetails/<upn or id>.json`), presence (`presence.json`: the answer of
 *   `POST /communications/getPresencesByUserId`, or a list of presence objects with `id`).
 * - Teams PowerShell, `ConvertTo-Json` output: `Get-CsOnlineUser.json`, `Get-CsOnlineApplicationInstance.json`,
 *   `Get-CsPhoneNumberAssignment.json` with their real field names.
 * - A service sheet (`services.csv` or `services.yaml`): service, license, assignment, inbound, outbound,
 *   members (UPNs separated by `;`), resourceAccount (UPN), nimbusLicense (the Nimbus user license its members
 *   hold: Contact Center, Attendant Console or Assistant; Nimbus data no Microsoft export has), workflow (the
 *   A/V workflow's activities separated by `;`, with `Transfer: <service name or E.164>`).
 *
 * Output: `{ tenant, services, users }` ready to be written as a fragment (`_tenant.yaml`) that scenarios
 * `extends`, plus findings: what was missing or odd.
 */
import { canonicalEnum, Activity, AssignmentType, Availability, PstnConnectivity, ServiceLicenseTier, WorkflowActivity } from '../../src/domain/enums.js';
import { findMicrosoftLicense } from '../../src/domain/licenses.js';
import { Redactor } from './redact.js';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonMap = { [key: string]: Json };

export interface ExportSources {
  graphUsers?: Json;
  subscribedSkus?: Json;
  /** Keyed by user id or UPN, each a Graph `licenseDetails` answer (`{ value: [...] }` or the array). */
  licenseDetails?: Record<string, Json>;
  presence?: Json;
  csOnlineUser?: Json;
  csApplicationInstance?: Json;
  csPhoneNumberAssignment?: Json;
  serviceSheet?: ServiceSheetRow[];
}

export interface ServiceSheetRow {
  service: string;
  license?: string;
  assignment?: string;
  inbound?: string | boolean;
  outbound?: string | boolean;
  members?: string | string[];
  resourceAccount?: string;
  /** Nimbus user license(s) the members hold (not in any Microsoft export), e.g. `Contact Center`. */
  nimbusLicense?: string;
  /**
   * The A/V workflow's activities in order, separated by `;`: `Accept; Announcement; Queue`, or a first-level
   * service that hands every call on, `Accept; Transfer: Escalation` (a service name or an E.164 number).
   */
  workflow?: string;
}

export interface ImportFinding {
  kind: 'missing' | 'odd';
  subject: string;
  message: string;
}

export interface ImportOptions {
  redact?: boolean;
  tenantName?: string;
}

export interface ImportedTenant {
  tenant: { name: string; domains: string[] };
  services: Record<string, unknown>[];
  users: Record<string, unknown>[];
}

export interface ImportResult {
  tenant: ImportedTenant;
  findings: ImportFinding[];
  /** Pseudonym table when redacting is off: which original UPN became which scenario id (for the engineer). */
  ids: { users: Record<string, string>; services: Record<string, string> };
}

const isMap = (v: Json | undefined): v is JsonMap => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: Json | undefined): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
/** Graph answers wrap lists in `value`; PowerShell's ConvertTo-Json gives one object for a single result. */
const list = (v: Json | undefined): JsonMap[] => {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v.filter(isMap);
  if (isMap(v) && Array.isArray(v['value'])) return v['value'].filter(isMap);
  return isMap(v) ? [v] : [];
};
const lower = (s: string): string => s.toLowerCase();
const telToE164 = (raw: string | undefined): string | undefined => {
  if (!raw) return undefined;
  const s = raw.replace(/^tel:/i, '').split(';')[0]?.replace(/[\s()-]/g, '') ?? '';
  return /^\+[1-9]\d{6,14}$/.test(s) ? s : undefined;
};
const truthy = (v: string | boolean | undefined, dflt: boolean): boolean => {
  if (v === undefined || v === '') return dflt;
  if (typeof v === 'boolean') return v;
  return /^(true|yes|y|1|on|x)$/i.test(v.trim());
};

/** `NumberType` of Get-CsPhoneNumberAssignment to the scenario's connectivity. */
const NUMBER_TYPES: Record<string, PstnConnectivity> = {
  directrouting: 'Direct Routing',
  callingplan: 'Calling Plan',
  operatorconnect: 'Operator Connect',
  ocmobile: 'Operator Connect',
};

/** A scenario id from a UPN or name: letters, digits, `.`, `-`, `_`, starting with a letter or digit. */
function slug(raw: string): string {
  const s = raw.replace(/@.*$/, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').replace(/-+$/, '');
  return s === '' ? 'x' : s;
}

export function importTenant(src: ExportSources, opts: ImportOptions = {}): ImportResult {
  const findings: ImportFinding[] = [];
  const missing = (subject: string, message: string) => findings.push({ kind: 'missing', subject, message });
  const odd = (subject: string, message: string) => findings.push({ kind: 'odd', subject, message });
  const r = new Redactor(opts.redact ?? false);

  // --- directory -------------------------------------------------------------------------------------
  const graphUsers = list(src.graphUsers);
  const csUsers = list(src.csOnlineUser);
  const appInstances = list(src.csApplicationInstance);
  const numbers = list(src.csPhoneNumberAssignment);
  if (graphUsers.length === 0) missing('users', 'no Graph users export (users.json): user licenses come only from licenseDetails');
  if (src.subscribedSkus === undefined) missing('subscribedSkus', 'no subscribedSkus export: assignedLicenses skuIds are resolved only against the SKUs nimbus-sim knows');
  if (csUsers.length === 0) missing('Get-CsOnlineUser', 'no Get-CsOnlineUser export: resource accounts are recognised only through Get-CsOnlineApplicationInstance');
  if (appInstances.length === 0) missing('Get-CsOnlineApplicationInstance', 'no Get-CsOnlineApplicationInstance export: resource accounts have no phone numbers unless Get-CsPhoneNumberAssignment names them');
  if (numbers.length === 0) missing('Get-CsPhoneNumberAssignment', 'no Get-CsPhoneNumberAssignment export: connectivity (Direct Routing, Calling Plan, Operator Connect) cannot be known and defaults to Direct Routing');
  if (!src.serviceSheet || src.serviceSheet.length === 0) missing('services', 'no service sheet (services.csv / services.yaml): the tenant has users but no services');

  interface Person {
    id?: string;
    upn: string;
    displayName?: string;
    assigned: { skuId: string; disabledPlans: string[] }[];
  }
  const people = new Map<string, Person>(); // by lower-case UPN
  const byObjectId = new Map<string, string>(); // object id -> lower UPN
  for (const u of graphUsers) {
    const upn = str(u['userPrincipalName']);
    if (!upn) {
      odd('users', `a user without userPrincipalName (id ${str(u['id']) ?? '?'}) was skipped`);
      continue;
    }
    const assigned = list(u['assignedLicenses']).map((a) => ({
      skuId: lower(str(a['skuId']) ?? ''),
      disabledPlans: Array.isArray(a['disabledPlans']) ? a['disabledPlans'].filter((p): p is string => typeof p === 'string') : [],
    }));
    const id = str(u['id']);
    const name = str(u['displayName']);
    people.set(lower(upn), { ...(id ? { id } : {}), upn, ...(name ? { displayName: name } : {}), assigned });
    if (id) byObjectId.set(lower(id), lower(upn));
  }
  for (const c of csUsers) {
    const upn = str(c['UserPrincipalName']);
    const id = str(c['Identity']) ?? str(c['ObjectId']);
    if (upn && id && !byObjectId.has(lower(id))) byObjectId.set(lower(id), lower(upn));
    if (upn && !people.has(lower(upn))) {
      const name = str(c['DisplayName']);
      people.set(lower(upn), { ...(id ? { id } : {}), upn, ...(name ? { displayName: name } : {}), assigned: [] });
      if (graphUsers.length > 0) odd(r.upn(upn), 'is in Get-CsOnlineUser but not in the Graph users export');
    }
  }
  const resourceAccounts = new Set<string>();
  for (const a of appInstances) {
    const upn = str(a['UserPrincipalName']);
    if (!upn) continue;
    resourceAccounts.add(lower(upn));
    const id = str(a['ObjectId']);
    if (id) byObjectId.set(lower(id), lower(upn));
    if (!people.has(lower(upn))) {
      const name = str(a['DisplayName']);
      people.set(lower(upn), { ...(id ? { id } : {}), upn, ...(name ? { displayName: name } : {}), assigned: [] });
    }
  }
  for (const c of csUsers) {
    const upn = str(c['UserPrincipalName']);
    if (upn && /resourceaccount/i.test(str(c['AccountType']) ?? '')) resourceAccounts.add(lower(upn));
  }

  // --- licenses --------------------------------------------------------------------------------------
  const skuPart = new Map<string, string>();
  for (const s of list(src.subscribedSkus)) {
    const id = str(s['skuId']);
    const part = str(s['skuPartNumber']);
    if (id && part) skuPart.set(lower(id), part);
  }
  const details = new Map<string, JsonMap[]>(); // lower UPN -> licenseDetails entries
  for (const [key, value] of Object.entries(src.licenseDetails ?? {})) {
    const upn = key.includes('@') ? lower(key) : byObjectId.get(lower(key));
    if (!upn) {
      odd(`licenseDetails/${key.includes("@") ? r.upn(key) : key}`, 'names no known user (neither a UPN nor an object id of the exports)');
      continue;
    }
    details.set(upn, list(value));
  }
  const unknownSkus = new Set<string>();
  /** Licenses of one account as scenario license names (display names), with where they came from. */
  const licensesOf = (p: Person): string[] => {
    const names: string[] = [];
    const add = (raw: string, what: string) => {
      const lic = findMicrosoftLicense(raw);
      if (lic) names.push(lic.displayName);
      else if (!unknownSkus.has(raw)) {
        unknownSkus.add(raw);
        odd(`SKU ${raw}`, `${what} is not a license Nimbus rules look at; ignored`);
      }
    };
    const d = details.get(lower(p.upn));
    if (d) {
      for (const e of d) add(str(e['skuPartNumber']) ?? str(e['skuId']) ?? '?', `licenseDetails of ${r.upn(p.upn)}: ${str(e['skuPartNumber']) ?? str(e['skuId'])}`);
      const fromAssigned = new Set(p.assigned.map((a) => a.skuId));
      const fromDetails = new Set(d.map((e) => lower(str(e['skuId']) ?? '')));
      if (p.assigned.length > 0 && [...fromAssigned].some((s) => !fromDetails.has(s))) {
        odd(r.upn(p.upn), 'assignedLicenses and licenseDetails disagree; licenseDetails (what Nimbus reads) was used');
      }
    } else {
      for (const a of p.assigned) {
        const part = skuPart.get(a.skuId);
        add(part ?? a.skuId, `assigned skuId ${a.skuId}${part ? ` (${part})` : ''} of ${r.upn(p.upn)}`);
      }
    }
    for (const a of p.assigned) {
      if (a.disabledPlans.length > 0) odd(r.upn(p.upn), `license ${skuPart.get(a.skuId) ?? a.skuId} has ${a.disabledPlans.length} disabled service plan(s); if MCOEV is among them the user has no Teams Phone`);
    }
    return [...new Set(names)];
  };

  // --- phone numbers ---------------------------------------------------------------------------------
  const numberOf = new Map<string, { number: string; connectivity?: PstnConnectivity }>(); // lower UPN
  for (const n of numbers) {
    const number = telToE164(str(n['TelephoneNumber']));
    const target = str(n['AssignedPstnTargetId']);
    if (!number || !target) continue;
    const upn = byObjectId.get(lower(target));
    if (!upn) {
      odd(`number ${r.phone(number)}`, `assigned to object ${target}, which no export names`);
      continue;
    }
    const type = NUMBER_TYPES[lower(str(n['NumberType']) ?? '').replace(/[\s_-]/g, '')];
    if (!type) odd(`number ${r.phone(number)}`, `NumberType "${str(n['NumberType']) ?? ''}" is unknown; Direct Routing assumed`);
    if (str(n['ActivationState']) && !/^activated$/i.test(str(n['ActivationState']) ?? '')) odd(`number ${r.phone(number)}`, `ActivationState is ${str(n['ActivationState'])}`);
    numberOf.set(upn, { number, ...(type ? { connectivity: type } : {}) });
  }
  for (const a of appInstances) {
    const upn = str(a['UserPrincipalName']);
    const number = telToE164(str(a['PhoneNumber']));
    if (!upn || !number) continue;
    const known = numberOf.get(lower(upn));
    if (!known) {
      numberOf.set(lower(upn), { number });
      if (numbers.length > 0) odd(r.upn(upn), `has PhoneNumber ${r.phone(number)} in Get-CsOnlineApplicationInstance but no Get-CsPhoneNumberAssignment record; connectivity unknown, Direct Routing assumed`);
    } else if (known.number !== number) {
      odd(r.upn(upn), `Get-CsOnlineApplicationInstance says ${r.phone(number)}, Get-CsPhoneNumberAssignment says ${r.phone(known.number)}; the assignment was used`);
    }
  }

  // --- presence --------------------------------------------------------------------------------------
  const presenceOf = new Map<string, { availability: Availability; activity?: Activity }>();
  for (const p of list(src.presence)) {
    const id = str(p['id']);
    const upn = id ? byObjectId.get(lower(id)) : undefined;
    if (!upn) continue;
    const availability = canonicalEnum(Availability, str(p['availability']) ?? '');
    const activity = canonicalEnum(Activity, str(p['activity']) ?? '');
    if (!availability) {
      odd(r.upn(upn), `presence availability "${str(p['availability']) ?? ''}" is unknown; Available assumed`);
      continue;
    }
    presenceOf.set(upn, { availability, ...(activity ? { activity } : {}) });
  }

  // --- services --------------------------------------------------------------------------------------
  const ids = { users: {} as Record<string, string>, services: {} as Record<string, string> };
  const takenIds = new Set<string>();
  const uniqueId = (base: string): string => {
    let id = base;
    for (let n = 2; takenIds.has(lower(id)); n++) id = `${base}-${n}`;
    takenIds.add(lower(id));
    return id;
  };
  const userIdOf = new Map<string, string>();
  const userId = (upn: string): string => {
    const key = lower(upn);
    let id = userIdOf.get(key);
    if (!id) {
      id = uniqueId(slug(r.upn(upn)));
      userIdOf.set(key, id);
      ids.users[r.upn(upn)] = id;
    }
    return id;
  };

  const services: Record<string, unknown>[] = [];
  const members = new Set<string>();
  const nimbusOf = new Map<string, Set<string>>(); // lower UPN -> Nimbus user licenses
  const usedAccounts = new Set<string>();
  const workflows: { service: Record<string, unknown>; where: string; text: string }[] = [];
  for (const row of src.serviceSheet ?? []) {
    const name = row.service.trim();
    const id = uniqueId(slug(r.name(name, 'service').replace(/\s+/g, '-')));
    ids.services[r.name(name, 'service')] = id;
    const where = `service ${r.name(name, 'service')}`;
    const license = canonicalEnum(ServiceLicenseTier, row.license ?? '');
    if (!license) odd(where, `license tier "${row.license ?? ''}" is not Advanced Routing, Enterprise Routing or Contact Center; Enterprise Routing assumed`);
    const assignment = canonicalEnum(AssignmentType, row.assignment ?? '');
    if (!assignment) odd(where, `assignment type "${row.assignment ?? ''}" is not MS Teams-based, Skill-based or None; MS Teams-based assumed`);
    const service: Record<string, unknown> = {
      id,
      ...(r.enabled ? {} : { name }),
      license: license ?? 'Enterprise Routing',
      assignment: assignment ?? 'MS Teams-based',
      modalities: { inbound: truthy(row.inbound, true), outbound: truthy(row.outbound, false) },
    };
    const raUpn = str(row.resourceAccount);
    if (!raUpn) {
      missing(where, 'no resource account in the service sheet: no PSTN number and no PSTN licenses (LIC-01, LIC-02)');
      service['resourceAccount'] = { licenses: [] };
    } else {
      const ra = people.get(lower(raUpn));
      usedAccounts.add(lower(raUpn));
      if (!ra) {
        missing(where, `resource account ${r.upn(raUpn)} is in none of the exports: no PSTN number and no licenses known`);
        service['resourceAccount'] = { upn: r.upn(raUpn), licenses: [] };
      } else {
        if (resourceAccounts.size > 0 && !resourceAccounts.has(lower(raUpn))) odd(where, `${r.upn(raUpn)} is not an application instance (resource account) in Get-CsOnlineApplicationInstance / Get-CsOnlineUser`);
        if (!details.has(lower(raUpn)) && ra.assigned.length === 0 && graphUsers.length === 0) missing(where, `no licenses known for resource account ${r.upn(raUpn)}`);
        const licenses = licensesOf(ra);
        const num = numberOf.get(lower(raUpn));
        if (num) service['pstn'] = { number: r.phone(num.number), connectivity: num.connectivity ?? 'Direct Routing' };
        service['resourceAccount'] = { upn: r.upn(raUpn), licenses };
        if (num && licenses.length === 0) odd(where, `resource account ${r.upn(raUpn)} has PSTN number ${r.phone(num.number)} but no license at all`);
      }
    }
    const memberList = (Array.isArray(row.members) ? row.members : (row.members ?? '').split(/[;,\s]+/)).map((m) => m.trim()).filter(Boolean);
    if (memberList.length === 0 && (assignment ?? 'MS Teams-based') !== 'None') odd(where, 'has no members in the service sheet');
    const memberIds: string[] = [];
    for (const m of memberList) {
      if (!people.has(lower(m))) {
        missing(where, `member ${r.upn(m)} is in none of the user exports; modelled without licenses`);
        people.set(lower(m), { upn: m, assigned: [] });
      }
      if (resourceAccounts.has(lower(m))) odd(where, `member ${r.upn(m)} is a resource account`);
      members.add(lower(m));
      memberIds.push(userId(m));
    }
    const nimbus = str(row.nimbusLicense);
    const nimbusCanonical = nimbus ? ['Contact Center', 'Attendant Console', 'Assistant'].find((n) => lower(n).replace(/\s/g, '') === lower(nimbus).replace(/[\s_-]/g, '')) : undefined;
    if (nimbus && !nimbusCanonical) odd(where, `nimbusLicense "${nimbus}" is not Contact Center, Attendant Console or Assistant; ignored`);
    if (nimbusCanonical) for (const m of memberList) nimbusOf.set(lower(m), new Set([...(nimbusOf.get(lower(m)) ?? []), nimbusCanonical]));
    else if ((license ?? '') === 'Contact Center' && (assignment ?? '') === 'Skill-based' && memberList.length > 0) {
      missing(where, 'is Skill-based Contact Center but the sheet gives no nimbusLicense for its members: they are modelled without a Contact Center user license and are never offered its calls (SVC-10, US-04)');
    }
    service['members'] = memberIds;
    services.push(service);
    const workflow = str(row.workflow);
    if (workflow) workflows.push({ service, where, text: workflow });
  }
  // Workflows last: a Transfer activity may name a service further down the sheet.
  for (const { service, where, text } of workflows) {
    const items: Json[] = [];
    for (const raw of text.split(/\s*;\s*/).filter(Boolean)) {
      const transfer = /^transfer\s*:\s*(.+)$/i.exec(raw);
      if (transfer) {
        const target = (transfer[1] ?? '').trim();
        const serviceId = ids.services[r.name(target, 'service')] ?? Object.entries(ids.services).find(([n]) => lower(n) === lower(r.name(target, 'service')))?.[1];
        if (serviceId) items.push({ Transfer: { to: { service: serviceId } } });
        else if (/^\+\d{7,15}$/.test(target.replace(/[\s()-]/g, ''))) items.push({ Transfer: { to: { pstn: r.phone(target.replace(/[\s()-]/g, '')) } } });
        else odd(where, `workflow Transfer target "${target}" is neither a service of the sheet nor an E.164 number; activity left out`);
        continue;
      }
      const activity = canonicalEnum(WorkflowActivity, raw);
      if (activity) items.push(activity);
      else odd(where, `workflow activity "${raw}" is not a Nimbus workflow activity; left out`);
    }
    if (items.length > 0) service['workflow'] = items;
  }

  // --- users: everyone who is not a resource account ------------------------------------------------
  const users: Record<string, unknown>[] = [];
  const sortedPeople = [...people.values()].filter((p) => !resourceAccounts.has(lower(p.upn)) && !usedAccounts.has(lower(p.upn)));
  for (const p of sortedPeople) {
    const id = userId(p.upn);
    const licenses = licensesOf(p);
    const presence = presenceOf.get(lower(p.upn));
    if (!presence && src.presence !== undefined && members.has(lower(p.upn))) missing(`user ${id}`, 'no presence in the presence export; Available assumed');
    const cs = csUsers.find((c) => lower(str(c['UserPrincipalName']) ?? '') === lower(p.upn));
    if (cs && cs['EnterpriseVoiceEnabled'] === false && members.has(lower(p.upn))) odd(`user ${id}`, 'EnterpriseVoiceEnabled is false in Get-CsOnlineUser: the agent cannot use PSTN features (LIC-05)');
    users.push({
      id,
      upn: r.upn(p.upn),
      ...(p.displayName ? { displayName: r.name(p.displayName, 'person') } : {}),
      licenses,
      ...(nimbusOf.has(lower(p.upn)) ? { nimbusLicense: [...(nimbusOf.get(lower(p.upn)) ?? [])].sort() } : {}),
      ...(presence ? { presence: presence.availability, ...(presence.activity ? { activity: presence.activity } : {}) } : {}),
    });
  }
  for (const upn of resourceAccounts) {
    if (!usedAccounts.has(upn)) odd(r.upn(upn), 'is a resource account that no service in the sheet uses');
  }

  const domains = [...new Set([...people.values()].map((p) => r.domain(p.upn.slice(p.upn.lastIndexOf('@') + 1))))].sort();
  const firstDomain = domains[0] ?? 'contoso.com';
  const tenantName = opts.tenantName ? r.name(opts.tenantName, 'tenant') : r.enabled ? r.name(firstDomain, 'tenant') : firstDomain.replace(/\..*$/, '').replace(/^./, (c) => c.toUpperCase());
  return { tenant: { tenant: { name: tenantName, domains }, services, users }, findings, ids };
}
