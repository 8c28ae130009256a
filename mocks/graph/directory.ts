/**
 * The mock's directory of one run: which Graph object stands for which scenario user or service, and how a
 * seed fills the data layer with them (resource accounts, users, presence).
 */
import { z } from 'zod';
import { findMicrosoftLicense } from '../../src/domain/licenses.js';
import type { GraphMockContext } from './context.js';
import { clearGraphDb } from './db.js';
import { stableGuid } from './ids.js';
import { GraphSeedSchema, seededPresence, type GraphSeed, type GraphSeedService, type GraphSeedUser } from './seed.js';

export type ScenarioObjectKind = 'user' | 'service';

/** A preferred presence seeded with the scenario lasts the whole run. */
const NEVER = Number.MAX_SAFE_INTEGER;

/** Scenario ids and Graph object ids, both ways. */
export class ScenarioDirectory {
  private readonly byScenario = new Map<string, string>();
  private readonly byGraph = new Map<string, { kind: ScenarioObjectKind; id: string }>();

  clear(): void {
    this.byScenario.clear();
    this.byGraph.clear();
  }

  remember(kind: ScenarioObjectKind, scenarioId: string, graphId: string): void {
    this.byScenario.set(`${kind}:${scenarioId}`, graphId);
    this.byGraph.set(graphId, { kind, id: scenarioId });
  }

  /** The object id of a scenario id; without a kind, a name both a user and a service use is an error. */
  lookup(scenarioId: string, kind?: ScenarioObjectKind): string | undefined {
    if (kind) return this.byScenario.get(`${kind}:${scenarioId}`);
    const user = this.byScenario.get(`user:${scenarioId}`);
    const service = this.byScenario.get(`service:${scenarioId}`);
    if (user && service) throw new Error(`"${scenarioId}" names both a user and a service; pass the kind`);
    return user ?? service;
  }

  graphIdOf(scenarioId: string, kind?: ScenarioObjectKind): string {
    const id = this.lookup(scenarioId, kind);
    if (!id) throw new Error(`no ${kind ?? 'user or service'} "${scenarioId}" in the mock Graph directory`);
    return id;
  }

  scenarioIdOf(graphId: string): { kind: ScenarioObjectKind; id: string } | undefined {
    return this.byGraph.get(graphId);
  }

  /** A user by object id (as Graph names it) or by scenario user id. */
  userObjectId(userId: string): string | undefined {
    return this.byGraph.has(userId) ? userId : this.lookup(userId, 'user');
  }
}

/** Replace the directory (users, resource accounts, presence) and drop all calls. */
export async function seedDirectory(ctx: GraphMockContext, directory: ScenarioDirectory, model: GraphSeed): Promise<void> {
  const parsed = GraphSeedSchema.safeParse(model);
  if (!parsed.success) throw new Error(`invalid mock Graph seed:\n${z.prettifyError(parsed.error)}`);
  const { tenant, services, users } = parsed.data;
  clearGraphDb(ctx.db);
  directory.clear();
  ctx.farEndModes.clear();
  ctx.endedCalls.clear();
  ctx.endedAt.clear();
  ctx.tenant = { name: tenant.name, domains: [...tenant.domains], consents: [...tenant.consents] };
  for (const s of services) await seedService(ctx, directory, s);
  for (const u of users) await seedUser(ctx, directory, u);
}

const skus = (names: readonly string[]) => names.map((n) => ({ skuId: (findMicrosoftLicense(n) as { skuId: string }).skuId, disabledPlans: [] }));

async function seedService(ctx: GraphMockContext, directory: ScenarioDirectory, s: GraphSeedService): Promise<void> {
  const id = stableGuid(`${ctx.tenantId}:service`, s.id);
  directory.remember('service', s.id, id);
  await ctx.db.users.create({
    id,
    scenarioId: s.id,
    kind: 'applicationInstance',
    userPrincipalName: s.upn,
    displayName: s.displayName,
    givenName: null,
    surname: null,
    mail: null,
    // Resource accounts are sign-in blocked directory objects.
    accountEnabled: false,
    userType: 'Member',
    businessPhones: s.pstnNumber ? [s.pstnNumber] : [],
    assignedLicenses: skus(s.licenses),
    pstnConnectivity: s.pstnNumber ? (s.connectivity ?? 'Direct Routing') : null,
  });
  await ctx.db.presences.create({ id, availability: 'Offline', activity: 'Offline' });
}

async function seedUser(ctx: GraphMockContext, directory: ScenarioDirectory, u: GraphSeedUser): Promise<void> {
  const id = stableGuid(`${ctx.tenantId}:user`, u.id);
  directory.remember('user', u.id, id);
  const [given, ...rest] = u.displayName.trim().split(/\s+/);
  await ctx.db.users.create({
    id,
    scenarioId: u.id,
    kind: 'person',
    userPrincipalName: u.upn,
    displayName: u.displayName,
    givenName: given ?? null,
    surname: rest.length > 0 ? rest.join(' ') : null,
    mail: u.upn,
    accountEnabled: true,
    userType: 'Member',
    assignedLicenses: skus(u.licenses),
  });
  const presence = seededPresence(u.availability, u.activity);
  await ctx.db.presences.create({
    id,
    ...presence.client,
    preferred: presence.preferred ? { ...presence.preferred, expiresAt: NEVER } : null,
  });
}
