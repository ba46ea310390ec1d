import * as z from 'zod';
import { SPEC_STEP_KINDS, SPEC_WEEKDAYS, type SpecStepKind, TERMINAL_KINDS, tabOfRef } from './spec-shape';

/**
 * The sequence spec format (docs/spec-format.md): one sequence as its owner built it.
 * The replica renders it; fixtures, the demo and outside test sets are written in it.
 *
 * Objects are strict: a misspelt field ("conections") is reported instead of silently ignored,
 * because a spec that quietly loses a field would test something other than its author meant.
 * Custom messages start with "expected" so that `formatIssue` can tell them from zod's own.
 */

const WHOLE = 'expected a whole number >= 0';
const wholeNumber = z.number({ error: WHOLE }).int(WHOLE).min(0, WHOLE);
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM (24-hour clock)');

export const specDelaySchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('immediate') }),
  z.strictObject({
    type: z.literal('wait'),
    days: wholeNumber.default(0),
    hours: wholeNumber.default(0),
  }),
  z.strictObject({
    type: z.literal('date'),
    at: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, 'expected a date and time as YYYY-MM-DDTHH:MM'),
  }),
]);

export const specWindowSchema = z.strictObject({
  days: z.array(z.enum(SPEC_WEEKDAYS)),
  from: clockTime,
  to: clockTime,
});

export const specStepSchema = z.strictObject({
  ref: z.string().regex(/^([1-9]\d*|[A-Z][1-9]\d*)$/, 'expected a number bubble such as "3" or "A1"'),
  kind: z.enum(SPEC_STEP_KINDS),
  active: z.boolean(),
  title: z.string().default(''),
  delay: specDelaySchema.default({ type: 'immediate' }),
  window: specWindowSchema.nullable().default(null),
  recipients: z.enum(['anyone', 'filtered']).optional(),
  versions: z
    .array(
      z.strictObject({
        name: z.string().min(1, 'expected a version name such as "A"'),
        percent: z
          .number({ error: 'expected a percentage from 0 to 100' })
          .min(0, 'expected a percentage from 0 to 100')
          .max(100, 'expected a percentage from 0 to 100'),
      }),
    )
    .optional(),
  goto: z.string().optional(),
  action: z.enum(['add', 'remove', 'subscribe', 'unsubscribe']).optional(),
  target: z.string().optional(),
  x: z.number().optional(),
  y: z.number().optional(),
});

export const specConnectionSchema = z.strictObject({
  from: z.string(),
  to: z.string(),
  branch: z.enum(['yes', 'no']).optional(),
});

export const startingRuleTypes = ['optin', 'tag', 'list', 'order', 'page', 'sequence', 'automation'] as const;

const sequenceId = z.string().regex(/^[A-Za-z0-9_-]+$/, 'expected a sequence id such as "2231"');

/**
 * A change a person makes on the canvas after the page loaded (and after the extension's first
 * audit). The replica never reads these: the test harness performs them through the page's own
 * controls, as a user would (see tests/fixtures/sequences/README.md).
 */
export const specEditSchema = z.strictObject({
  /** From the step's ⋮ menu. */
  action: z.enum(['activate', 'deactivate']),
  step: z.string(),
});

export const editorSpecSchema = z.strictObject({
  page: z.literal('editor').default('editor'),
  /** Free text for the spec's author; never rendered. */
  description: z.string().optional(),
  id: sequenceId,
  name: z.string().max(40, 'expected at most 40 characters (the internal name)'),
  publicName: z.string().max(80, 'expected at most 80 characters (the public name)').default(''),
  status: z.enum(['active', 'paused']),
  /** false: the toolbar shows no status button (the live editor may have none; the list always does). Default true. */
  statusControl: z.boolean().optional(),
  subscribers: wholeNumber.default(0),
  startingRules: z.array(z.strictObject({ type: z.enum(startingRuleTypes), label: z.string() })).default([]),
  steps: z.array(specStepSchema),
  connections: z.array(specConnectionSchema).default([]),
  /** Changes made on the canvas after load, in order; the replica does not render them. */
  edits: z.array(specEditSchema).optional(),
});

export const listSpecSchema = z.strictObject({
  page: z.literal('list'),
  description: z.string().optional(),
  sequences: z.array(
    z.strictObject({
      id: sequenceId,
      name: z.string(),
      status: z.enum(['active', 'paused']),
      subscribers: wholeNumber.default(0),
      completed: wholeNumber.default(0),
    }),
  ),
});

export type EditorSpec = z.infer<typeof editorSpecSchema>;
/** A spec as written (defaults left out), before the schema fills them in. */
export type EditorSpecInput = z.input<typeof editorSpecSchema>;
export type SpecStep = z.infer<typeof specStepSchema>;
export type SpecConnection = z.infer<typeof specConnectionSchema>;
export type SpecEdit = z.infer<typeof specEditSchema>;
export type ListSpec = z.infer<typeof listSpecSchema>;
export type Spec = EditorSpec | ListSpec;

/** A spec that is not valid; `problems` holds one line per problem, as in `message`. */
export class SpecError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.name = 'SpecError';
    this.problems = problems;
  }
}

/** Validates a spec (editor or list) and returns it with defaults filled in; throws SpecError. */
export function parseSpec(json: unknown): Spec {
  const isList = typeof json === 'object' && json !== null && (json as { page?: unknown }).page === 'list';
  const schema = isList ? listSpecSchema : editorSpecSchema;
  const result = schema.safeParse(json);
  if (!result.success) throw new SpecError(result.error.issues.map((issue) => formatIssue(issue, json)));
  const spec = result.data;
  const problems = spec.page === 'list' ? checkList(spec) : checkEditor(spec);
  if (problems.length > 0) throw new SpecError(problems);
  if (spec.page === 'editor') {
    for (const step of spec.steps) {
      if ((step.kind === 'email' || step.kind === 'sms') && step.recipients === undefined) {
        step.recipients = 'anyone';
      }
    }
  }
  return spec;
}

/** `steps[2].delay.days` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(spec)' : out;
}

function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = json;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

const typeWords: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  int: 'a whole number',
};

function formatIssue(issue: z.core.$ZodIssue, json: unknown): string {
  const path: PropertyKey[] = [...issue.path];
  const value = valueAt(json, path);
  const got = value === undefined ? ' (missing)' : ` (got ${describeValue(value)})`;
  const own = issue.message.startsWith('expected') ? issue.message : null;
  let text: string;
  switch (issue.code) {
    case 'invalid_type':
      text = own ?? `expected ${typeWords[issue.expected] ?? issue.expected}`;
      break;
    case 'invalid_value':
      text =
        issue.values.length === 1
          ? `expected ${JSON.stringify(issue.values[0])}`
          : `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
      break;
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      text = options
        ? `expected one of ${options.map((v) => JSON.stringify(v)).join(', ')}`
        : (own ?? 'does not match any allowed form');
      break;
    }
    case 'unrecognized_keys':
      return issue.keys
        .map(
          (key) =>
            `${formatPath([...path, key])}: unknown field (allowed fields are listed in the spec format)`,
        )
        .join('\n');
    default:
      text = own ?? issue.message;
  }
  return `${formatPath(path)}: ${text}${got}`;
}

function checkList(spec: ListSpec): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  spec.sequences.forEach((row, i) => {
    const first = seen.get(row.id);
    if (first !== undefined)
      problems.push(`sequences[${i}].id: "${row.id}" is used by sequences[${first}] too`);
    else seen.set(row.id, i);
  });
  return problems;
}

const ACTIONS: Partial<Record<SpecStepKind, readonly string[]>> = {
  tag: ['add', 'remove'],
  list: ['subscribe', 'unsubscribe'],
  sequence: ['subscribe', 'unsubscribe'],
};

/** "a tag", "an email": the article for a step kind. */
const a = (kind: string) => `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;

function validDate(at: string): boolean {
  const [y, m, d] = at.slice(0, 10).split('-').map(Number) as [number, number, number];
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function checkSteps(spec: EditorSpec, problems: string[], byRef: Map<string, number>): void {
  spec.steps.forEach((step, i) => {
    const at = `steps[${i}]`;
    const first = byRef.get(step.ref);
    if (first !== undefined) problems.push(`${at}.ref: "${step.ref}" is used by steps[${first}] too`);
    else byRef.set(step.ref, i);
    // A goto may name a step that no longer exists: Kartra shows it, and the auditor flags it.
    if (step.kind === 'goto' && step.goto === undefined) {
      problems.push(`${at}.goto: a goto step needs the ref it jumps to (missing)`);
    }
    if (step.kind !== 'goto' && step.goto !== undefined) {
      problems.push(`${at}.goto: only goto steps have a goto (this is ${a(step.kind)} step)`);
    }
    if (step.versions !== undefined && step.kind !== 'email') {
      problems.push(`${at}.versions: only email steps have versions (this is ${a(step.kind)} step)`);
    }
    if (step.recipients !== undefined && step.kind !== 'email' && step.kind !== 'sms') {
      problems.push(
        `${at}.recipients: only email and sms steps have recipients (this is ${a(step.kind)} step)`,
      );
    }
    const actions = ACTIONS[step.kind];
    if (actions) {
      if (step.action === undefined)
        problems.push(`${at}.action: ${a(step.kind)} step needs an action (missing)`);
      else if (!actions.includes(step.action)) {
        problems.push(
          `${at}.action: expected ${actions.map((name) => `"${name}"`).join(' or ')} on ${a(step.kind)} step (got "${step.action}")`,
        );
      }
      if (step.target === undefined)
        problems.push(`${at}.target: ${a(step.kind)} step needs a target name (missing)`);
    } else {
      if (step.action !== undefined) {
        problems.push(
          `${at}.action: only tag, list and sequence steps have an action (this is ${a(step.kind)} step)`,
        );
      }
      if (step.target !== undefined) {
        problems.push(
          `${at}.target: only tag, list and sequence steps have a target (this is ${a(step.kind)} step)`,
        );
      }
    }
    if (step.delay.type === 'date' && !validDate(step.delay.at)) {
      problems.push(`${at}.delay.at: expected a real calendar date (got "${step.delay.at}")`);
    }
  });
}

/** Each edit names a step, and changes it: activate an inactive step, deactivate an active one. */
function checkEdits(spec: EditorSpec, problems: string[], byRef: Map<string, number>): void {
  const active = new Map(spec.steps.map((s) => [s.ref, s.active]));
  (spec.edits ?? []).forEach((edit, i) => {
    const at = `edits[${i}]`;
    if (!byRef.has(edit.step)) {
      problems.push(`${at}.step: no step "${edit.step}" in this sequence`);
      return;
    }
    const wanted = edit.action === 'activate';
    if (active.get(edit.step) === wanted) {
      problems.push(
        `${at}.action: step "${edit.step}" is already ${wanted ? 'active' : 'inactive'} at that point, so "${edit.action}" changes nothing`,
      );
    }
    active.set(edit.step, wanted);
  });
}

function checkEditor(spec: EditorSpec): string[] {
  const problems: string[] = [];
  const byRef = new Map<string, number>();
  checkSteps(spec, problems, byRef);
  checkEdits(spec, problems, byRef);
  const kindOf = (ref: string) => {
    const index = byRef.get(ref);
    return index === undefined ? undefined : spec.steps[index]?.kind;
  };
  /** Which connection already uses each output: "3" / "3:yes" / "start". */
  const outputs = new Map<string, number>();
  spec.connections.forEach((line, i) => {
    const at = `connections[${i}]`;
    const fromKind = line.from === 'start' ? 'start' : kindOf(line.from);
    const toKind = kindOf(line.to);
    if (fromKind === undefined) problems.push(`${at}.from: no step "${line.from}" in this sequence`);
    if (line.to === 'start') problems.push(`${at}.to: the Starting Rules module has no input node`);
    else if (toKind === undefined) problems.push(`${at}.to: no step "${line.to}" in this sequence`);
    if (fromKind === undefined || toKind === undefined) return;
    if (fromKind !== 'start' && TERMINAL_KINDS.includes(fromKind)) {
      problems.push(`${at}.from: step "${line.from}" is ${a(fromKind)} step, which has no output node`);
      return;
    }
    if (fromKind === 'split' && line.branch === undefined) {
      problems.push(`${at}.branch: a line from split step "${line.from}" needs "yes" or "no" (missing)`);
      return;
    }
    if (fromKind !== 'split' && line.branch !== undefined) {
      problems.push(
        `${at}.branch: only lines from a split step have a branch ("${line.from}" is not a split)`,
      );
      return;
    }
    const fromTab = tabOfRef(line.from === 'start' ? '1' : line.from);
    const toTab = tabOfRef(line.to);
    if (fromTab !== toTab) {
      const where = line.from === 'start' ? 'the Starting Rules module' : `"${line.from}"`;
      problems.push(
        `${at}: ${where} and "${line.to}" are on different tabs (${fromTab} and ${toTab}); a line cannot join tabs, use a Go To step`,
      );
    }
    const output = line.branch ? `${line.from}:${line.branch}` : line.from;
    const previous = outputs.get(output);
    if (previous !== undefined) {
      const node =
        line.from === 'start'
          ? 'the Starting Rules module has one output'
          : line.branch
            ? `split step "${line.from}" has one "${line.branch}" output`
            : `step "${line.from}" has one output`;
      problems.push(`${at}.from: ${node}, already used by connections[${previous}]`);
    } else outputs.set(output, i);
  });
  return problems;
}

export * from './spec-shape';
