import type { Finding, FindingKind, ReviewCause } from '../audit/report';
import type { FlowGraph } from '../flow/graph';
import type { Diagnostic, ListRow, SequenceModel } from '../model/model';
import type { RuleOptionValue, Settings, Severity } from '../settings/settings';
import type { Timing } from '../time/timing';
import type { VisitObservations } from '../visit/visit';

export type { Finding, FindingKind, ReviewCause } from '../audit/report';
export type { Severity } from '../settings/settings';
/** The pages a rule reads: the builder, the sequence list, or both. */
export type AuditedPage = 'editor' | 'list';

/**
 * A house rule: practice teams disagree on, which the user sets in the options page. The rule
 * reads the value the user chose, or the default; its messages and fixes follow the choice.
 */
export type RuleOption =
  | {
      type: 'choice';
      /** What is being chosen, as the options page and the exports name it. */
      label: string;
      default: string;
      /** Each choice's key and its words. */
      choices: Readonly<Record<string, string>>;
    }
  | {
      type: 'number';
      label: string;
      default: number;
      min: number;
      max: number;
      /** The number's unit in words, for one and for many: ['minute', 'minutes']. */
      unit: readonly [string, string];
      /** Words for a value that means something of its own (0: "the same moment"). */
      special?: Readonly<Record<number, string>>;
    };

/** The values a rule's check gets for its options. */
export type OptionValues<O> = {
  readonly [K in keyof O]: O[K] extends { type: 'number' }
    ? number
    : O[K] extends { choices: infer C }
      ? keyof C & string
      : never;
};

/** Values a message's `{{name}}` placeholders are filled with. */
export type MessageData = Readonly<Record<string, string | number>>;

export interface RuleMeta<M extends string = string, F extends string = string> {
  id: string;
  severity: Severity;
  title: string;
  /** What a finding means, in plain words. */
  description: string;
  /** The fix, in Kartra's words. */
  fix: string;
  /**
   * What each finding says, by message id; `{{name}}` is filled from the finding's data. Tests
   * match the ids, so the words can change without touching them.
   */
  messages: Readonly<Record<M, string>>;
  /** Fixes for findings whose fix depends on what was found, by id, with placeholders as above. */
  fixes?: Readonly<Record<F, string>>;
  /** House rules the rule takes, by option name (the settings' `ruleOptions`). */
  options?: Readonly<Record<string, RuleOption>>;
  docs: string;
  pages: readonly AuditedPage[];
}

export interface CheckContext {
  page: AuditedPage;
  /** The sequence on the builder; null on the list page. */
  sequence: SequenceModel | null;
  /** The list page's rows; [] on the builder. */
  rows: readonly ListRow[];
  /** The reader's notes about what it could not read. */
  diagnostics: readonly Diagnostic[];
  /** Built once per audit (an empty flow on the list page). */
  graph: FlowGraph;
  timing: Timing;
  settings: Settings;
  now: Date;
  /** What the audit session saw beyond this page: the sequence list earlier, unsaved canvas changes. */
  visit: VisitObservations;
  /** `Step 3 · Send email "Last call"`; 'start' gives "Starting Rules". */
  describe(ref: string): string;
  /**
   * The cause of a review about a step's fact: what the card showed where the reader noted `code`
   * (a diagnostic such as 'timing-unread'), or undefined when it noted nothing of the kind.
   */
  unreadCause(ref: string, code: Diagnostic['code']): ReviewCause | undefined;
}

export interface Rule {
  meta: RuleMeta;
  check(context: CheckContext): Finding[];
}

/** How a finding departs from the rule's defaults. */
export interface ReportExtra<F extends string = never> {
  /** A key of `meta.fixes`, instead of `meta.fix`. */
  fix?: F;
  sequenceId?: string;
  cause?: ReviewCause | undefined;
}

/**
 * A finding of the rule it is bound to, at the rule's own severity (the audit applies the user's
 * override afterwards), worded by `meta.messages[messageId]`.
 */
export type Report<M extends string, F extends string = never> = (
  kind: FindingKind,
  messageId: M,
  steps: readonly string[],
  data?: MessageData,
  extra?: ReportExtra<F>,
) => Finding;

/** `template` with each `{{name}}` replaced by `data[name]`; a placeholder with no value is a bug. */
export function fillMessage(template: string, data: MessageData, where: string): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_all, name: string) => {
    const value = data[name];
    if (value === undefined) throw new Error(`${where}: no value for {{${name}}}`);
    return String(value);
  });
}

export function bindReport<M extends string, F extends string = never>(
  meta: Omit<RuleMeta<M, F>, 'docs'>,
): Report<M, F> {
  return (kind, messageId, steps, data = {}, extra = {}) => {
    const where = `${meta.id}.${messageId}`;
    const template = meta.messages[messageId];
    if (template === undefined) throw new Error(`${meta.id}: no message ${messageId}`);
    let fix = meta.fix;
    if (extra.fix !== undefined) {
      const other = meta.fixes?.[extra.fix];
      if (other === undefined) throw new Error(`${meta.id}: no fix ${extra.fix}`);
      fix = fillMessage(other, data, `${meta.id} fix ${extra.fix}`);
    }
    const result: Finding = {
      ruleId: meta.id,
      messageId,
      severity: meta.severity,
      kind,
      message: fillMessage(template, data, where),
      fix,
      steps: [...steps],
    };
    if (extra.sequenceId !== undefined) result.sequenceId = extra.sequenceId;
    if (extra.cause !== undefined) result.cause = extra.cause;
    return result;
  };
}

/** Whether `value` is one the option accepts. */
export function acceptsValue(option: RuleOption, value: unknown): value is RuleOptionValue {
  if (option.type === 'choice') return typeof value === 'string' && Object.hasOwn(option.choices, value);
  return Number.isInteger(value) && (value as number) >= option.min && (value as number) <= option.max;
}

/** The rule's options as the user set them: each stored value the option accepts, else its default. */
export function optionValues(
  options: Readonly<Record<string, RuleOption>> | undefined,
  stored: Readonly<Record<string, RuleOptionValue>> | undefined,
): Record<string, RuleOptionValue> {
  const values: Record<string, RuleOptionValue> = {};
  for (const [name, option] of Object.entries(options ?? {})) {
    const value = stored?.[name];
    values[name] = acceptsValue(option, value) ? value : option.default;
  }
  return values;
}

/** An option's value in words: "Unsubscribe", "10 email steps", "the same moment". */
export function optionValueWords(option: RuleOption, value: RuleOptionValue): string {
  if (option.type === 'choice') return option.choices[value as string] ?? String(value);
  const special = option.special?.[value as number];
  if (special !== undefined) return special;
  return `${value} ${value === 1 ? option.unit[0] : option.unit[1]}`;
}

export function defineRule<
  const M extends string,
  const F extends string = never,
  const O extends Readonly<Record<string, RuleOption>> = Record<never, RuleOption>,
>(
  meta: Omit<RuleMeta<M, F>, 'docs' | 'options'> & { options?: O },
  check: (context: CheckContext, report: Report<M, F>, options: OptionValues<O>) => Finding[],
): Rule {
  const report = bindReport(meta);
  return {
    meta: { ...meta, docs: `docs/rules/${meta.id}.md` },
    check: (context) =>
      check(
        context,
        report,
        optionValues(meta.options, context.settings.ruleOptions[meta.id]) as OptionValues<O>,
      ),
  };
}
