/**
 * The modelled Nimbus's side of Microsoft Graph in one run: the mock Graph seeded from the scenario and the
 * typed client that talks to it over the in-process transport. Nimbus reads licenses and presence through
 * it, answers inbound calls, places calls as a service's resource account and transfers them; the mock
 * checks PSTN licenses with the project's own rule function, so the mock and the model cannot drift apart.
 */
import { GraphClient } from '../../src/graph/client.js';
import { GraphError } from '../../src/graph/errors.js';
import { createGraphMock, type GraphMock, type GraphResponseObserver } from '../../mocks/graph/index.js';
import { canonicalEnum, Availability, Activity, graphActivity, graphAvailability } from '../../src/domain/enums.js';
import { findMicrosoftLicense } from '../../src/domain/licenses.js';
import type { RuleId } from '../../src/rules/decision.js';
import { isRuleId } from '../../src/rules/index.js';
import * as rules from '../../src/rules/index.js';
import type { StepOf } from '../scenario/schema.js';
import type { ServiceFacts, TenantFacts } from '../../src/rules/facts.js';
import type { Scenario } from '../scenario/schema.js';
import type { VirtualClock } from '../clock.js';
import type { CallExtras } from './callExtras.js';
import type { TimelineEntry } from './timeline.js';

/** What the bridge reads and records in its run: the world, seen through the narrow part the bridge needs. */
export interface GraphBridgeHost {
  readonly clock: VirtualClock;
  readonly scenario: Scenario;
  readonly tenant: TenantFacts;
  readonly licensesSeen: Map<string, string[]>;
  readonly presenceSeen: Map<string, { availability: Availability; activity: Activity }>;
  sleep(ms: number): Promise<void>;
  note(subject: string, kind: TimelineEntry['kind'], text: string | (() => string)): void;
  extras(call: string): CallExtras;
  service(id: string): ServiceFacts;
  readonly options: {
    readonly onGraphResponse?: GraphResponseObserver;
    readonly graphRetention?: { endedCallsMs: number; logEntries: number };
    readonly checkGraphRequests?: boolean;
  };
}
import { rulesPstnPolicy, seedFromScenario } from './graphSeed.js';

export interface GraphOutcome {
  ok: boolean;
  message: string;
  because: RuleId[];
}

export class GraphBridge {
  readonly mock: GraphMock;
  readonly client: GraphClient;
  private readonly graphCalls = new Map<string, string>();
  private readonly ended = new Set<string>();
  private retries = 0;
  /** Requests Nimbus sent (retries included): the log may keep fewer (WorldOptions.graphRetention). */
  private requests = 0;

  constructor(private readonly world: GraphBridgeHost) {
    this.mock = createGraphMock({
      now: () => world.clock.now(),
      pstnPolicy: rulesPstnPolicy(world.tenant),
      ...(world.options.onGraphResponse ? { onResponse: world.options.onGraphResponse } : {}),
      ...(world.options.graphRetention ? { endedCallRetentionMs: world.options.graphRetention.endedCallsMs, requestLogLimit: world.options.graphRetention.logEntries } : {}),
    });
    // The modelled Nimbus's requests are built by the simulator's own typed code: the mock need not re-check
    // their bodies against the Graph metadata (requests from outside, through serve or msw, still are; the
    // metadata contract test asks for the check with checkGraphRequests).
    const fetch = world.options.checkGraphRequests === true ? this.mock.fetch : this.mock.fetchTrusted;
    this.client = new GraphClient({
      fetch: (input, init) => {
        this.requests++;
        return fetch(input, init);
      },
      sleep: (ms: number) => {
        this.retries++;
        return world.sleep(ms);
      },
      maxRetries: world.tenant.behavior.graphMaxRetries,
      retryBaseMs: world.tenant.behavior.graphRetryBase,
    });
  }

  /** Seed the mock directory from the scenario's tenant, services (resource accounts) and users. */
  async seed(): Promise<void> {
    await this.mock.seed(seedFromScenario(this.world.scenario, this.world.tenant, this.unmodelledColleagues()));
  }

  /** UPN targets in the tenant's own domains that belong to no modelled user or service. */
  private unmodelledColleagues(): string[] {
    const { scenario, tenant } = this.world;
    const known = new Set([...scenario.users.map((u) => u.upn), ...scenario.services.map((s) => s.resourceAccount.upn).filter(Boolean)]);
    const found = new Set<string>();
    for (const step of scenario.steps) {
      if (step.verb !== 'callOnBehalf' && step.verb !== 'scheduleOutbound' && step.verb !== 'transfer') continue;
      const to = step.args.to;
      if (!('upn' in to)) continue;
      const domain = to.upn.slice(to.upn.lastIndexOf('@') + 1);
      if (!known.has(to.upn) && tenant.domains.includes(domain)) found.add(to.upn);
    }
    return [...found].sort();
  }

  /**
   * PERM-03: Nimbus reads every user's and resource account's licenses and every user's presence. A read
   * that fails after the client's retries leaves that fact as the scenario declared it, and says so.
   */
  async readDirectory(): Promise<void> {
    const { scenario } = this.world;
    const read = async (what: string, work: () => Promise<void>) => {
      try {
        await work();
      } catch (err) {
        if (!(err instanceof GraphError)) throw err;
        this.world.note('graph', 'graph', () => `could not read ${what}: ${err.describe()}; using the scenario's declared value`);
      }
    };
    for (const s of scenario.services) {
      await read(`the licenses of service ${s.id}`, async () => {
        const details = await this.client.listLicenseDetails(this.mock.graphIdOf(s.id, 'service'));
        this.world.licensesSeen.set(`service:${s.id}`, licenseNames(details));
      });
    }
    for (const u of scenario.users) {
      await read(`the licenses of ${u.id}`, async () => {
        const details = await this.client.listLicenseDetails(this.mock.graphIdOf(u.id, 'user'));
        this.world.licensesSeen.set(u.id, licenseNames(details));
      });
    }
    if (scenario.users.length > 0) {
      await read('presence', async () => {
        const ids = scenario.users.map((u) => this.mock.graphIdOf(u.id, 'user'));
        const presences = await this.client.getPresencesByUserId(ids);
        for (const p of presences) {
          const scenarioId = p.id ? this.mock.scenarioIdOf(p.id)?.id : undefined;
          if (scenarioId) this.world.presenceSeen.set(scenarioId, this.seen(scenarioId, p.availability ?? 'Offline', p.activity ?? 'Offline'));
        }
      });
    }
  }

  /**
   * The user changes presence in Teams; Nimbus reads it back through Graph (PRES-06, PRES-09 applied).
   * The change itself happens on the Teams side of the mock, through `mock.control` (it is not Nimbus
   * talking to Graph, so Graph faults do not touch it): a plain availability is the user's own choice
   * (Graph's preferred presence, which is also how Appear Away and Appear Offline exist); an activity such as
   * In a call or In a meeting, or signing out, is the Teams client's own state. Returns what Nimbus sees, or null when Nimbus could not read
   * it (Graph failed after its retries): Nimbus then keeps what it saw before.
   */
  async changePresence(
    user: string,
    availability: Availability,
    activity: Activity,
    activityGiven: boolean,
  ): Promise<{ availability: Availability; activity: Activity } | { error: string }> {
    const id = this.mock.graphIdOf(user, 'user');
    const wireAvailability = graphAvailability[availability];
    if (!activityGiven && availability !== 'Offline') this.mock.control.choosePresence(id, wireAvailability);
    else if (availability === 'Offline') this.mock.control.setClientPresence(id, 'Offline', 'Offline');
    else this.mock.control.setClientPresence(id, wireAvailability, graphActivity(activity));
    let p;
    try {
      p = await this.client.getPresence(id);
    } catch (err) {
      if (err instanceof GraphError) return { error: err.describe() };
      throw err;
    }
    const seen = this.seen(user, p.availability ?? 'Offline', p.activity ?? 'Offline');
    // Graph cannot tell a chosen "Appear ..." from the real thing; the model keeps the user's own choice.
    if ((availability === 'Appear Away' || availability === 'Appear Offline') && !this.world.tenant.enhancedPresencePrivacy) {
      return { availability, activity: seen.activity };
    }
    return seen;
  }

  private seen(_user: string, availabilityWire: string, activityWire: string): { availability: Availability; activity: Activity } {
    const availability = canonicalEnum(Availability, availabilityWire) ?? 'Offline';
    const activity = canonicalEnum(Activity, activityWire) ?? 'Available';
    const s = rules.presenceAsSeenByNimbus(this.world.tenant, availability, activity);
    return { availability: s.availability, activity: s.activity };
  }

  /** A customer dials the service's number; the service's workflow answers through Graph (WF-01). */
  async answerIncoming(call: string, from: string, service: string): Promise<GraphOutcome> {
    const { callId } = await this.mock.control.placeIncomingCall({ from: from.startsWith('+') ? from : '+10000000000', toAppInstance: service });
    this.graphCalls.set(call, callId);
    this.world.extras(call).graphCallId = callId;
    try {
      await this.client.answerCall(callId, {
        callbackUri: 'https://nimbus.sim.invalid/api/calls',
        acceptedModalities: ['audio'],
        mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' },
      });
      return { ok: true, message: 'answered', because: [] };
    } catch (err) {
      return this.refusal(err);
    }
  }

  /** Place an outbound call as the service's resource account (COB, scheduled outbound). */
  async createOutboundCall(call: string, service: string, target: NonNullable<CallExtras['target']>): Promise<GraphOutcome> {
    const appInstance = this.mock.graphIdOf(service, 'service');
    if (target.kind === 'pstn') this.farEndKeptByEngine(target.value);
    const source = this.world.service(service);
    const targetIdentity =
      target.kind === 'pstn'
        ? { phone: { id: target.value } }
        : target.user
          ? { user: { id: this.mock.graphIdOf(target.user, 'user'), displayName: target.user } }
          : { user: { id: this.directoryIdOf(target.value), displayName: target.value } };
    try {
      const created = await this.client.createCall({
        callbackUri: 'https://nimbus.sim.invalid/api/calls',
        source: {
          identity: { applicationInstance: { id: appInstance, displayName: source.name ?? source.id } },
          ...(source.pstn ? { languageId: 'en-US' } : {}),
        },
        targets: [{ identity: targetIdentity }],
        requestedModalities: ['audio'],
        mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' },
        tenantId: this.mock.tenantId,
      });
      if (created.id) {
        this.graphCalls.set(call, created.id);
        this.world.extras(call).graphCallId = created.id;
      }
      return { ok: true, message: 'call created', because: [] };
    } catch (err) {
      return this.refusal(err);
    }
  }

  /** Graph object id of a directory user by UPN (unmodelled colleagues are seeded by UPN). */
  private directoryIdOf(upn: string): string {
    try {
      return this.mock.graphIdOf(upn, 'user');
    } catch {
      return upn;
    }
  }

  /** Transfer a call to a PSTN number or an external UPN; Graph checks the first responder's license. */
  async transferCall(call: string, target: { pstn: string } | { upn: string }): Promise<GraphOutcome> {
    const id = this.graphCalls.get(call);
    if (!id) return { ok: false, message: `call ${call} is not known to Graph`, because: [] };
    const identity = 'pstn' in target ? { phone: { id: target.pstn } } : { user: { id: target.upn, displayName: target.upn } };
    if ('pstn' in target) this.farEndKeptByEngine(target.pstn);
    try {
      await this.client.transferCall(id, { transferTarget: { identity } });
      return { ok: true, message: 'transfer accepted', because: [] };
    } catch (err) {
      return this.refusal(err);
    }
  }

  /**
   * A PSTN far end picks up when the engine's virtual time says so (at once, after `answerAfter`, or never
   * within the ring limit, XFER-07), so the mock's call waits for `farEndAnswers` / `farEndRingsOut` instead of
   * settling on its own: the engine and the mock then agree on every call at every step.
   */
  private farEndKeptByEngine(number: string): void {
    this.mock.control.setFarEndAnswerMode(number, 'manual');
  }

  /** The far end of the call's pending leg (a dial-out or a PSTN transfer) picks up; nothing when none is pending. */
  async farEndAnswers(call: string): Promise<void> {
    const id = this.pendingLeg(call);
    if (id) await this.mock.control.farEndAnswers(id);
  }

  /** The far end of the call's pending leg never picked up: a dial-out ends, a transfer falls back to the call. */
  async farEndRingsOut(call: string): Promise<void> {
    const id = this.pendingLeg(call);
    if (id) await this.mock.control.farEndRejects(id);
  }

  private pendingLeg(call: string): string | undefined {
    const id = this.graphCalls.get(call);
    const state = id === undefined ? undefined : this.mock.callState(id);
    return state === 'establishing' || state === 'transferring' ? id : undefined;
  }

  /**
   * End the call's Graph leg once the modelled call is over (idempotent). `nimbus`: the bot hangs up
   * (DELETE). `remote`: the customer or dialled party hung up, which Graph learns from the far end, so the
   * mock's PSTN side ends it. A leg Graph has already terminated (a completed transfer, a far end that never
   * answered) needs nothing, as the bot knows from Graph's notification.
   */
  async hangUp(call: string, by: 'nimbus' | 'remote' = 'nimbus'): Promise<void> {
    const id = this.graphCalls.get(call);
    if (!id || this.ended.has(call)) return;
    this.ended.add(call);
    if (this.mock.callState(id) === 'terminated') return;
    if (by === 'remote') {
      await this.mock.control.farEndHangsUp(id);
      return;
    }
    try {
      await this.client.deleteCall(id);
    } catch (err) {
      if (!(err instanceof GraphError)) throw err;
      this.world.note('graph', 'graph', () => `DELETE call ${call} failed: ${err.message}`);
    }
  }

  addFault(args: StepOf<'graphFault'>['args']): void {
    this.mock.faults.add({
      endpoint: args.endpoint,
      status: args.status,
      count: args.count,
      ...(args.retryAfter !== undefined ? { retryAfterMs: args.retryAfter } : {}),
      ...(args.latency !== undefined ? { latencyMs: args.latency } : {}),
    });
  }

  /** The bridge no longer follows `call` (an ended call the run has folded into its figures). */
  forget(call: string): void {
    this.graphCalls.delete(call);
    this.ended.delete(call);
  }

  /** Requests Nimbus sent to Graph in this run, whether or not the mock's log kept them. */
  get requestsSent(): number {
    return this.requests;
  }

  stats() {
    const byEndpoint: Record<string, number> = {};
    for (const entry of this.mock.log) {
      const key = entry.endpoint ?? 'unhandled';
      byEndpoint[key] = (byEndpoint[key] ?? 0) + 1;
    }
    return { requests: this.mock.log.length, faultsInjected: this.mock.log.filter((e) => e.faulted).length, retries: this.retries, byEndpoint };
  }

  /** A Graph refusal as the run records it: Graph's message, and the rules Graph named in its error details. */
  private refusal(err: unknown): GraphOutcome {
    if (!(err instanceof GraphError)) throw err;
    return { ok: false, message: `Graph ${err.status} ${err.code}: ${err.message}`, because: err.ruleIds.filter(isRuleId) };
  }
}

function licenseNames(details: readonly { skuPartNumber?: string | null }[]): string[] {
  return details.map((d) => (d.skuPartNumber ? (findMicrosoftLicense(d.skuPartNumber)?.displayName ?? d.skuPartNumber) : '')).filter(Boolean);
}
