import type { Connection, SequenceModel, Step } from '../model/model';
import { type FlowCoverage, flowCoverage } from './coverage';
import { findCycles } from './cycles';
import { compareRefs, START, subsequenceLetter } from './refs';

export { compareRefs, START, subsequenceLetter } from './refs';

export interface SplitBranches {
  yes: readonly string[];
  no: readonly string[];
  /** Lines leaving the split whose Yes/No output could not be told. */
  unlabeled: readonly string[];
}

/**
 * The flow as a contact experiences it, built once per audit: who follows whom (lines, then
 * Go To jumps), what can be reached, and the order steps run in. Everything is computed in
 * time linear in steps + connections, since the audit re-runs on every change in the builder.
 */
export interface FlowGraph extends FlowCoverage {
  readonly sequence: SequenceModel;
  /** One step per reference (the first card wins if the page showed a number twice). */
  readonly steps: readonly Step[];
  readonly duplicateRefs: readonly string[];
  step(ref: string): Step | undefined;
  /** The step's position in `steps`, or -1: for walks that keep marks in arrays. */
  indexOf(ref: string): number;
  has(ref: string): boolean;
  /**
   * Next steps for a contact: lines (Yes before No, then unlabeled), then the Go To target when
   * the Go To is active (an inactive one is skipped, so it jumps nowhere).
   */
  successors(ref: string): readonly string[];
  /** Lines leaving a step (or 'start') whose target exists. */
  connectionsFrom(ref: string): readonly Connection[];
  /** Lines arriving at a step, from Starting Rules or another existing step. */
  incomingConnections(ref: string): number;
  /** Go To steps naming this step. */
  gotoSources(ref: string): readonly string[];
  splitBranches(ref: string): SplitBranches;
  /** The Starting Rules module was on the page (it lives on the main tab). */
  readonly startSeen: boolean;
  /**
   * Reachable from Starting Rules, following lines and the jumps of active Go To steps that are
   * themselves reached.
   */
  readonly reachable: ReadonlySet<string>;
  /**
   * What is known to be reachable: `reachable` when the whole flow was read; otherwise also
   * anything an active Go To leads to, since that Go To may be reached through what was not seen.
   */
  readonly entryReachable: ReadonlySet<string>;
  /**
   * Steps a contact might pass given what was seen: `reachable` when every tab was read, every
   * line traced and every active Go To's target read; otherwise also anything downstream of an
   * active Go To's target or of a step without incoming lines, since a Go To on an unseen tab (or
   * an untraced line, or a Go To whose target was not read) may lead there.
   */
  readonly mayRun: ReadonlySet<string>;
  /** The order a contact meets the steps: depth-first from Starting Rules, Yes before No, then Go To. */
  readonly runOrder: readonly string[];
  /** Position in runOrder, or -1 for steps no contact reaches. */
  runIndex(ref: string): number;
  subsequenceOf(ref: string): string | null;
  /** Sub-sequence letter to its steps, in reference order. */
  readonly subsequences: ReadonlyMap<string, readonly string[]>;
  /**
   * Steps of a sub-sequence that a line or an active Go To leads to from outside it, from a step
   * in entryReachable: a way in that nobody takes (from a stranded step, or an inactive Go To)
   * is no way in.
   */
  entriesOf(letter: string): readonly string[];
  /**
   * Strongly connected parts of the flow restricted to `include`d steps that contain a cycle
   * (two or more steps, or a step leading to itself). Tarjan's algorithm, iterative.
   */
  cycles(include: (ref: string) => boolean): string[][];
}

export function buildGraph(sequence: SequenceModel): FlowGraph {
  const steps: Step[] = [];
  const duplicateRefs: string[] = [];
  const indexOf = new Map<string, number>();
  for (const step of sequence.steps) {
    if (indexOf.has(step.ref) || step.ref === START) {
      duplicateRefs.push(step.ref);
      continue;
    }
    indexOf.set(step.ref, steps.length);
    steps.push(step);
  }
  const n = steps.length;
  const startIndex = n;
  const nodeOf = (ref: string): number | undefined => (ref === START ? startIndex : indexOf.get(ref));
  const refOf = (i: number): string => (i === startIndex ? START : (steps[i] as Step).ref);

  // Lists by node index, each made when its first entry comes: most steps have no branch of a
  // kind, no jump to them, and one line out at most.
  const yes: number[][] = [];
  const no: number[][] = [];
  const plain: number[][] = [];
  const outLines: Connection[][] = [];
  const incoming = new Int32Array(n + 1);
  for (const c of sequence.connections) {
    const from = nodeOf(c.from);
    const to = indexOf.get(c.to);
    if (from === undefined || to === undefined) continue;
    file(c.branch === 'yes' ? yes : c.branch === 'no' ? no : plain, from, to);
    file(outLines, from, c);
    incoming[to] = (incoming[to] ?? 0) + 1;
  }
  const gotoFrom: string[][] = [];
  const gotoTarget = new Int32Array(n + 1).fill(-1);
  const unreadJumps: string[] = [];
  for (let i = 0; i < n; i++) {
    const step = steps[i] as Step;
    if (step.kind === 'goto' && step.goto === null && step.active) unreadJumps.push(step.ref);
    if (step.kind !== 'goto' || step.goto === null) continue;
    const target = indexOf.get(step.goto);
    if (target === undefined) continue;
    file(gotoFrom, target, step.ref);
    // An inactive Go To is skipped like any inactive step: its jump is never taken.
    if (step.active) gotoTarget[i] = target;
  }
  const succ: number[][] = [];
  const succRefs: string[][] = [];
  for (let i = 0; i <= n; i++) {
    const list: number[] = [];
    for (const to of yes[i] ?? NONE) list.push(to);
    for (const to of no[i] ?? NONE) list.push(to);
    for (const to of plain[i] ?? NONE) list.push(to);
    const target = gotoTarget[i] ?? -1;
    if (target >= 0) list.push(target);
    succ.push(list);
    succRefs.push(list.map(refOf));
  }

  const walk = (sources: Iterable<number>): Uint8Array => {
    const seen = new Uint8Array(n + 1);
    const queue: number[] = [];
    for (const s of sources) {
      if (!seen[s]) {
        seen[s] = 1;
        queue.push(s);
      }
    }
    for (let head = 0; head < queue.length; head++) {
      for (const next of succ[queue[head] as number] ?? []) {
        if (!seen[next]) {
          seen[next] = 1;
          queue.push(next);
        }
      }
    }
    return seen;
  };
  const toSet = (marks: Uint8Array): Set<string> => {
    const set = new Set<string>();
    for (let i = 0; i < n; i++) if (marks[i]) set.add(refOf(i));
    return set;
  };

  const startSeen = sequence.startingRules !== null;
  const gotoTargets: number[] = [];
  for (let i = 0; i < n; i++) if ((gotoTarget[i] ?? -1) >= 0) gotoTargets.push(gotoTarget[i] as number);
  const reachableMarks = walk(startSeen ? [startIndex] : []);
  const reachable = toSet(reachableMarks);

  const coverage = flowCoverage(sequence, startSeen, unreadJumps);
  const { wholeFlowRead } = coverage;
  const entryMarks = wholeFlowRead
    ? reachableMarks
    : walk(startSeen ? [startIndex, ...gotoTargets] : gotoTargets);
  const entryReachable = wholeFlowRead ? reachable : toSet(entryMarks);
  let mayRun = reachable;
  if (!wholeFlowRead) {
    const heads: number[] = [];
    for (let i = 0; i < n; i++) if ((incoming[i] ?? 0) === 0) heads.push(i);
    mayRun = toSet(walk(startSeen ? [startIndex, ...gotoTargets, ...heads] : [...gotoTargets, ...heads]));
  }

  // Depth-first preorder; children pushed in reverse so Yes is taken before No, Go To last.
  const runOrder: string[] = [];
  const runPos = new Int32Array(n + 1).fill(-1);
  if (startSeen) {
    const visited = new Uint8Array(n + 1);
    const stack = [startIndex];
    while (stack.length > 0) {
      const node = stack.pop() as number;
      if (visited[node]) continue;
      visited[node] = 1;
      if (node !== startIndex) {
        runPos[node] = runOrder.length;
        runOrder.push(refOf(node));
      }
      const next = succ[node] ?? [];
      for (let k = next.length - 1; k >= 0; k--) {
        const child = next[k] as number;
        if (!visited[child]) stack.push(child);
      }
    }
  }

  const subsequences = new Map<string, string[]>();
  for (const step of steps) {
    const letter = subsequenceLetter(step.ref);
    if (letter === null) continue;
    const list = subsequences.get(letter) ?? [];
    list.push(step.ref);
    subsequences.set(letter, list);
  }
  for (const list of subsequences.values()) list.sort(compareRefs);
  const entries = new Map<string, string[]>();
  const addEntry = (from: number, to: number) => {
    if (!entryMarks[from]) return;
    const fromRef = refOf(from);
    const toRef = refOf(to);
    const letter = subsequenceLetter(toRef);
    if (letter === null || subsequenceLetter(fromRef) === letter) return;
    const list = entries.get(letter) ?? [];
    if (!list.includes(toRef)) list.push(toRef);
    entries.set(letter, list);
  };
  for (let i = 0; i <= n; i++) {
    for (const to of succ[i] ?? []) addEntry(i, to);
  }

  const empty: readonly never[] = [];
  return {
    sequence,
    steps,
    duplicateRefs,
    step: (ref) => {
      const i = indexOf.get(ref);
      return i === undefined ? undefined : steps[i];
    },
    indexOf: (ref) => indexOf.get(ref) ?? -1,
    has: (ref) => indexOf.has(ref),
    successors: (ref) => {
      const i = nodeOf(ref);
      return i === undefined ? empty : (succRefs[i] ?? empty);
    },
    connectionsFrom: (ref) => {
      const i = nodeOf(ref);
      return i === undefined ? empty : (outLines[i] ?? empty);
    },
    incomingConnections: (ref) => {
      const i = indexOf.get(ref);
      return i === undefined ? 0 : (incoming[i] ?? 0);
    },
    gotoSources: (ref) => {
      const i = indexOf.get(ref);
      return i === undefined ? empty : (gotoFrom[i] ?? empty);
    },
    splitBranches: (ref) => {
      const i = nodeOf(ref);
      if (i === undefined) return { yes: [], no: [], unlabeled: [] };
      return {
        yes: (yes[i] ?? []).map(refOf),
        no: (no[i] ?? []).map(refOf),
        unlabeled: (plain[i] ?? []).map(refOf),
      };
    },
    startSeen,
    reachable,
    entryReachable,
    mayRun,
    runOrder,
    runIndex: (ref) => {
      const i = indexOf.get(ref);
      return i === undefined ? -1 : (runPos[i] ?? -1);
    },
    subsequenceOf: subsequenceLetter,
    subsequences,
    entriesOf: (letter) => entries.get(letter) ?? empty,
    ...coverage,
    cycles: (include) =>
      findCycles(succ, n, (i) => include(refOf(i))).map((c) => c.map(refOf).sort(compareRefs)),
  };
}

const NONE: readonly never[] = [];

/** Adds `item` to the list at `index`, making the list with it. */
function file<T>(lists: T[][], index: number, item: T): void {
  const list = lists[index];
  if (list) list.push(item);
  else lists[index] = [item];
}
