import type { Finding, FindingKind, ReviewCause } from '../audit/report';
import type { FlowGraph } from '../flow/graph';
import type { Diagnostic, ListRow, SequenceModel } from '../model/model';
import type { Settings, Severity } from '../settings/settings';
import type { Timing } from '../time/timing';
import type { VisitObservations } from '../visit/visit';

export type { Finding, FindingKind, ReviewCause } from '../audit/report';
export type { Severity } from '../settings/settings';
/** The pages a rule reads: the builder, the sequence list, or both. */
export type AuditedPage = 'editor' | 'list';

/** Values a message's `{{name}}` placeholders are filled with. */
export type MessageData = Readonly<Record<string, string | number>>;

export interface RuleMeta<M extends string = string> {
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
  fixes?: Readonly<Record<string, string>>;
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
export interface ReportExtra {
  /** A key of `meta.fixes`, instead of `meta.fix`. */
  fix?: string;
  sequenceId?: string;
  cause?: ReviewCause | undefined;
}

/**
 * A finding of the rule it is bound to, at the rule's own severity (the audit applies the user's
 * override afterwards), worded by `meta.messages[messageId]`.
 */
export type Report<M extends string> = (
  kind: FindingKind,
  messageId: M,
  steps: readonly string[],
  data?: MessageData,
  extra?: ReportExtra,
) => Finding;

/** `template` with each `{{name}}` replaced by `data[name]`; a placeholder with no value is a bug. */
export function fillMessage(template: string, data: MessageData, where: string): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_all, name: string) => {
    const value = data[name];
    if (value === undefined) throw new Error(`${where}: no value for {{${name}}}`);
    return String(value);
  });
}

export function bindReport<M extends string>(meta: Omit<RuleMeta<M>, 'docs'>): Report<M> {
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

/** Until every rule words its findings from `meta.messages` through `report`. */
export function finding(
  meta: Pick<RuleMeta, 'id' | 'severity' | 'fix'>,
  kind: FindingKind,
  message: string,
  steps: readonly string[],
  extra: { fix?: string; sequenceId?: string; cause?: ReviewCause | undefined } = {},
): Finding {
  const result: Finding = {
    ruleId: meta.id,
    messageId: 'unkeyed',
    severity: meta.severity,
    kind,
    message,
    fix: extra.fix ?? meta.fix,
    steps: [...steps],
  };
  if (extra.sequenceId !== undefined) result.sequenceId = extra.sequenceId;
  if (extra.cause !== undefined) result.cause = extra.cause;
  return result;
}

export function defineRule<const M extends string>(
  meta: Omit<RuleMeta<M>, 'docs' | 'messages'> & { messages?: Readonly<Record<M, string>> },
  check: (context: CheckContext, report: Report<M>) => Finding[],
): Rule {
  const report = bindReport({ messages: {} as Record<M, string>, ...meta });
  return {
    meta: { messages: {}, ...meta, docs: `docs/rules/${meta.id}.md` } as RuleMeta,
    check: (context) => check(context, report),
  };
}
