/**
 * Turns generated call-session model paths into scenario files. Unlike the agent machine, most session
 * events are sent by the engine itself, so a step of a scenario stands for a chain of events: `inboundCall`
 * is WORKFLOW_ACCEPTED → QUEUED → OFFERED, `callOnBehalf` is OWNED_BY_SERVICE → INVITED → USER_ACCEPTED →
 * DIALING_OUT → TARGET_ANSWERED, a transfer to a service is TRANSFER_STARTED → TRANSFERRED_TO_SERVICE →
 * WORKFLOW_ACCEPTED → QUEUED → OFFERED, and so on. A path is written only when every event belongs to such a
 * chain and each chain is complete (the engine always runs it to the end); after each step an `expect` states
 * the task state the model predicts. Paths through events no step causes (a failed transfer, a requeue after
 * a decline) are skipped.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { SnapshotFrom } from 'xstate';
import { taskStateOf, type CallEvent, type callSessionMachine } from '../../src/machines/callSessionMachine.js';
import { callSessionMachine as machine } from '../../src/machines/callSessionMachine.js';
import { machineGraph } from './machineGraph.js';
import { explore, type ModelPath } from './paths.js';
import { SESSION_MODEL_CONFIGS, SESSION_SERVICES, SESSION_USERS, serializeCall, type SessionModelConfig } from './sessionModel.js';

type CallSnapshot = SnapshotFrom<typeof callSessionMachine>;
type Step = ModelPath<CallSnapshot, CallEvent>['steps'][number];

const PSTN_TARGET = '+41795550199';
/** Events the engine sends after a step on its own: they complete that step's chain. */
const BOOKKEEPING = new Set(['SESSION_OUTCOME', 'USER_SESSION_OUTCOME', 'NOT_REPORTED', 'SUPERVISION_ENDED']);

interface Chain {
  verb: Record<string, unknown>;
  /** Events the engine may send on its own as part of this step (shortest paths often skip some of them). */
  follows: string[];
  /** The event the step always ends with; a path that stops earlier is not what the engine does. */
  until?: string;
}

const INBOUND = ['WORKFLOW_ACCEPTED', 'QUEUED', 'OFFERED'];
const COB = ['OWNED_BY_SERVICE', 'INVITED', 'USER_ACCEPTED', 'DIALING_OUT', 'TARGET_ANSWERED'];

/** The scenario step a chain starts with, or null when no step causes this event. */
function chainFor(event: CallEvent, next: CallEvent | undefined, call: string, config: SessionModelConfig, userOnCall: string | null): Chain | null {
  // The user connected to the call now (after a transfer to Sales that is bob, not ana).
  const user = userOnCall ?? SESSION_USERS.agent;
  switch (event.type) {
    case 'WORKFLOW_ACCEPTED':
    case 'QUEUED':
      return config.input.type === 'Inbound Service'
        ? { verb: { inboundCall: { call, from: '+41791110000', to: SESSION_SERVICES[0] } }, follows: INBOUND, until: 'OFFERED' }
        : null;
    case 'OWNED_BY_SERVICE':
    case 'INVITED':
      return config.input.type === 'Call On Behalf'
        ? { verb: { callOnBehalf: { call, user, service: SESSION_SERVICES[0], to: { pstn: PSTN_TARGET } } }, follows: COB, until: 'TARGET_ANSWERED' }
        : null;
    case 'USER_ACCEPTED':
      return event.user === user ? { verb: { answer: { user, call } }, follows: [] } : { verb: { answer: { user: event.user, call } }, follows: [] };
    case 'HOLD':
      return { verb: { hold: { user, call } }, follows: [] };
    case 'RESUME':
      return { verb: { resume: { user, call } }, follows: [] };
    case 'PARK':
      return { verb: { park: { user, call } }, follows: [] };
    case 'UNPARK':
      return { verb: { unpark: { user, call } }, follows: [] };
    case 'SUPERVISION_STARTED':
      return { verb: { supervise: { supervisor: SESSION_USERS.supervisor, call, mode: 'Listen' } }, follows: [] };
    case 'TRANSFER_STARTED':
      if (next?.type === 'TRANSFERRED_TO_SERVICE') {
        return { verb: { transfer: { call, by: user, to: { service: SESSION_SERVICES[1] } } }, follows: ['TRANSFERRED_TO_SERVICE', ...INBOUND], until: 'OFFERED' };
      }
      if (next?.type === 'TRANSFERRED_EXTERNALLY') return { verb: { transfer: { call, by: user, to: { pstn: PSTN_TARGET } } }, follows: ['TRANSFERRED_EXTERNALLY'], until: 'TRANSFERRED_EXTERNALLY' };
      if (next?.type === 'TRANSFERRED_TO_USER') return { verb: { transfer: { call, by: user, to: { user: SESSION_USERS.other } } }, follows: ['TRANSFERRED_TO_USER'], until: 'TRANSFERRED_TO_USER' };
      return null;
    case 'USER_LEFT':
      // The generated tenant has no ACW, so only the no-ACW branch is what the engine does.
      return event.acw ? null : { verb: { hangup: { call, by: user } }, follows: [] };
    case 'ENDED':
      return { verb: { hangup: { call, by: 'customer' } }, follows: [] };
    default:
      return null;
  }
}

function sessionPathToScenario(config: SessionModelConfig, path: ModelPath<CallSnapshot, CallEvent>, index: number): string | null {
  const call = config.input.callId;
  const steps: Record<string, unknown>[] = [];
  const events = path.steps.slice(1);
  let i = 0;
  while (i < events.length) {
    const step = events[i] as Step;
    const before = (i === 0 ? path.steps[0] : events[i - 1]) as Step;
    const chain = chainFor(step.event as CallEvent, events[i + 1]?.event as CallEvent | undefined, call, config, before.state.context.user);
    if (!chain) return null;
    // A scenario has no call before the step that creates it.
    if (steps.length === 0 && !('inboundCall' in chain.verb) && !('callOnBehalf' in chain.verb)) return null;
    let last: Step = step;
    let j = i + 1;
    while (events[j] && chain.follows.includes((events[j] as Step).event.type)) {
      last = events[j] as Step;
      j++;
    }
    if (chain.until && last.event.type !== chain.until) return null;
    while (events[j] && BOOKKEEPING.has((events[j] as Step).event.type)) {
      last = events[j] as Step;
      j++;
    }
    steps.push(chain.verb, { expect: { task: { call, state: taskStateOf(last.state.value) } } });
    i = j;
  }
  if (steps.length === 0) return null;
  const doc = {
    name: `generated call session path ${index}: ${path.description}`,
    tags: ['generated', 'model', 'session'],
    tenant: { name: 'Contoso' },
    services: [
      {
        id: SESSION_SERVICES[0],
        license: 'Contact Center',
        assignment: 'MS Teams-based',
        modalities: { outbound: true },
        pstn: { number: '+41445550200', connectivity: 'Direct Routing' },
        resourceAccount: { licenses: ['Microsoft Teams Phone Resource Account'] },
        members: [SESSION_USERS.agent],
        supervisors: [SESSION_USERS.supervisor],
      },
      { id: SESSION_SERVICES[1], license: 'Enterprise Routing', assignment: 'MS Teams-based', members: [SESSION_USERS.other] },
    ],
    users: [
      { id: SESSION_USERS.agent, upn: `${SESSION_USERS.agent}@contoso.com`, licenses: ['Teams Phone Standard'] },
      { id: SESSION_USERS.other, upn: `${SESSION_USERS.other}@contoso.com`, licenses: ['Teams Phone Standard'] },
      { id: SESSION_USERS.supervisor, upn: `${SESSION_USERS.supervisor}@contoso.com`, licenses: ['Teams Phone Standard'], nimbusLicense: 'Contact Center' },
    ],
    steps,
  };
  return `# Generated by \`nimbus-sim generate --machine session\` from the model "${config.name}".\n# Keep it as a regression case by moving it into scenarios/ (and renaming it).\n${stringify(doc, { lineWidth: 0 })}`;
}

/**
 * The events the engine can cause in each state, in the order it causes them: the abstract session model
 * allows more (supervising a queued task, transferring from the queue), which no scenario can reproduce.
 */
function realisticSessionEvents(snap: CallSnapshot, config: SessionModelConfig): CallEvent[] {
  const at = 0;
  const ctx = snap.context;
  const agent = SESSION_USERS.agent;
  const state = taskStateOf(snap.value);
  const cob = config.input.type === 'Call On Behalf';
  const supervised = ctx.supervision.some((x) => x.endedAt === null);
  switch (state) {
    case 'Establishing':
      if (!cob) return [{ type: 'WORKFLOW_ACCEPTED', service: ctx.currentService, pstnLicensed: true, pstnBecause: ['XFER-02'], at }];
      // The service owns a Call on Behalf from the start, then its invitation rings the user (COB-12).
      return ctx.firstRespondingService === null
        ? [{ type: 'OWNED_BY_SERVICE', service: ctx.currentService, pstnLicensed: true, pstnBecause: ['XFER-02'], at }]
        : [{ type: 'INVITED', user: agent, at }];
    case 'In IVR':
      return cob ? [{ type: 'INVITED', user: agent, at }] : [{ type: 'QUEUED', algorithm: 'Direct Conference', at }];
    case 'In Queue':
      return [{ type: 'OFFERED', users: [ctx.currentService === SESSION_SERVICES[0] ? agent : SESSION_USERS.other], at }];
    case 'Ringing':
      if (ctx.ringing.length === 0) return [];
      return cob && ctx.user === agent && ctx.firstRespondingService !== null && ctx.serviceSessions.length === 1 && !ctx.transfers.length
        ? [{ type: 'DIALING_OUT', at }]
        : [{ type: 'USER_ACCEPTED', user: ctx.ringing[0] as string, at }];
    case 'Dialing Out':
      return [{ type: 'TARGET_ANSWERED', at }];
    case 'Connected': {
      const by = ctx.user ?? agent;
      const out: CallEvent[] = [];
      if (snap.matches({ Connected: 'OnHold' })) out.push({ type: 'RESUME', at });
      else {
        out.push({ type: 'HOLD', at }, { type: 'PARK', user: by, at });
        if (ctx.transfers.length === 0) {
          out.push({ type: 'TRANSFER_STARTED', by, to: SESSION_SERVICES[1], mode: 'blind', at });
          out.push({ type: 'TRANSFER_STARTED', by, to: PSTN_TARGET, mode: 'blind', at });
          out.push({ type: 'TRANSFER_STARTED', by, to: SESSION_USERS.other, mode: 'blind', at });
        }
        if (!supervised && ctx.currentService === SESSION_SERVICES[0]) out.push({ type: 'SUPERVISION_STARTED', supervisor: SESSION_USERS.supervisor, mode: 'Listen', at });
      }
      out.push({ type: 'USER_LEFT', acw: false, at }, { type: 'ENDED', at });
      return out;
    }
    case 'Parked':
      return [{ type: 'UNPARK', at }, { type: 'ENDED', at }];
    case 'Transferring': {
      const to = ctx.transfers.at(-1)?.to;
      if (to === SESSION_SERVICES[1]) return [{ type: 'TRANSFERRED_TO_SERVICE', service: to, session: { outcome: 'User Internal Transfer Success', because: ['XFER-11'] }, user: { outcome: 'Transferred Internally', because: ['REP-06'] }, at }];
      if (to === PSTN_TARGET) return [{ type: 'TRANSFERRED_EXTERNALLY', session: { outcome: 'User External Transfer Success', because: ['XFER-02'] }, user: { outcome: 'Transferred Externally', because: ['REP-06'] }, at }];
      return [{ type: 'TRANSFERRED_TO_USER', user: SESSION_USERS.other, at }];
    }
    default:
      return [];
  }
}

export function generateSessionScenarios(outDir: string): { written: string[]; skipped: number } {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  SESSION_MODEL_CONFIGS.forEach((config, c) => {
    explore(machine, {
      input: config.input,
      graph: machineGraph(machine),
      events: (snap) => realisticSessionEvents(snap as CallSnapshot, config),
      key: (snap) => serializeCall(snap as CallSnapshot),
    }).paths.forEach((path, i) => {
        const text = sessionPathToScenario(config, path as ModelPath<CallSnapshot, CallEvent>, i + 1);
        // Different model paths can come out as the same steps once engine-internal events are folded in.
        const steps = text?.slice(text.indexOf('steps:'));
        if (!text || !steps || seen.has(steps)) {
          skipped++;
          return;
        }
        seen.add(steps);
        const file = join(outDir, `session-${c + 1}-${String(i + 1).padStart(3, '0')}.yaml`);
        writeFileSync(file, text);
        written.push(file);
      });
  });
  return { written, skipped };
}
