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

export function defineRule(meta: Omit<RuleMeta, 'docs'>, check: Rule['check']): Rule {
  return { meta: { ...meta, docs: `docs/rules/${meta.id}.md` }, check };
}

/** A finding at the rule's own severity (the audit applies the user's override afterwards). */
export function finding(
  meta: Pick<RuleMeta, 'id' | 'severity' | 'fix'>,
  kind: FindingKind,
  message: string,
  steps: readonly string[],
  extra: { fix?: string; sequenceId?: string; cause?: ReviewCause | undefined } = {},
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
  if (extra.cause !== undefined) result.cause = extra.cause;
  return result;
}
