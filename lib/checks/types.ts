import type { FlowGraph } from '../graph';
import type { Diagnostic, ListRow, SequenceModel } from '../model';
import type { Settings, Severity } from '../settings';
import type { Timing } from '../timing';
import type { VisitObservations } from '../visit';

export type { Severity } from '../settings';
export type FindingKind = 'fail' | 'review';
/** The pages a rule reads: the builder, the sequence list, or both. */
export type AuditedPage = 'editor' | 'list';

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** 'fail': the rule decided; 'review': the page did not show enough to decide. */
  kind: FindingKind;
  message: string;
  fix: string;
  /** Reference numbers; 'start' for Starting Rules; [] for the sequence as a whole. */
  steps: string[];
  /** On list-page findings, the row's sequence. */
  sequenceId?: string;
}

export interface RuleMeta {
  id: string;
  severity: Severity;
  title: string;
  /** What a finding means, in plain words. */
  description: string;
  /** The fix, in Kartra's words. */
  fix: string;
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
}

export interface Rule {
  meta: RuleMeta;
  check(context: CheckContext): Finding[];
}

export function defineRule(meta: Omit<RuleMeta, 'docs'>, check: Rule['check']): Rule {
  return { meta: { ...meta, docs: `docs/rules/${meta.id}.md` }, check };
}

/** A finding at the rule's own severity (the audit applies the user's override afterwards). */
export function finding(
  meta: Pick<RuleMeta, 'id' | 'severity' | 'fix'>,
  kind: FindingKind,
  message: string,
  steps: readonly string[],
  extra: { fix?: string; sequenceId?: string } = {},
): Finding {
  const result: Finding = {
    ruleId: meta.id,
    severity: meta.severity,
    kind,
    message,
    fix: extra.fix ?? meta.fix,
    steps: [...steps],
  };
  if (extra.sequenceId !== undefined) result.sequenceId = extra.sequenceId;
  return result;
}
