import type { SpecConnection, SpecStep } from '../spec';

export type Orientation = 'horizontal' | 'vertical';
export interface Point {
  x: number;
  y: number;
}

/** Spacing of the automatic layout: a card is about 250 x 190 px. */
const MARGIN = 40;
const DEPTH_STEP = { horizontal: 330, vertical: 270 };
const ROW_STEP = { horizontal: 240, vertical: 300 };

function compareRefs(a: string, b: string): number {
  const letter = (r: string) => /^[A-Z]/.exec(r)?.[0] ?? '';
  const num = (r: string) => Number(r.replace(/^[A-Z]/, ''));
  return letter(a).localeCompare(letter(b)) || num(a) - num(b);
}

/**
 * Positions for one tab: the spec's x/y where given (swapped in vertical layout), otherwise
 * columns (horizontal) or rows (vertical) by distance from the start along the lines.
 * Steps the lines never reach are laid out after the reached ones, from their own first step.
 * `start` is the Starting Rules module's position (Main tab only).
 */
export function layoutTab(
  steps: readonly SpecStep[],
  connections: readonly SpecConnection[],
  withStart: boolean,
  orientation: Orientation,
): Map<string, Point> {
  const refs = new Set(steps.map((s) => s.ref));
  const next = new Map<string, string[]>();
  const incoming = new Set<string>();
  const ordered = [...connections].sort((a, b) => (a.branch === 'no' ? 1 : 0) - (b.branch === 'no' ? 1 : 0));
  for (const line of ordered) {
    if (!refs.has(line.to) || (line.from !== 'start' && !refs.has(line.from))) continue;
    next.set(line.from, [...(next.get(line.from) ?? []), line.to]);
    incoming.add(line.to);
  }
  const depth = new Map<string, number>();
  const columns: string[][] = [];
  const visit = (root: string, base: number) => {
    depth.set(root, base);
    const queue = [root];
    while (queue.length > 0) {
      const ref = queue.shift() as string;
      const d = depth.get(ref) as number;
      const column = columns[d] ?? [];
      columns[d] = column;
      column.push(ref);
      for (const to of next.get(ref) ?? []) {
        if (depth.has(to)) continue;
        depth.set(to, d + 1);
        queue.push(to);
      }
    }
  };
  if (withStart) visit('start', 0);
  const byRef = [...steps].sort((a, b) => compareRefs(a.ref, b.ref));
  // Unreached steps: first those nothing leads into (the head of a cut-off chain), then the rest.
  for (const pass of [true, false]) {
    for (const step of byRef) {
      if (depth.has(step.ref) || (pass && incoming.has(step.ref))) continue;
      visit(step.ref, columns.length);
    }
  }
  const positions = new Map<string, Point>();
  columns.forEach((column, d) => {
    column.forEach((ref, row) => {
      const along = MARGIN + d * DEPTH_STEP[orientation];
      const across = MARGIN + row * ROW_STEP[orientation];
      positions.set(ref, orientation === 'horizontal' ? { x: along, y: across } : { x: across, y: along });
    });
  });
  for (const step of steps) {
    if (step.x === undefined || step.y === undefined) continue;
    positions.set(
      step.ref,
      orientation === 'horizontal' ? { x: step.x, y: step.y } : { x: step.y, y: step.x },
    );
  }
  return positions;
}
