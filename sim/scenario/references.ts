/**
 * Reference checks after schema validation: every id a scenario mentions must be defined, and a call must
 * be created by an earlier step before anything uses it. These are harness errors (spec section 3), not
 * product refusals, so they stop the load with the offending value's position.
 */
import { activityOf, type ServiceSpec, type UserSpec } from '../../src/domain/model.js';
import { workflowStructure } from '../../src/rules/transfer.js';
import type { ScenarioProblem } from './errors.js';
import type { ExpectSpec, Step, StepOf, StepVerb } from './schema.js';
import { displayPath } from './issues.js';
import { didYouMean, listOf } from './suggest.js';
import { isPlainMap, locate, position, problemAt, type Path, type PlainMap, type SourceRef } from './yamlSource.js';

type RefKind = 'user' | 'service' | 'call' | 'party' | 'target';

type ArgsOf<V extends StepVerb> = StepOf<V>['args'];
type FieldsOf<T> = T extends object ? Partial<Record<Extract<keyof T, string>, RefKind>> : never;

/** Which argument of each verb names what. Typed against the verb schemas so a renamed field fails to compile. */
const stepRefs: { [V in StepVerb]?: FieldsOf<ArgsOf<V>> } = {
  presence: { user: 'user' },
  duty: { user: 'user' },
  inboundCall: { to: 'service' },
  answer: { user: 'user', call: 'call' },
  decline: { user: 'user', call: 'call' },
  ignore: { user: 'user', call: 'call' },
  transfer: { call: 'call', by: 'user', to: 'target' },
  callOnBehalf: { user: 'user', service: 'service', to: 'target' },
  scheduleOutbound: { service: 'service', to: 'target', preferredUser: 'user' },
  park: { user: 'user', call: 'call' },
  unpark: { user: 'user', call: 'call' },
  hold: { user: 'user', call: 'call' },
  resume: { user: 'user', call: 'call' },
  consult: { user: 'user', call: 'call', to: 'target' },
  ronaSettings: { service: 'service' },
  hangup: { call: 'call', by: 'party' },
  endAcw: { user: 'user' },
  extendAcw: { user: 'user' },
  resetRona: { user: 'user' },
  supervise: { supervisor: 'user', call: 'call' },
  notAvailableReason: { user: 'user' },
  setActive: { user: 'user', service: 'service' },
};

/** Verbs whose `call` names a new call rather than an existing one. */
const CREATES_CALL: ReadonlySet<StepVerb> = new Set<StepVerb>(['inboundCall', 'callOnBehalf', 'scheduleOutbound']);

type ExpectItem<K extends keyof ExpectSpec> = NonNullable<ExpectSpec[K]> extends readonly (infer I)[] ? I : NonNullable<ExpectSpec[K]>;
const expectRefs: { [K in keyof ExpectSpec]-?: FieldsOf<ExpectItem<K>> } = {
  user: { id: 'user' },
  selectable: { user: 'user', service: 'service' },
  callOnBehalf: { user: 'user', service: 'service' },
  dialPad: { user: 'user', service: 'service' },
  task: { call: 'call' },
  session: { call: 'call', service: 'service' },
  userSession: { call: 'call', user: 'user' },
  pstnLicenseFrom: { call: 'call', service: 'service' },
  supervision: { call: 'call', supervisor: 'user' },
  reported: { call: 'call' },
  sessionFigures: { call: 'call', service: 'service' },
  lastResult: {},
};

const callOf = (step: Step): unknown => {
  const args: unknown = step.args;
  return isPlainMap(args) ? args['call'] : undefined;
};

/** Who may hang up besides a modelled user. */
const PARTIES = ['customer', 'target'];

export interface ReferenceInput {
  services: readonly ServiceSpec[];
  users: readonly UserSpec[];
  steps: readonly Step[];
  faults?: readonly { user?: string | undefined }[] | undefined;
}

export function checkReferences(scenario: ReferenceInput, root: unknown, rootRef: SourceRef): ScenarioProblem[] {
  return new ReferenceChecker(scenario, root, rootRef).run();
}

class ReferenceChecker {
  private readonly problems: ScenarioProblem[] = [];
  private readonly userIds: string[];
  private readonly serviceIds: string[];
  /** Call id to the index of the step that created it. */
  private readonly calls = new Map<string, number>();
  /** Index of the step being checked, so a call created by a later step can be named in the hint. */
  private currentStep = -1;

  constructor(
    private readonly scenario: ReferenceInput,
    private readonly root: unknown,
    private readonly rootRef: SourceRef,
  ) {
    this.userIds = scenario.users.map((u) => u.id);
    this.serviceIds = scenario.services.map((s) => s.id);
  }

  run(): ScenarioProblem[] {
    this.scenario.services.forEach((service, i) => {
      service.members.forEach((member, j) => this.check('user', member.user, ['services', i, 'members', j, 'user']));
      service.supervisors.forEach((supervisor, j) => this.check('user', supervisor, ['services', i, 'supervisors', j]));
    });
    this.scenario.faults?.forEach((fault, i) => fault.user !== undefined && this.check('user', fault.user, ['faults', i, 'user']));
    const before = this.problems.length;
    this.scenario.services.forEach((service, i) =>
      service.workflow.forEach((item, j) => {
        if (typeof item !== 'string' && 'service' in item.to) this.check('service', item.to.service, ['services', i, 'workflow', j, 'Transfer', 'to', 'service']);
      }),
    );
    if (this.problems.length === before) this.checkWorkflowLoops();
    this.scenario.steps.forEach((step, i) => this.checkStep(step, i));
    return this.problems;
  }

  private checkStep(step: Step, index: number): void {
    this.currentStep = index;
    const base: Path = ['steps', index, step.verb];
    if (step.verb === 'expect') {
      this.checkExpect(step.args, base);
      return;
    }
    const fields = stepRefs[step.verb] as Record<string, RefKind> | undefined;
    if (!fields || !isPlainMap(step.args)) return;
    const args: PlainMap = step.args;
    for (const [field, kind] of Object.entries(fields)) {
      if (args[field] !== undefined) this.check(kind, args[field], [...base, field]);
    }
    // Other references first: a step that creates a call cannot refer to that call itself.
    if (CREATES_CALL.has(step.verb) && typeof args['call'] === 'string') this.createCall(args['call'], index, [...base, 'call']);
  }

  private checkExpect(expect: ExpectSpec, base: Path): void {
    for (const [key, value] of Object.entries(expect)) {
      const fields = expectRefs[key as keyof ExpectSpec] as Record<string, RefKind> | undefined;
      if (!fields || value === undefined) continue;
      const items: unknown[] = Array.isArray(value) ? value : [value];
      // Name the item as it was written: `session` for one map, `session[1]` for a list.
      const writtenAsList = Array.isArray(locate(this.root, this.rootRef, [...base, key]).value);
      items.forEach((item, i) => {
        if (!isPlainMap(item)) return;
        const itemPath: Path = writtenAsList ? [...base, key, i] : [...base, key];
        for (const [field, kind] of Object.entries(fields)) {
          if (item[field] !== undefined) this.check(kind, item[field], [...itemPath, field]);
        }
      });
    }
  }

  /**
   * Workflows that hand a call on to each other before any step that keeps it (a queue, a voice message, a
   * disconnect) would pass it round for ever within one moment of virtual time: no product setting can
   * mean that, so it is an input error at the Transfer that closes the loop.
   */
  private checkWorkflowLoops(): void {
    const services = this.scenario.services;
    const next = new Map(services.map((s, i) => [s.id, workflowHandOn(s, i)] as const));
    const reported = new Set<string>();
    for (const start of services) {
      const chain: string[] = [];
      let at: string | undefined = start.id;
      while (at !== undefined && !chain.includes(at)) {
        chain.push(at);
        at = next.get(at)?.to;
      }
      if (at === undefined || reported.has(at)) continue;
      const loop = [...chain.slice(chain.indexOf(at)), at];
      loop.forEach((id) => reported.add(id));
      const hop = next.get(at);
      if (!hop) continue;
      this.report(
        ['services', hop.service, 'workflow', hop.item],
        `the workflows transfer calls round in a loop: ${loop.join(' → ')}`,
        'each of these workflows transfers the call on before any Queue, Voice Message or Disconnect activity, so a call would never stop moving; end one of them with Queue, Voice Message or Disconnect, or transfer to a service outside the loop',
      );
    }
  }

  private check(kind: RefKind, value: unknown, path: Path): void {
    switch (kind) {
      case 'user':
        return this.checkId('user', value, this.userIds, path);
      case 'service':
        return this.checkId('service', value, this.serviceIds, path);
      case 'party':
        if (typeof value === 'string' && PARTIES.includes(value)) return;
        return this.checkId('user', value, this.userIds, path, 'by is customer, target or a user id; ');
      case 'target':
        if (!isPlainMap(value)) return;
        if (value['service'] !== undefined) this.checkId('service', value['service'], this.serviceIds, [...path, 'service']);
        if (value['user'] !== undefined) this.checkId('user', value['user'], this.userIds, [...path, 'user']);
        return;
      case 'call':
        return this.checkCall(value, path);
    }
  }

  private checkId(kind: 'user' | 'service', value: unknown, known: string[], path: Path, hintPrefix = ''): void {
    const id = String(value);
    if (known.includes(id)) return;
    const listing = known.length === 0 ? `no ${kind}s are defined; add them under ${kind}s:` : `known ${kind}s: ${listOf(known)}`;
    const suggestion = didYouMean(id, known);
    this.report(path, `unknown ${kind} "${id}"`, `${hintPrefix}${suggestion ? `${suggestion} ` : ''}${listing}`);
  }

  private checkCall(value: unknown, path: Path): void {
    const id = String(value);
    if (this.calls.has(id)) return;
    const laterStep = this.scenario.steps.findIndex(
      (step, i) => CREATES_CALL.has(step.verb) && i > this.currentStep && callOf(step) === id,
    );
    if (laterStep >= 0) {
      const line = this.lineOfStep(laterStep);
      this.report(path, `call "${id}" is used before the step that creates it`, `it is created by steps[${laterStep}] (line ${line}); move that step before this one`);
      return;
    }
    const known = [...this.calls.keys()];
    const listing = known.length === 0 ? 'no call exists yet at this step' : `calls created so far: ${listOf(known)}`;
    const suggestion = didYouMean(id, known);
    this.report(
      path,
      `unknown call "${id}"; no step creates it`,
      `${suggestion ? `${suggestion} ` : ''}calls are created by inboundCall, callOnBehalf or scheduleOutbound; ${listing}`,
    );
  }

  private createCall(id: string, index: number, path: Path): void {
    const earlier = this.calls.get(id);
    if (earlier !== undefined) {
      this.report(path, `call "${id}" already exists (created by steps[${earlier}], line ${this.lineOfStep(earlier)})`, 'give each new call its own id');
      return;
    }
    this.calls.set(id, index);
  }

  private lineOfStep(index: number): number {
    return position(locate(this.root, this.rootRef, ['steps', index]).ref).line;
  }

  private report(path: Path, message: string, hint: string): void {
    const { ref } = locate(this.root, this.rootRef, path);
    this.problems.push(problemAt(ref, path, `${displayPath(path)}: ${message}`, { hint }));
  }
}

/**
 * Where a service's workflow hands a call on at once: the service of its first Transfer, when that comes before
 * anything that keeps the call (Queue, Queue Task, Voice Message, Disconnect) and the workflow's structure is
 * one the engine runs (WF-01: a refused structure ends the call instead).
 */
function workflowHandOn(service: ServiceSpec, index: number): { to: string; service: number; item: number } | undefined {
  if (!workflowStructure({ service, direction: 'inbound' }).verdict) return undefined;
  for (const [item, step] of service.workflow.entries()) {
    const activity = activityOf(step);
    if (activity === 'Queue' || activity === 'Queue Task' || activity === 'Voice Message' || activity === 'Disconnect') return undefined;
    if (activity === 'Transfer' && typeof step !== 'string') return 'service' in step.to ? { to: step.to.service, service: index, item } : undefined;
  }
  return undefined;
}

/** Ids defined twice in one file's services or users; merging by id would silently hide them. */
export function duplicateIdProblems(data: PlainMap, rootRef: SourceRef): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  for (const list of ['services', 'users'] as const) {
    const items = data[list];
    if (!Array.isArray(items)) continue;
    const firstAt = new Map<string, number>();
    items.forEach((item, i) => {
      if (!isPlainMap(item) || (typeof item['id'] !== 'string' && typeof item['id'] !== 'number')) return;
      const id = String(item['id']);
      const first = firstAt.get(id);
      if (first === undefined) {
        firstAt.set(id, i);
        return;
      }
      const path: Path = [list, i, 'id'];
      const firstLine = position(locate(data, rootRef, [list, first, 'id']).ref).line;
      const kind = list === 'services' ? 'service' : 'user';
      problems.push(
        problemAt(locate(data, rootRef, path).ref, path, `${displayPath(path)}: duplicate ${kind} id "${id}"`, {
          hint: `${list}[${first}] (line ${firstLine}) already uses this id; ids must be unique`,
        }),
      );
    });
  }
  return problems;
}
