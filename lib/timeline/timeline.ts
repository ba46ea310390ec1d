import type { FlowGraph } from '../flow/graph';
import { START, subsequenceLetter } from '../flow/refs';
import type { Step } from '../model/model';
import { delayLengthMs, type Timing } from '../time/timing';

/**
 * When each step reaches a contact who enters the sequence at a given moment, on every path from
 * Starting Rules: the sum of the delays and windows that the builder shows one card at a time.
 * The paths form a tree of branches: a split forks it into its Yes and No outputs, a Go To is
 * followed to its target (into a sub-sequence too), a step met again on the same path ends that
 * path as a loop (followed once). Where a step's timing was not read the step is 'unknown', and so
 * is everything after it on that path: their times are only the earliest they can be.
 */

/** The most entries a timeline holds; past it, branches not yet followed end as 'limit'. */
export const TIMELINE_ENTRY_LIMIT = 10_000;

/** Why a step's time is not known. */
export type UnknownReason =
  /** Its delay line was not read. */
  | 'delay-unread'
  /** Its day-and-time window was not read. */
  | 'window-unread'
  /** Its window ends before it starts: Kartra does not document what that does. */
  | 'overnight-window'
  /** A step before it on this path could not be timed. */
  | 'after-unknown';

interface EntryBase {
  ref: string;
  kind: Step['kind'];
  /** When the contact arrives on the step (ms); the earliest it can be when not `timed`. */
  arrivesAt: number;
  /**
   * When the step acts (runs, is skipped, or the contact gets stuck on it), in ms; the earliest it
   * can be when not `timed`.
   */
  at: number;
  /** Calendar days from the entry's day to `at`'s, in the account time zone (0: the day of entry). */
  day: number;
  /** `arrivesAt` is exact: every step before this one on the path was timed. */
  arrivalTimed: boolean;
  /** `at` is exact too: this step was timed as well (false for every 'unknown' entry). */
  timed: boolean;
  /** A date-specific step's set time and the end of its reported 2-hour firing window (ms). */
  firingWindow: { opens: number; closes: number } | null;
}

/** What happens on a step; every entry has both fields, so entries share one shape. */
type Outcome =
  | {
      status: 'runs';
      reason: null;
      /** Its day-and-time window was closed when the delay ended: the step waited for it to open. */
      waitedForWindow: boolean;
    }
  /** Inactive steps are skipped; so are date steps reached after their firing window. */
  | { status: 'skipped'; reason: 'inactive' | 'date-past'; waitedForWindow: false }
  /** Its window never opens: the contact stays on this step. */
  | { status: 'never'; reason: 'window'; waitedForWindow: false }
  | { status: 'unknown'; reason: UnknownReason; waitedForWindow: false };

export type TimelineEntry = EntryBase & Outcome;
export type EntryStatus = TimelineEntry['status'];

/** Which output of the step before leads into a branch. */
export type BranchLabel =
  | 'yes'
  | 'no'
  /** A line leaving a split whose Yes/No output could not be told. */
  | 'unlabelled'
  /** One of several lines leaving a step that is not a split (or Starting Rules). */
  | 'line';

/** How a branch ends. */
export type BranchEnd =
  /** Its last step leads nowhere: an ending, or nothing connected. */
  | { type: 'stops' }
  /** Its last step is a split (or has several lines): the contact takes one of these branches. */
  | { type: 'forks'; branches: number[] }
  /** Its last step's window never opens. */
  | { type: 'stuck' }
  /** The next step was already passed on this path: the loop was followed once. */
  | { type: 'loop'; ref: string; arrivesAt: number; timed: boolean }
  /** A Go To names a step that does not exist. */
  | { type: 'goto-target-missing'; target: string }
  /** A Go To leads to a sub-sequence tab that was not opened. */
  | { type: 'tab-not-seen'; target: string; tab: string }
  /** A Go To whose target was not read. */
  | { type: 'goto-unread' }
  /** Not followed (`quickest` timelines only): another path reached `ref` as soon or sooner (and exactly, if this one is exact). */
  | { type: 'slower'; ref: string; arrivesAt: number; timed: boolean }
  /** Not followed: the timeline reached its entry limit. `next` is where it would go on. */
  | { type: 'limit'; next: string; arrivesAt: number; timed: boolean };

export interface TimelineBranch {
  /** Its index in `Timeline.branches`. */
  id: number;
  /** The branch it forks from; null for the first. */
  parent: number | null;
  /** The output of the parent's last step that leads here; null for the first branch. */
  label: BranchLabel | null;
  /** The steps on it, in the order the contact meets them. */
  entries: TimelineEntry[];
  end: BranchEnd;
}

export interface Timeline {
  /** When the contact enters at Starting Rules (ms). */
  enteredAt: number;
  timeZone: string;
  /** Branch 0 starts at Starting Rules; empty when the Starting Rules module was not seen. */
  branches: TimelineBranch[];
  /** Some branches were not followed: the sequence has more paths than the entry limit allows. */
  cut: boolean;
}

export interface TimelineOptions {
  /** At most this many entries (default TIMELINE_ENTRY_LIMIT). */
  maxEntries?: number;
  /**
   * Follow a path only while it reaches each step sooner than every path before it did, or, with
   * every timing on it read, sooner than every such path did: the same earliest arrivals (and
   * earliest exact ones) for about half the cost on a sequence whose branches meet again, which
   * is all a rule needs. A time never runs backwards along a path, so a path that is not sooner
   * at one step is not sooner after it.
   */
  quickest?: boolean;
}

interface Pending {
  branch: TimelineBranch;
  next: string;
  arrivesAt: number;
  timed: boolean;
  /** Steps already passed on this path, by index in graph.steps. */
  passed: Uint8Array;
}

// Built field by field: spreading a Pending per step cost more than timing the step.
function pending(
  branch: TimelineBranch,
  next: string,
  arrivesAt: number,
  timed: boolean,
  passed: Uint8Array,
): Pending {
  return { branch, next, arrivesAt, timed, passed };
}

interface Output {
  /** The step it leads to; null for a split output with no line (the path stops at the split). */
  to: string | null;
  label: BranchLabel;
}

/** The timeline of a contact entering at `enteredAt` (ms), in `timing`'s zone. Pure. */
export function computeTimeline(
  graph: FlowGraph,
  timing: Timing,
  enteredAt: number,
  options: TimelineOptions = {},
): Timeline {
  const maxEntries = options.maxEntries ?? TIMELINE_ENTRY_LIMIT;
  const timeline: Timeline = { enteredAt, timeZone: timing.timeZone, branches: [], cut: false };
  if (!graph.startSeen) return timeline;
  const entryDay = timing.clock.wallClockDay(enteredAt);
  // Branches are followed in the order they fork, so a limit cuts the deepest alternatives.
  const queue: Pending[] = [];
  let head = 0;
  let entries = 0;
  // quickest: each step's soonest arrival so far, and its soonest exact one. A path that arrives
  // later but exactly is still followed: after a step that waits for a date or a window it may
  // leave as soon as the sooner, inexact one, and then its times are known.
  const soonestAt = options.quickest
    ? new Float64Array(graph.steps.length).fill(Number.POSITIVE_INFINITY)
    : null;
  const soonestExactAt = new Float64Array(soonestAt ? graph.steps.length : 0).fill(Number.POSITIVE_INFINITY);

  const newBranch = (parent: number | null, label: BranchLabel | null): TimelineBranch => {
    const branch: TimelineBranch = {
      id: timeline.branches.length,
      parent,
      label,
      entries: [],
      end: { type: 'stops' },
    };
    timeline.branches.push(branch);
    return branch;
  };
  /** Where the path goes after a step (or Starting Rules): on in the same branch, or forked. */
  const lead = (from: Pending, outputs: readonly Output[], fork: boolean): Pending | null => {
    const only = outputs.length === 1 ? outputs[0] : undefined;
    if (!fork && only?.to) return pending(from.branch, only.to, from.arrivesAt, from.timed, from.passed);
    if (outputs.length === 0) return null;
    const branches: number[] = [];
    // The forking branch walks no further: the first branch to go on takes its steps passed.
    let handedOn = false;
    for (const output of outputs) {
      const child = newBranch(from.branch.id, output.label);
      branches.push(child.id);
      if (output.to === null) continue;
      const passed = handedOn ? from.passed.slice() : from.passed;
      handedOn = true;
      queue.push(pending(child, output.to, from.arrivesAt, from.timed, passed));
    }
    from.branch.end = { type: 'forks', branches };
    return null;
  };

  const start = pending(newBranch(null, null), START, enteredAt, true, new Uint8Array(graph.steps.length));
  const first = lead(start, outputsOf(graph, START), false);
  if (first) queue.push(first);

  while (head < queue.length) {
    let walk: Pending | null = queue[head++] as Pending;
    while (walk !== null) {
      const { branch, next, arrivesAt, timed, passed } = walk;
      const index = graph.indexOf(next);
      const step = graph.steps[index];
      // graph.successors only names steps that exist.
      if (step === undefined) break;
      if (passed[index]) {
        branch.end = { type: 'loop', ref: next, arrivesAt, timed };
        break;
      }
      if (soonestAt) {
        const sooner = arrivesAt < (soonestAt[index] as number);
        const exactlySooner = timed && arrivesAt < (soonestExactAt[index] as number);
        if (!sooner && !exactlySooner) {
          branch.end = { type: 'slower', ref: next, arrivesAt, timed };
          break;
        }
        if (sooner) soonestAt[index] = arrivesAt;
        if (exactlySooner) soonestExactAt[index] = arrivesAt;
      }
      if (entries >= maxEntries) {
        timeline.cut = true;
        branch.end = { type: 'limit', next, arrivesAt, timed };
        break;
      }
      passed[index] = 1;
      const entry = timeStep(step, arrivesAt, timed, timing);
      entry.day = timing.clock.wallClockDay(entry.at) - entryDay;
      branch.entries.push(entry);
      entries++;
      if (entry.status === 'never') {
        branch.end = { type: 'stuck' };
        break;
      }
      const outputs = outputsOf(graph, step.ref, step);
      if (outputs.length === 0) branch.end = endOfJump(graph, step);
      walk = lead(pending(branch, next, entry.at, entry.timed, passed), outputs, step.kind === 'split');
    }
  }
  return timeline;
}

/** Where a contact can go after a step: a split's outputs, else its lines and Go To jump. */
function outputsOf(graph: FlowGraph, ref: string, step?: Step): Output[] {
  if (step?.kind !== 'split') return graph.successors(ref).map((to) => ({ to, label: 'line' }));
  const { yes, no, unlabeled } = graph.splitBranches(ref);
  const outputs: Output[] = [
    ...yes.map((to): Output => ({ to, label: 'yes' })),
    ...no.map((to): Output => ({ to, label: 'no' })),
    ...unlabeled.map((to): Output => ({ to, label: 'unlabelled' })),
  ];
  if (outputs.length === 0 || unlabeled.length > 0) return outputs;
  // An output with no line is an alternative too: contacts on it stop at the split.
  if (yes.length === 0) outputs.unshift({ to: null, label: 'yes' });
  if (no.length === 0) outputs.push({ to: null, label: 'no' });
  return outputs;
}

/** How a path ends at a step with nowhere to go: a Go To whose jump cannot be followed, or a stop. */
function endOfJump(graph: FlowGraph, step: Step): BranchEnd {
  if (step.kind !== 'goto' || !step.active) return { type: 'stops' };
  if (step.goto === null) return { type: 'goto-unread' };
  const tab = subsequenceLetter(step.goto);
  if (tab !== null && graph.tabsNotSeen.includes(tab))
    return { type: 'tab-not-seen', target: step.goto, tab };
  return graph.has(step.goto) ? { type: 'stops' } : { type: 'goto-target-missing', target: step.goto };
}

const UNKNOWN_REASON = {
  delay: 'delay-unread',
  window: 'window-unread',
  'overnight-window': 'overnight-window',
} as const satisfies Record<string, UnknownReason>;

/** The entry of a step a contact arrives on at `arrivesAt`; `day` is filled in by the caller. */
function timeStep(step: Step, arrivesAt: number, timed: boolean, timing: Timing): TimelineEntry {
  const firingWindow = step.delay?.type === 'date' ? instants(timing.dateStepWindow(step.delay.at)) : null;
  // One literal of one shape: spreading the parts in was most of a 1,000-step timeline's cost.
  const entry = (
    at: number,
    exact: boolean,
    status: Outcome['status'],
    reason: Outcome['reason'],
    waitedForWindow = false,
  ) =>
    ({
      ref: step.ref,
      kind: step.kind,
      arrivesAt,
      at,
      day: 0,
      arrivalTimed: timed,
      timed: exact,
      firingWindow,
      status,
      reason,
      waitedForWindow,
    }) as TimelineEntry;
  if (!step.active) return entry(arrivesAt, timed, 'skipped', 'inactive');
  const run = timing.whenStepRuns(step, new Date(arrivesAt));
  switch (run.status) {
    case 'never':
      return entry(arrivesAt, timed, 'never', 'window');
    case 'unknown':
      return entry(arrivesAt, false, 'unknown', UNKNOWN_REASON[run.missing]);
    case 'skipped':
      // Reached after its firing window, so skipped; known only when the arrival is.
      return timed
        ? entry(arrivesAt, true, 'skipped', 'date-past')
        : entry(arrivesAt, false, 'unknown', 'after-unknown');
    case 'runs': {
      const at = run.at.getTime();
      if (!timed) return entry(at, false, 'unknown', 'after-unknown');
      const due = firingWindow
        ? Math.max(arrivesAt, firingWindow.opens)
        : arrivesAt + (step.delay ? (delayLengthMs(step.delay) ?? 0) : 0);
      return entry(at, true, 'runs', null, at > due);
    }
  }
}

function instants(window: { opens: Date; closes: Date }): { opens: number; closes: number } {
  return { opens: window.opens.getTime(), closes: window.closes.getTime() };
}

/** The earliest a contact arrives on a step over every path followed, and whether that time is exact. */
export interface EarliestArrival {
  at: number;
  timed: boolean;
  /**
   * The earliest arrival known exactly (null: none is): later than `at` when a sooner path holds a
   * step whose timing was not read, so `at` is only "not before".
   */
  exactAt: number | null;
}

/**
 * Each step's earliest arrival over all the timeline's paths (an exact time wins a tie), and its
 * earliest exact one. A path that comes back to a step only arrives later, so loops followed once
 * lose nothing; a step only on paths the limit cut is missing (see `cutArrival`).
 */
export function earliestArrivals(timeline: Timeline): Map<string, EarliestArrival> {
  const best = new Map<string, EarliestArrival>();
  const offer = (ref: string, at: number, timed: boolean) => {
    const known = best.get(ref) ?? { at: Number.POSITIVE_INFINITY, timed: false, exactAt: null };
    const exactAt = timed && (known.exactAt === null || at < known.exactAt) ? at : known.exactAt;
    const soonest = Math.min(at, known.at);
    best.set(ref, { at: soonest, timed: exactAt === soonest, exactAt });
  };
  for (const branch of timeline.branches) {
    for (const entry of branch.entries) offer(entry.ref, entry.arrivesAt, entry.arrivalTimed);
    if (branch.end.type === 'limit') offer(branch.end.next, branch.end.arrivesAt, branch.end.timed);
  }
  return best;
}

/** The earliest moment a path the limit cut goes on from (ms); null when nothing was cut. */
export function cutArrival(timeline: Timeline): number | null {
  let earliest: number | null = null;
  for (const branch of timeline.branches) {
    if (branch.end.type !== 'limit') continue;
    if (earliest === null || branch.end.arrivesAt < earliest) earliest = branch.end.arrivesAt;
  }
  return earliest;
}

/** The branches from the first down to `id`, each with the output taken into it. */
export function branchPath(timeline: Timeline, id: number): TimelineBranch[] {
  const path: TimelineBranch[] = [];
  for (
    let b = timeline.branches[id];
    b !== undefined;
    b = b.parent === null ? undefined : timeline.branches[b.parent]
  ) {
    path.push(b);
  }
  return path.reverse();
}

/** The branches that end a path (every branch that does not fork): one per alternative way through. */
export function pathEnds(timeline: Timeline): TimelineBranch[] {
  return timeline.branches.filter((b) => b.end.type !== 'forks');
}
