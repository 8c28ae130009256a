/**
 * Turns generated agent-model paths into scenario files: each machine event becomes the scenario verb that
 * makes the engine send it, and after each step an `expect` states the user status the model predicts.
 * Paths through engine-internal events (FLAG_RONA, CLEAR_TRANSIENT_RONA, OFFER_WITHDRAWN) have no verb and
 * are skipped. QA keeps the interesting files as regression cases; a file that fails when run shows where
 * the engine and the machine model disagree.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { SnapshotFrom } from 'xstate';
import type { AgentEvent, agentMachine } from '../../src/machines/agentMachine.js';
import { headlineStatus } from '../../src/machines/agentStatus.js';
import { AGENT_MODEL_CONFIGS, AGENT_TIMING, agentModel, type AgentModelConfig } from './agentModel.js';
import { MODEL_SERVICE, MODEL_USER } from './fixture.js';
import type { ModelPath } from './paths.js';

type AgentSnapshot = SnapshotFrom<typeof agentMachine>;
const PSTN_TARGET = '+41795550199';

function verbFor(e: AgentEvent | { type: string }, before: AgentSnapshot): Record<string, unknown> | null {
  const user = MODEL_USER;
  const ev = e as AgentEvent;
  switch (ev.type) {
    case 'OFFER':
      return ev.kind === 'distribution'
        ? { inboundCall: { call: ev.call, from: '+41791110000', to: MODEL_SERVICE } }
        : { callOnBehalf: { call: ev.call, user, service: MODEL_SERVICE, to: { pstn: PSTN_TARGET } } };
    case 'ACCEPT':
      return { answer: { user, call: ev.call } };
    case 'DECLINE':
      return { decline: { user, call: ev.call } };
    case 'IGNORE':
      return { ignore: { user, call: ev.call } };
    case 'HOLD':
      return { hold: { user, call: ev.call } };
    case 'RESUME':
      return { resume: { user, call: ev.call } };
    case 'PARK':
      return { park: { user, call: ev.call } };
    case 'UNPARK':
      return { unpark: { user, call: ev.call } };
    case 'TASK_ENDED':
      return { hangup: { call: ev.call, by: before.context.active?.call === ev.call ? user : 'customer' } };
    case 'PRESENCE_CHANGED':
      return { presence: { user, availability: ev.availability } };
    case 'DUTY_CHANGED':
      return { duty: { user, state: ev.duty } };
    case 'NOT_AVAILABLE_REASON':
      return { notAvailableReason: { user, pending: ev.pending } };
    case 'RESET_RONA':
      return { resetRona: { user } };
    case 'END_ACW':
      return { endAcw: { user } };
    case 'EXTEND_ACW':
      return { extendAcw: { user } };
    default: {
      const delay = /^xstate\.after\.([A-Z_]+)\./.exec(e.type)?.[1];
      if (delay === 'RING_TIMEOUT') return { wait: `${AGENT_TIMING.ringTimeoutMs / 1000}s` };
      if (delay === 'ACW_DURATION') return { wait: `${(before.context.acw?.durationMs ?? AGENT_TIMING.acwMs) / 1000}s` };
      if (delay === 'RONA_RESET') return { wait: `${AGENT_TIMING.ronaResetMs / 1000}s` };
      return null;
    }
  }
}

function pathToScenario(config: AgentModelConfig, path: ModelPath<AgentSnapshot, AgentEvent>, index: number): string | null {
  const steps: Record<string, unknown>[] = [];
  // The model reuses call ids once a call is over; a scenario gives every new call its own id.
  const ids = new Map<string, string>();
  let calls = 0;
  for (let i = 1; i < path.steps.length; i++) {
    const step = path.steps[i];
    const before = path.steps[i - 1];
    if (!step || !before) continue;
    const verb = verbFor(step.event, before.state);
    if (!verb) return null;
    if (step.event.type === 'OFFER' && 'call' in step.event) ids.set(step.event.call, `c${++calls}`);
    for (const args of Object.values(verb)) {
      if (typeof args === 'object' && args !== null && 'call' in args) {
        const a = args as { call: string };
        a.call = ids.get(a.call) ?? a.call;
      }
    }
    steps.push(verb);
    steps.push({ expect: { user: { id: MODEL_USER, state: headlineStatus(step.state) } } });
  }
  if (steps.length === 0) return null;
  const doc = {
    name: `generated agent path ${index}: ${path.description}`,
    tags: ['generated', 'model'],
    tenant: { name: 'Contoso' },
    services: [
      {
        id: MODEL_SERVICE,
        license: 'Contact Center',
        assignment: 'Skill-based',
        modalities: { outbound: true },
        pstn: { number: '+41445550200', connectivity: 'Direct Routing' },
        resourceAccount: { licenses: ['Microsoft Teams Phone Resource Account', 'Microsoft Teams Domestic Calling Plan'] },
        distribution: { ringTimeout: `${AGENT_TIMING.ringTimeoutMs / 1000}s`, acw: { enabled: true, duration: `${AGENT_TIMING.acwMs / 1000}s` } },
        members: [MODEL_USER],
      },
    ],
    users: [
      {
        id: MODEL_USER,
        upn: `${MODEL_USER}@contoso.com`,
        licenses: ['Teams Phone Standard'],
        ...(config.contactCenter ? { nimbusLicense: 'Contact Center' } : {}),
        taskParallelization: config.taskParallelization,
      },
    ],
    steps,
  };
  return `# Generated by \`nimbus-sim generate --machine agent\` from the model "${config.name}".\n# Keep it as a regression case by moving it into scenarios/ (and renaming it).\n${stringify(doc, { lineWidth: 0 })}`;
}

export function generateAgentScenarios(outDir: string): { written: string[]; skipped: number } {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  let skipped = 0;
  AGENT_MODEL_CONFIGS.forEach((config, c) => {
    agentModel(config)
      .explore()
      .paths.forEach((path, i) => {
        const text = pathToScenario(config, path, i + 1);
        if (!text) {
          skipped++;
          return;
        }
        const file = join(outDir, `agent-${c + 1}-${String(i + 1).padStart(3, '0')}.yaml`);
        writeFileSync(file, text);
        written.push(file);
      });
  });
  return { written, skipped };
}
