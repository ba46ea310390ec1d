import { type AcceptedBySequence, splitAccepted } from '../accepted/accepted';
import { mergeReviewsByCause, unreadCauses } from '../checks/causes';
import { RULES } from '../checks/index';
import { type CheckContext, type Finding, optionValues, optionValueWords, type Rule } from '../checks/types';
import { buildGraph, compareRefs, type FlowGraph, START } from '../flow/graph';
import { describeStep } from '../model/describe-step';
import type { Diagnostic, ListRow, PageModel, SequenceModel } from '../model/model';
import {
  defaultSettings,
  effectiveSeverity,
  isRuleEnabled,
  type Settings,
  type Severity,
} from '../settings/settings';
import { createTiming, defaultTimeZone, type Timing, type ZoneClocks } from '../time/timing';
import type { VisitObservations } from '../visit/visit';
import type { Report, ReviewCause } from './report';

export interface AuditOptions {
  settings?: Settings;
  now: Date;
  tool: { name: string; version: string };
  /**
   * The browser's IANA time zone (defaults to what Intl says). Dates and windows follow the
   * account's zone: the settings' accountTimeZone when set, else this one, named as the browser's.
   */
  timeZone?: string;
  /**
   * The caller's zone clocks, kept between audits so the offsets they have read serve the next
   * audit too (the audit session's); without them, made for this audit.
   */
  clocks?: ZoneClocks;
  /** How long reading the page took, for the report's timing. */
  readMs?: number;
  /** What the audit session observed beyond the page (none for a one-off read). */
  visit?: VisitObservations;
  /** The findings the user accepted, by sequence id: taken out of the findings and the counts. */
  accepted?: AcceptedBySequence;
}

const NOTHING_OBSERVED: VisitObservations = { listSeen: null, unsaved: null };

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const RULE_RANK = new Map(RULES.map((r, i) => [r.meta.id, i]));
const RULE_TITLES = new Map(RULES.map((r) => [r.meta.id, r.meta.title]));

const EMPTY_SEQUENCE: SequenceModel = {
  id: '',
  name: null,
  publicName: null,
  status: null,
  subscribers: null,
  startingRules: [],
  steps: [],
  connections: [],
  tabs: { all: [], seen: [] },
  diagnostics: [],
};

function clock(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

function diagnosticNote(d: Diagnostic): string {
  return `${d.where}: expected ${d.expected}${d.found ? `, found ${d.found}` : ''}`;
}

/** Errors first, then warnings, then info; within one severity, in the order contacts meet the steps. */
function sortFindings(findings: Finding[], graph: FlowGraph, rows: readonly ListRow[]): Finding[] {
  const position = new Map<string, number>();
  for (const [i, ref] of graph.runOrder.entries()) position.set(ref, i);
  const rest = graph.steps.map((s) => s.ref).filter((ref) => !position.has(ref));
  rest.sort(compareRefs);
  for (const ref of rest) position.set(ref, position.size);
  const rowIndex = new Map(rows.map((r, i) => [r.id, i]));
  const where = (f: Finding): number => {
    if (f.sequenceId !== undefined) return rowIndex.get(f.sequenceId) ?? Number.MAX_SAFE_INTEGER;
    if (f.steps.length === 0) return -2;
    let best = Number.MAX_SAFE_INTEGER;
    for (const ref of f.steps) best = Math.min(best, ref === START ? -1 : (position.get(ref) ?? best));
    return best;
  };
  const keyed = findings.map((f) => ({ f, at: where(f) }));
  keyed.sort(
    (a, b) =>
      SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] ||
      a.at - b.at ||
      (RULE_RANK.get(a.f.ruleId) ?? 0) - (RULE_RANK.get(b.f.ruleId) ?? 0) ||
      (a.f.kind === b.f.kind ? 0 : a.f.kind === 'fail' ? -1 : 1),
  );
  return keyed.map((k) => k.f);
}

function count(findings: readonly Finding[], unrecognised: boolean): Report['counts'] {
  const counts = { error: 0, warning: 0, info: 0, review: unrecognised ? 1 : 0 };
  for (const f of findings) {
    if (f.kind === 'review') counts.review++;
    else counts[f.severity]++;
  }
  return counts;
}

/** The context every check receives; built once per audit (exported for rule tests). */
export function createContext(
  page: 'editor' | 'list',
  parts: {
    sequence: SequenceModel | null;
    rows?: readonly ListRow[];
    diagnostics?: readonly Diagnostic[];
    graph?: FlowGraph;
    timing?: Timing;
    settings?: Settings;
    now: Date;
    visit?: VisitObservations;
  },
): CheckContext {
  const graph = parts.graph ?? buildGraph(parts.sequence ?? EMPTY_SEQUENCE);
  const refs = new Map(graph.steps.map((s) => [s.ref, s]));
  // Several rules name the same steps (a burst names each message once per run it is in).
  const names = new Map<string, string>();
  const diagnostics = parts.diagnostics ?? parts.sequence?.diagnostics ?? [];
  let unread: Map<string, ReviewCause> | null = null;
  return {
    page,
    sequence: parts.sequence,
    rows: parts.rows ?? [],
    diagnostics,
    graph,
    timing: parts.timing ?? createTiming(),
    settings: parts.settings ?? defaultSettings(),
    now: parts.now,
    visit: parts.visit ?? NOTHING_OBSERVED,
    describe: (ref) => {
      let name = names.get(ref);
      if (name === undefined) {
        name = describeStep(refs.get(ref), ref);
        names.set(ref, name);
      }
      return name;
    },
    unreadCause: (ref, code) => {
      // Built on the first review that asks: most audits read every fact and never do.
      unread ??= unreadCauses(diagnostics);
      return unread.get(`${code} ${ref}`);
    },
  };
}

/**
 * The clock dates and windows are read on: the settings' account zone, else the browser's
 * (`browserZone`, by default what Intl says), on the owner's `clocks` when given.
 */
export function accountTiming(settings: Settings, browserZone?: string, clocks?: ZoneClocks): Timing {
  const accountZone = settings.accountTimeZone;
  return createTiming(
    accountZone ?? browserZone ?? defaultTimeZone(),
    accountZone === null ? 'browser' : 'setting',
    clocks,
  );
}

/** Runs every enabled rule on what the reader saw and builds the report. Pure apart from the clock. */
export function audit(page: PageModel, options: AuditOptions): Report {
  const started = clock();
  const settings = options.settings ?? defaultSettings();
  const notes: string[] = [];

  let sequence: SequenceModel | null = null;
  let rows: readonly ListRow[] = [];
  let diagnostics: readonly Diagnostic[] = [];
  let findings: Finding[] = [];
  let graph = buildGraph(EMPTY_SEQUENCE);
  let tabsAudited: string[] = [];
  let tabsNotSeen: string[] = [];
  const ran: Rule[] = [];

  if (page.kind === 'editor' || page.kind === 'list') {
    // Only here: a page's first Intl call loads the time zone data (tens of ms), which the
    // Kartra pages that are not a sequence never need.
    const requestedZone = settings.accountTimeZone ?? options.timeZone ?? defaultTimeZone();
    const timing = accountTiming(settings, options.timeZone, options.clocks);
    // A zone Intl does not know is read as UTC.
    if (timing.timeZone !== requestedZone)
      notes.push(`Unknown time zone "${requestedZone}"; dates were read as UTC.`);
    if (page.kind === 'editor') {
      sequence = page.sequence;
      diagnostics = sequence.diagnostics;
      graph = buildGraph(sequence);
      const seen = new Set(sequence.tabs.seen);
      tabsAudited = sequence.tabs.all.filter((t) => seen.has(t));
      for (const t of sequence.tabs.seen) if (!tabsAudited.includes(t)) tabsAudited.push(t);
      tabsNotSeen = [...graph.tabsNotSeen];
      if (tabsNotSeen.length > 0) {
        notes.push(
          `Not opened yet: ${tabsNotSeen.map((t) => `tab ${t}`).join(', ')}. Open each tab in the builder to audit its steps.`,
        );
      }
      if (graph.duplicateRefs.length > 0) {
        notes.push(
          `Step numbers seen twice: ${graph.duplicateRefs.join(', ')}; only the first card of each was checked.`,
        );
      }
    } else {
      rows = page.rows;
      diagnostics = page.diagnostics;
    }
    const context = createContext(page.kind, {
      sequence,
      rows,
      diagnostics,
      graph,
      timing,
      settings,
      now: options.now,
      ...(options.visit ? { visit: options.visit } : {}),
    });
    for (const rule of RULES) {
      if (!rule.meta.pages.includes(page.kind) || !isRuleEnabled(settings, rule.meta.id)) continue;
      ran.push(rule);
      try {
        for (const f of rule.check(context)) {
          findings.push({ ...f, severity: effectiveSeverity(settings, rule.meta.id, f.severity) });
        }
      } catch (error) {
        // One broken rule must not hide the others' findings.
        notes.push(
          `Rule ${rule.meta.id} could not run: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    findings = sortFindings(mergeReviewsByCause(findings, RULE_TITLES), graph, rows);
    for (const d of diagnostics) notes.push(diagnosticNote(d));
  } else if (page.kind === 'unrecognised') {
    const missing = page.diagnostics.filter((d) => d.code !== 'profile-not-inferred').map((d) => d.expected);
    notes.push(
      `This looks like a sequence page, but the builder was not recognised (missing: ${missing.join(', ') || 'the builder'}). Nothing was checked: this is not a clean bill of health.`,
    );
    for (const d of page.diagnostics) if (d.code === 'profile-not-inferred') notes.push(diagnosticNote(d));
  }
  const reading = page.kind === 'editor' || page.kind === 'unrecognised' ? page.reading : undefined;

  const houseRules = ran.flatMap(({ meta }) => {
    const values = optionValues(meta.options, settings.ruleOptions[meta.id]);
    return Object.entries(meta.options ?? {}).map(([option, declared]) => {
      const value = values[option] ?? declared.default;
      return {
        ruleId: meta.id,
        rule: meta.title,
        option,
        label: declared.label,
        value,
        words: optionValueWords(declared, value),
        isDefault: value === declared.default,
      };
    });
  });
  const { open, accepted } = splitAccepted(findings, sequence ? (options.accepted?.[sequence.id] ?? []) : []);
  const checkMs = clock() - started;
  return {
    schemaVersion: 1,
    tool: { name: options.tool.name, version: options.tool.version },
    generatedAt: options.now.toISOString(),
    page: { url: page.url, kind: page.kind },
    sequence: sequence
      ? {
          id: sequence.id,
          name: sequence.name,
          publicName: sequence.publicName,
          status: sequence.status,
          subscribers: sequence.subscribers,
        }
      : null,
    findings: open,
    ...(accepted.length > 0 ? { accepted } : {}),
    ...(houseRules.length > 0 ? { houseRules } : {}),
    runOrder: [...graph.runOrder],
    counts: count(open, page.kind === 'unrecognised'),
    coverage: { tabsAudited, tabsNotSeen, notes, ...(reading ? { reading } : {}) },
    timing: { readMs: Math.max(0, options.readMs ?? 0), checkMs: Math.max(0, checkMs), renderMs: 0 },
  };
}
