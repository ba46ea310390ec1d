import { distance, GridIndex, isFinitePoint, maxOf } from './geometry';
import type { PlacedNode } from './match-nodes';
import type { Point, SceneLine } from './scene';

/**
 * Which two nodes each line joins: each end of the path is matched to the nearest node centre
 * within a tolerance scaled by that node's size (traceLines). The direction comes from the
 * nodes' roles (output → input, orientLines), not from the order in which the path was drawn.
 */

/** How far (in node sizes) a line's end may stop from the centre of its node. */
export const LINE_END_TOLERANCE = 1;
const AMBIGUITY = 0.05;

export interface LinePair {
  line: number;
  output: PlacedNode;
  input: PlacedNode;
}

export interface LineProblem {
  line: number;
  expected: string;
  found: string;
}

/** The two nodes a traced line ends on, in the order its path was drawn. */
export interface LineEnds {
  line: number;
  ends: readonly [PlacedNode, PlacedNode];
}

export function traceLines(
  lines: readonly SceneLine[],
  nodes: readonly PlacedNode[],
  nodeSize: number,
): { traced: LineEnds[]; problems: LineProblem[]; touched: Set<number> } {
  const maxSize = maxOf(
    nodes.map((n) => n.size).filter((s) => s <= nodeSize * 4),
    nodeSize,
  );
  const reach = maxSize * LINE_END_TOLERANCE;
  const grid = new GridIndex<PlacedNode>(Math.max(reach * 2, 1));
  for (const n of nodes)
    if (isFinitePoint(n.centre)) grid.insert(n, n.centre.x, n.centre.y, n.centre.x, n.centre.y);

  const nearest = (p: Point): PlacedNode | 'none' | 'ambiguous' => {
    let best: PlacedNode | null = null;
    let bestD = Number.POSITIVE_INFINITY;
    let runnerUp = Number.POSITIVE_INFINITY;
    for (const n of grid.near(p, reach)) {
      if (n === best) continue;
      const d = distance(p, n.centre);
      if (d > n.size * LINE_END_TOLERANCE) continue;
      if (d < bestD) {
        runnerUp = bestD;
        best = n;
        bestD = d;
      } else if (d < runnerUp) runnerUp = d;
    }
    if (!best) return 'none';
    return runnerUp - bestD < best.size * AMBIGUITY ? 'ambiguous' : best;
  };

  const traced: LineEnds[] = [];
  const problems: LineProblem[] = [];
  const touched = new Set<number>();
  const noteEnd = (index: number, end: PlacedNode | 'none' | 'ambiguous', p: Point) => {
    if (end !== 'none' && end !== 'ambiguous') {
      touched.add(end.index);
      return;
    }
    problems.push({
      line: index,
      expected: 'a connection node at each end of the line',
      found:
        end === 'none'
          ? `an end at (${Math.round(p.x)}, ${Math.round(p.y)}) near no node`
          : `an end at (${Math.round(p.x)}, ${Math.round(p.y)}) equally near two nodes`,
    });
  };
  lines.forEach((line, index) => {
    if (!isFinitePoint(line.start) || !isFinitePoint(line.end)) {
      problems.push({ line: index, expected: 'a line with two ends', found: 'a line with no drawn path' });
      return;
    }
    const a = nearest(line.start);
    const b = nearest(line.end);
    noteEnd(index, a, line.start);
    noteEnd(index, b, line.end);
    if (typeof a !== 'object' || typeof b !== 'object') return;
    if (a === b) {
      problems.push({
        line: index,
        expected: 'a line between two nodes',
        found: 'both ends on the same node',
      });
      return;
    }
    if (!a.owner || !b.owner) return; // the node's own problem is reported already
    traced.push({ line: index, ends: [a, b] });
  });
  return { traced, problems, touched };
}

/**
 * Each traced line from its output to its input, given the nodes' roles (by node index); a
 * line joining two nodes of the same role is a problem.
 */
export function orientLines(
  traced: readonly LineEnds[],
  nodes: readonly PlacedNode[],
): { pairs: LinePair[]; problems: LineProblem[] } {
  const pairs: LinePair[] = [];
  const problems: LineProblem[] = [];
  for (const { line, ends } of traced) {
    const a = nodes[ends[0].index] ?? ends[0];
    const b = nodes[ends[1].index] ?? ends[1];
    if (a.role === 'output' && b.role === 'input') pairs.push({ line, output: a, input: b });
    else if (a.role === 'input' && b.role === 'output') pairs.push({ line, output: b, input: a });
    else
      problems.push({
        line,
        expected: "a line from one step's output to another step's input",
        found: `a line joining two ${a.role ?? 'unplaced'} nodes`,
      });
  }
  return { pairs, problems };
}
