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

const OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A value from the exports as a finding quotes it. When redacting, free text is never quoted: a sheet with
 * shifted columns puts a member's name or number where a license tier belongs, and the finding about it
 * would carry it into the file meant for a ticket. Object ids (GUIDs) identify nobody outside the tenant.
 */
function quoted(r: Redactor, raw: string): string {
  if (!r.enabled || OBJECT_ID.test(raw)) return `"${raw}"`;
  return `(redacted text of ${[...raw].length} characters)`;
}

/** An object id or key as a finding's subject or text; see `quoted`. */
const objectKey = (r: Redactor, raw: string): string => (!r.enabled || OBJECT_ID.test(raw) ? raw : '(redacted)');

/** Where findings go: `missing` when an export or a field is absent, `odd` when the data looks wrong. */
interface Notes {
  missing(subject: string, message: string): void;
  odd(subject: string, message: string): void;
}

/** The export lists the import reads more than once. */
interface ExportLists {
  graphUsers: JsonMap[];
  csUsers: JsonMap[];
  appInstances: JsonMap[];
  numbers: JsonMap[];
}

interface Person {
  id?: string;
  upn: string;
  displayName?: string;
  assigned: { skuId: string; disabledPlans: string[] }[];
}

/** Every account the exports name, keyed by lower-case UPN, and which of them are resource accounts. */
interface Directory {
  people: Map<string, Person>;
  /** Object id (lower case) to lower-case UPN. */
  byObjectId: Map<string, string>;
  resourceAccounts: Set<string>;
}

const person = (upn: string, id: string | undefined, name: string | undefined, assigned: Person['assigned']): Person => ({
  ...(id ? { id } : {}),
  upn,
  ...(name ? { displayName: name } : {}),
  assigned,
});

export function importTenant(src: ExportSources, opts: ImportOptions = {}): ImportResult {
  const findings: ImportFinding[] = [];
  const notes: Notes = {
    missing: (subject, message) => findings.push({ kind: 'missing', subject, message }),
    odd: (subject, message) => findings.push({ kind: 'odd', subject, message }),
  };
  const r = new Redactor(opts.redact ?? false);
  const x: ExportLists = {
    graphUsers: list(src.graphUsers),
    csUsers: list(src.csOnlineUser),
    appInstances: list(src.csApplicationInstance),
    numbers: list(src.csPhoneNumberAssignment),
  };
  noteMissingExports(src, x, notes);
  const dir = readDirectory(x, notes, r);
  const licenses = new LicenseReader(readSkuParts(src), readLicenseDetails(src, dir, notes, r), notes, r);
  const numberOf = readNumbers(x, dir, notes, r);
  const presenceOf = readPresence(src, dir, notes, r);
  const ids = new ScenarioIds(r);
  const sheet = readServiceSheet(src.serviceSheet ?? [], { x, dir, licenses, numberOf, ids, notes, r });
  const users = buildUsers({ src, x, dir, licenses, presenceOf, ids, sheet, notes, r });
  for (const upn of dir.resourceAccounts) {
    if (!sheet.usedAccounts.has(upn)) notes.odd(r.upn(upn), 'is a resource account that no service in the sheet uses');
  }
  const domains = [...new Set([...dir.people.values()].map((p) => r.domain(p.upn.slice(p.upn.lastIndexOf('@') + 1))))].sort();
  const tenant = { name: tenantName(domains, opts, r), domains };
  return { tenant: { tenant, services: sheet.services, users }, findings, ids: ids.table };
}

function tenantName(domains: string[], opts: ImportOptions, r: Redactor): string {
  const firstDomain = domains[0] ?? 'contoso.com';
  if (opts.tenantName) return r.name(opts.tenantName, 'tenant');
  return r.enabled ? r.name(firstDomain, 'tenant') : firstDomain.replace(/\..*$/, '').replace(/^./, (c) => c.toUpperCase());
}

function noteMissingExports(src: ExportSources, x: ExportLists, notes: Notes): void {
  if (x.graphUsers.length === 0) notes.missing('users', 'no Graph users export (users.json): user licenses come only from licenseDetails');
  if (src.subscribedSkus === undefined) notes.missing('subscribedSkus', 'no subscribedSkus export: assignedLicenses skuIds are resolved only against the SKUs nimbus-sim knows');
  if (x.csUsers.length === 0) notes.missing('Get-CsOnlineUser', 'no Get-CsOnlineUser export: resource accounts are recognised only through Get-CsOnlineApplicationInstance');
  if (x.appInstances.length === 0) notes.missing('Get-CsOnlineApplicationInstance', 'no Get-CsOnlineApplicationInstance export: resource accounts have no phone numbers unless Get-CsPhoneNumberAssignment names them');
  if (x.numbers.length === 0) notes.missing('Get-CsPhoneNumberAssignment', 'no Get-CsPhoneNumberAssignment export: connectivity (Direct Routing, Calling Plan, Operator Connect) cannot be known and defaults to Direct Routing');
  if (!src.serviceSheet || src.serviceSheet.length === 0) notes.missing('services', 'no service sheet (services.csv / services.yaml): the tenant has users but no services');
}

// --- directory -----------------------------------------------------------------------------------------

function readDirectory(x: ExportLists, notes: Notes, r: Redactor): Directory {
  const dir: Directory = { people: new Map(), byObjectId: new Map(), resourceAccounts: new Set() };
  addGraphUsers(dir, x.graphUsers, notes, r);
  addCsUsers(dir, x, notes, r);
  addApplicationInstances(dir, x.appInstances);
  for (const c of x.csUsers) {
    const upn = str(c['UserPrincipalName']);
    if (upn && /resourceaccount/i.test(str(c['AccountType']) ?? '')) dir.resourceAccounts.add(lower(upn));
  }
  return dir;
}

function addGraphUsers(dir: Directory, graphUsers: JsonMap[], notes: Notes, r: Redactor): void {
  for (const u of graphUsers) {
    const upn = str(u['userPrincipalName']);
    if (!upn) {
      notes.odd('users', `a user without userPrincipalName (id ${objectKey(r, str(u['id']) ?? '?')}) was skipped`);
      continue;
    }
    const assigned = list(u['assignedLicenses']).map((a) => ({
      skuId: lower(str(a['skuId']) ?? ''),
      disabledPlans: Array.isArray(a['disabledPlans']) ? a['disabledPlans'].filter((p): p is string => typeof p === 'string') : [],
    }));
    const id = str(u['id']);
    dir.people.set(lower(upn), person(upn, id, str(u['displayName']), assigned));
    if (id) dir.byObjectId.set(lower(id), lower(upn));
  }
}

function addCsUsers(dir: Directory, x: ExportLists, notes: Notes, r: Redactor): void {
  for (const c of x.csUsers) {
    const upn = str(c['UserPrincipalName']);
    const id = str(c['Identity']) ?? str(c['ObjectId']);
    if (upn && id && !dir.byObjectId.has(lower(id))) dir.byObjectId.set(lower(id), lower(upn));
    if (upn && !dir.people.has(lower(upn))) {
      dir.people.set(lower(upn), person(upn, id, str(c['DisplayName']), []));
      if (x.graphUsers.length > 0) notes.odd(r.upn(upn), 'is in Get-CsOnlineUser but not in the Graph users export');
    }
  }
}

function addApplicationInstances(dir: Directory, appInstances: JsonMap[]): void {
  for (const a of appInstances) {
    const upn = str(a['UserPrincipalName']);
    if (!upn) continue;
    dir.resourceAccounts.add(lower(upn));
    const id = str(a['ObjectId']);
    if (id) dir.byObjectId.set(lower(id), lower(upn));
    if (!dir.people.has(lower(upn))) dir.people.set(lower(upn), person(upn, id, str(a['DisplayName']), []));
  }
}

// --- licenses ------------------------------------------------------------------------------------------

function readSkuParts(src: ExportSources): Map<string, string> {
  const skuPart = new Map<string, string>();
  for (const s of list(src.subscribedSkus)) {
    const id = str(s['skuId']);
    const part = str(s['skuPartNumber']);
    if (id && part) skuPart.set(lower(id), part);
  }
  return skuPart;
}

/** licenseDetails entries by lower-case UPN, whether the export keyed them by UPN or by object id. */
function readLicenseDetails(src: ExportSources, dir: Directory, notes: Notes, r: Redactor): Map<string, JsonMap[]> {
  const details = new Map<string, JsonMap[]>();
  for (const [key, value] of Object.entries(src.licenseDetails ?? {})) {
    const upn = key.includes('@') ? lower(key) : dir.byObjectId.get(lower(key));
    if (!upn) {
      notes.odd(`licenseDetails/${key.includes('@') ? r.upn(key) : objectKey(r, key)}`, 'names no known user (neither a UPN nor an object id of the exports)');
      continue;
    }
    details.set(upn, list(value));
  }
  return details;
}

/** Licenses of one account as scenario license names (display names); an unknown SKU is noted once. */
class LicenseReader {
  private readonly unknownSkus = new Set<string>();

  constructor(
    private readonly skuPart: ReadonlyMap<string, string>,
    readonly details: ReadonlyMap<string, JsonMap[]>,
    private readonly notes: Notes,
    private readonly r: Redactor,
  ) {}

  licensesOf(p: Person): string[] {
    const names: string[] = [];
    const d = this.details.get(lower(p.upn));
    if (d) this.fromDetails(p, d, names);
    else this.fromAssigned(p, names);
    for (const a of p.assigned) {
      if (a.disabledPlans.length > 0) this.notes.odd(this.r.upn(p.upn), `license ${this.skuPart.get(a.skuId) ?? a.skuId} has ${a.disabledPlans.length} disabled service plan(s); if MCOEV is among them the user has no Teams Phone`);
    }
    return [...new Set(names)];
  }

  /** licenseDetails is what Nimbus reads, so it wins over assignedLicenses. */
  private fromDetails(p: Person, d: JsonMap[], names: string[]): void {
    for (const e of d) this.add(names, str(e['skuPartNumber']) ?? str(e['skuId']) ?? '?', `licenseDetails of ${this.r.upn(p.upn)}: ${str(e['skuPartNumber']) ?? str(e['skuId'])}`);
    const fromAssigned = new Set(p.assigned.map((a) => a.skuId));
    const fromDetails = new Set(d.map((e) => lower(str(e['skuId']) ?? '')));
    if (p.assigned.length > 0 && [...fromAssigned].some((s) => !fromDetails.has(s))) {
      this.notes.odd(this.r.upn(p.upn), 'assignedLicenses and licenseDetails disagree; licenseDetails (what Nimbus reads) was used');
    }
  }

  private fromAssigned(p: Person, names: string[]): void {
    for (const a of p.assigned) {
      const part = this.skuPart.get(a.skuId);
      this.add(names, part ?? a.skuId, `assigned skuId ${a.skuId}${part ? ` (${part})` : ''} of ${this.r.upn(p.upn)}`);
    }
  }

  private add(names: string[], raw: string, what: string): void {
    const lic = findMicrosoftLicense(raw);
    if (lic) names.push(lic.displayName);
    else if (!this.unknownSkus.has(raw)) {
      this.unknownSkus.add(raw);
      this.notes.odd(`SKU ${raw}`, `${what} is not a license Nimbus rules look at; ignored`);
    }
  }
}

// --- phone numbers -------------------------------------------------------------------------------------

type NumberOf = Map<string, { number: string; connectivity?: PstnConnectivity }>;

/** Phone numbers by lower-case UPN: Get-CsPhoneNumberAssignment first, then the application instances' own. */
function readNumbers(x: ExportLists, dir: Directory, notes: Notes, r: Redactor): NumberOf {
  const numberOf: NumberOf = new Map();
  for (const n of x.numbers) {
    const number = telToE164(str(n['TelephoneNumber']));
    const target = str(n['AssignedPstnTargetId']);
    if (!number || !target) continue;
    const upn = dir.byObjectId.get(lower(target));
    if (!upn) {
      notes.odd(`number ${r.phone(number)}`, `assigned to object ${objectKey(r, target)}, which no export names`);
      continue;
    }
    const type = NUMBER_TYPES[lower(str(n['NumberType']) ?? '').replace(/[\s_-]/g, '')];
    if (!type) notes.odd(`number ${r.phone(number)}`, `NumberType ${quoted(r, str(n['NumberType']) ?? '')} is unknown; Direct Routing assumed`);
    if (str(n['ActivationState']) && !/^activated$/i.test(str(n['ActivationState']) ?? '')) notes.odd(`number ${r.phone(number)}`, `ActivationState is ${quoted(r, str(n['ActivationState']) ?? '')}`);
    numberOf.set(upn, { number, ...(type ? { connectivity: type } : {}) });
  }
  addInstanceNumbers(numberOf, x, notes, r);
  return numberOf;
}

function addInstanceNumbers(numberOf: NumberOf, x: ExportLists, notes: Notes, r: Redactor): void {
  for (const a of x.appInstances) {
    const upn = str(a['UserPrincipalName']);
    const number = telToE164(str(a['PhoneNumber']));
    if (!upn || !number) continue;
    const known = numberOf.get(lower(upn));
    if (!known) {
      numberOf.set(lower(upn), { number });
      if (x.numbers.length > 0) notes.odd(r.upn(upn), `has PhoneNumber ${r.phone(number)} in Get-CsOnlineApplicationInstance but no Get-CsPhoneNumberAssignment record; connectivity unknown, Direct Routing assumed`);
    } else if (known.number !== number) {
      notes.odd(r.upn(upn), `Get-CsOnlineApplicationInstance says ${r.phone(number)}, Get-CsPhoneNumberAssignment says ${r.phone(known.number)}; the assignment was used`);
    }
  }
}

// --- presence ------------------------------------------------------------------------------------------

type PresenceOf = Map<string, { availability: Availability; activity?: Activity }>;

function readPresence(src: ExportSources, dir: Directory, notes: Notes, r: Redactor): PresenceOf {
  const presenceOf: PresenceOf = new Map();
  for (const p of list(src.presence)) {
    const id = str(p['id']);
    const upn = id ? dir.byObjectId.get(lower(id)) : undefined;
    if (!upn) continue;
    const availability = canonicalEnum(Availability, str(p['availability']) ?? '');
    const activity = canonicalEnum(Activity, str(p['activity']) ?? '');
    if (!availability) {
      notes.odd(r.upn(upn), `presence availability ${quoted(r, str(p['availability']) ?? '')} is unknown; Available assumed`);
      continue;
    }
    presenceOf.set(upn, { availability, ...(activity ? { activity } : {}) });
  }
  return presenceOf;
}

// --- scenario ids --------------------------------------------------------------------------------------

/** Scenario ids for users and services, unique across both, and the table of which original became which. */
class ScenarioIds {
  readonly table = { users: {} as Record<string, string>, services: {} as Record<string, string> };
  private readonly taken = new Set<string>();
  private readonly userIdOf = new Map<string, string>();

  constructor(private readonly r: Redactor) {}

  unique(base: string): string {
    let id = base;
    for (let n = 2; this.taken.has(lower(id)); n++) id = `${base}-${n}`;
    this.taken.add(lower(id));
    return id;
  }

  user(upn: string): string {
    const key = lower(upn);
    let id = this.userIdOf.get(key);
    if (!id) {
      id = this.unique(slug(this.r.upn(upn)));
      this.userIdOf.set(key, id);
      this.table.users[this.r.upn(upn)] = id;
    }
    return id;
  }

  service(name: string): string {
    const id = this.unique(slug(this.r.name(name, 'service').replace(/\s+/g, '-')));
    this.table.services[this.r.name(name, 'service')] = id;
    return id;
  }

  /** The id of a service of the sheet by its name, exact first, then ignoring case. */
  serviceNamed(name: string): string | undefined {
    const key = this.r.name(name, 'service');
    return this.table.services[key] ?? Object.entries(this.table.services).find(([n]) => lower(n) === lower(key))?.[1];
  }
}

// --- services ------------------------------------------------------------------------------------------

interface SheetInput {
  x: ExportLists;
  dir: Directory;
  licenses: LicenseReader;
  numberOf: NumberOf;
  ids: ScenarioIds;
  notes: Notes;
  r: Redactor;
}

/** What the service sheet produced, and what the users step needs to know of it. */
interface Sheet {
  services: Record<string, unknown>[];
  /** Lower-case UPNs of every member of some service. */
  members: Set<string>;
  /** Lower-case UPN to the Nimbus user licenses the sheet gives its members. */
  nimbusOf: Map<string, Set<string>>;
  /** Lower-case UPNs of the resource accounts services use. */
  usedAccounts: Set<string>;
}

function readServiceSheet(rows: ServiceSheetRow[], input: SheetInput): Sheet {
  const sheet: Sheet = { services: [], members: new Set(), nimbusOf: new Map(), usedAccounts: new Set() };
  const workflows: { service: Record<string, unknown>; where: string; text: string }[] = [];
  for (const row of rows) {
    const { service, where } = readService(row, input, sheet);
    sheet.services.push(service);
    const workflow = str(row.workflow);
    if (workflow) workflows.push({ service, where, text: workflow });
  }
  // Workflows last: a Transfer activity may name a service further down the sheet.
  for (const { service, where, text } of workflows) {
    const items = workflowItems(text, where, input);
    if (items.length > 0) service['workflow'] = items;
  }
  return sheet;
}

function readService(row: ServiceSheetRow, input: SheetInput, sheet: Sheet): { service: Record<string, unknown>; where: string } {
  const { ids, notes, r } = input;
  const name = row.service.trim();
  const id = ids.service(name);
  const where = `service ${r.name(name, 'service')}`;
  const license = canonicalEnum(ServiceLicenseTier, row.license ?? '');
  if (!license) notes.odd(where, `license tier ${quoted(r, row.license ?? '')} is not Advanced Routing, Enterprise Routing or Contact Center; Enterprise Routing assumed`);
  const assignment = canonicalEnum(AssignmentType, row.assignment ?? '');
  if (!assignment) notes.odd(where, `assignment type ${quoted(r, row.assignment ?? '')} is not MS Teams-based, Skill-based or None; MS Teams-based assumed`);
  const service: Record<string, unknown> = {
    id,
    ...(r.enabled ? {} : { name }),
    license: license ?? 'Enterprise Routing',
    assignment: assignment ?? 'MS Teams-based',
    modalities: { inbound: truthy(row.inbound, true), outbound: truthy(row.outbound, false) },
  };
  addResourceAccount(service, str(row.resourceAccount), where, input, sheet);
  const memberList = (Array.isArray(row.members) ? row.members : (row.members ?? '').split(/[;,\s]+/)).map((m) => m.trim()).filter(Boolean);
  if (memberList.length === 0 && (assignment ?? 'MS Teams-based') !== 'None') notes.odd(where, 'has no members in the service sheet');
  service['members'] = memberIds(memberList, where, input, sheet);
  addNimbusLicenses(row, memberList, { license, assignment, where }, input, sheet);
  return { service, where };
}

/** The service's resource account: its licenses, and its PSTN number with connectivity. */
function addResourceAccount(service: Record<string, unknown>, raUpn: string | undefined, where: string, input: SheetInput, sheet: Sheet): void {
  const { x, dir, licenses, numberOf, notes, r } = input;
  if (!raUpn) {
    notes.missing(where, 'no resource account in the service sheet: no PSTN number and no PSTN licenses (LIC-01, LIC-02)');
    service['resourceAccount'] = { licenses: [] };
    return;
  }
  if (sheet.usedAccounts.has(lower(raUpn))) {
    // One resource account cannot front two services (its UPN and number would be claimed twice).
    notes.odd(where, `resource account ${r.upn(raUpn)} is already used by a service above it in the sheet; this service gets none`);
    service['resourceAccount'] = { licenses: [] };
    return;
  }
  const ra = dir.people.get(lower(raUpn));
  sheet.usedAccounts.add(lower(raUpn));
  if (!ra) {
    notes.missing(where, `resource account ${r.upn(raUpn)} is in none of the exports: no PSTN number and no licenses known`);
    service['resourceAccount'] = { upn: r.upn(raUpn), licenses: [] };
    return;
  }
  if (dir.resourceAccounts.size > 0 && !dir.resourceAccounts.has(lower(raUpn))) notes.odd(where, `${r.upn(raUpn)} is not an application instance (resource account) in Get-CsOnlineApplicationInstance / Get-CsOnlineUser`);
  if (!licenses.details.has(lower(raUpn)) && ra.assigned.length === 0 && x.graphUsers.length === 0) notes.missing(where, `no licenses known for resource account ${r.upn(raUpn)}`);
  const accountLicenses = licenses.licensesOf(ra);
  const num = numberOf.get(lower(raUpn));
  if (num) service['pstn'] = { number: r.phone(num.number), connectivity: num.connectivity ?? 'Direct Routing' };
  service['resourceAccount'] = { upn: r.upn(raUpn), licenses: accountLicenses };
  if (num && accountLicenses.length === 0) notes.odd(where, `resource account ${r.upn(raUpn)} has PSTN number ${r.phone(num.number)} but no license at all`);
}

/** Scenario ids of the members; a member no export names is still modelled, without licenses. */
function memberIds(memberList: string[], where: string, input: SheetInput, sheet: Sheet): string[] {
  const { dir, ids, notes, r } = input;
  const out: string[] = [];
  for (const m of memberList) {
    if (!dir.people.has(lower(m))) {
      notes.missing(where, `member ${r.upn(m)} is in none of the user exports; modelled without licenses`);
      dir.people.set(lower(m), { upn: m, assigned: [] });
    }
    if (dir.resourceAccounts.has(lower(m))) notes.odd(where, `member ${r.upn(m)} is a resource account`);
    sheet.members.add(lower(m));
    out.push(ids.user(m));
  }
  return out;
}

const NIMBUS_USER_LICENSES = ['Contact Center', 'Attendant Console', 'Assistant'];

function addNimbusLicenses(
  row: ServiceSheetRow,
  memberList: string[],
  service: { license: string | undefined; assignment: string | undefined; where: string },
  { notes, r }: SheetInput,
  sheet: Sheet,
): void {
  const nimbus = str(row.nimbusLicense);
  const canonical = nimbus ? NIMBUS_USER_LICENSES.find((n) => lower(n).replace(/\s/g, '') === lower(nimbus).replace(/[\s_-]/g, '')) : undefined;
  if (nimbus && !canonical) notes.odd(service.where, `nimbusLicense ${quoted(r, nimbus)} is not Contact Center, Attendant Console or Assistant; ignored`);
  if (canonical) for (const m of memberList) sheet.nimbusOf.set(lower(m), new Set([...(sheet.nimbusOf.get(lower(m)) ?? []), canonical]));
  else if ((service.license ?? '') === 'Contact Center' && (service.assignment ?? '') === 'Skill-based' && memberList.length > 0) {
    notes.missing(service.where, 'is Skill-based Contact Center but the sheet gives no nimbusLicense for its members: they are modelled without a Contact Center user license and are never offered its calls (SVC-10, US-04)');
  }
}

/** The workflow column as scenario workflow items; what is not a Nimbus activity or target is noted and left out. */
function workflowItems(text: string, where: string, { ids, notes, r }: SheetInput): Json[] {
  const items: Json[] = [];
  for (const raw of text.split(/\s*;\s*/).filter(Boolean)) {
    const transfer = /^transfer\s*:\s*(.+)$/i.exec(raw);
    if (transfer) {
      const target = (transfer[1] ?? '').trim();
      const serviceId = ids.serviceNamed(target);
      if (serviceId) items.push({ Transfer: { to: { service: serviceId } } });
      else if (/^\+\d{7,15}$/.test(target.replace(/[\s()-]/g, ''))) items.push({ Transfer: { to: { pstn: r.phone(target.replace(/[\s()-]/g, '')) } } });
      else notes.odd(where, `workflow Transfer target ${quoted(r, target)} is neither a service of the sheet nor an E.164 number; activity left out`);
      continue;
    }
    const activity = canonicalEnum(WorkflowActivity, raw);
    if (activity) items.push(activity);
    else notes.odd(where, `workflow activity ${quoted(r, raw)} is not a Nimbus workflow activity; left out`);
  }
  return items;
}

// --- users: everyone who is not a resource account -----------------------------------------------------

interface UsersInput {
  src: ExportSources;
  x: ExportLists;
  dir: Directory;
  licenses: LicenseReader;
  presenceOf: PresenceOf;
  ids: ScenarioIds;
  sheet: Sheet;
  notes: Notes;
  r: Redactor;
}

function buildUsers(input: UsersInput): Record<string, unknown>[] {
  const { dir, sheet } = input;
  return [...dir.people.values()]
    .filter((p) => !dir.resourceAccounts.has(lower(p.upn)) && !sheet.usedAccounts.has(lower(p.upn)))
    .map((p) => buildUser(p, input));
}

function buildUser(p: Person, { src, x, licenses, presenceOf, ids, sheet, notes, r }: UsersInput): Record<string, unknown> {
  const key = lower(p.upn);
  const id = ids.user(p.upn);
  const userLicenses = licenses.licensesOf(p);
  const presence = presenceOf.get(key);
  if (!presence && src.presence !== undefined && sheet.members.has(key)) notes.missing(`user ${id}`, 'no presence in the presence export; Available assumed');
  const cs = x.csUsers.find((c) => lower(str(c['UserPrincipalName']) ?? '') === key);
  if (cs && cs['EnterpriseVoiceEnabled'] === false && sheet.members.has(key)) notes.odd(`user ${id}`, 'EnterpriseVoiceEnabled is false in Get-CsOnlineUser: the agent cannot use PSTN features (LIC-05)');
  return {
    id,
    upn: r.upn(p.upn),
    ...(p.displayName ? { displayName: r.name(p.displayName, 'person') } : {}),
    licenses: userLicenses,
    ...(sheet.nimbusOf.has(key) ? { nimbusLicense: [...(sheet.nimbusOf.get(key) ?? [])].sort() } : {}),
    ...(presence ? { presence: presence.availability, ...(presence.activity ? { activity: presence.activity } : {}) } : {}),
  };
}
