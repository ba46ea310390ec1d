import type { Point, Rect } from './scene';

/** Plain geometry for matching nodes to cards and line ends to nodes, in client coordinates. */

export function centre(r: Rect): Point {
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

// Math.sqrt, not Math.hypot: hypot guards against overflow that client pixels never reach, and
// costs several times as much in the matching loops that call this for every node and line end.
export function distance(a: Point, b: Point): number {
  const dx = a.x - b.x;
  const dy = a.y - b.y;
  return Math.sqrt(dx * dx + dy * dy);
}

/**
 * Whether all four numbers are finite. Asked of every box and line end on every read: four
 * arguments rather than a list made to ask it.
 */
export function areFinite(a: number, b: number, c: number, d: number): boolean {
  return Number.isFinite(a) && Number.isFinite(b) && Number.isFinite(c) && Number.isFinite(d);
}

export function isFiniteRect(r: Rect): boolean {
  return areFinite(r.x, r.y, r.width, r.height) && r.width >= 0 && r.height >= 0;
}

export function isFinitePoint(p: Point | null | undefined): p is Point {
  return !!p && Number.isFinite(p.x) && Number.isFinite(p.y);
}

export type Edge = 'left' | 'right' | 'top' | 'bottom';

function segmentDistance(p: Point, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - ax) * dx + (p.y - ay) * dy) / len2));
  const ex = p.x - (ax + t * dx);
  const ey = p.y - (ay + t * dy);
  return Math.sqrt(ex * ex + ey * ey);
}

/** The rectangle's edge nearest to `p`, and how far `p` is from it. */
export function nearestEdge(p: Point, r: Rect): { edge: Edge; distance: number } {
  const right = r.x + r.width;
  const bottom = r.y + r.height;
  let edge: Edge = 'left';
  let best = segmentDistance(p, r.x, r.y, r.x, bottom);
  const d2 = segmentDistance(p, right, r.y, right, bottom);
  if (d2 < best) {
    edge = 'right';
    best = d2;
  }
  const d3 = segmentDistance(p, r.x, r.y, right, r.y);
  if (d3 < best) {
    edge = 'top';
    best = d3;
  }
  const d4 = segmentDistance(p, r.x, bottom, right, bottom);
  if (d4 < best) {
    edge = 'bottom';
    best = d4;
  }
  return { edge, distance: best };
}

/** The largest of `values` (no spread, so long arrays are safe); `floor` when empty. */
export function maxOf(values: readonly number[], floor: number): number {
  let m = floor;
  for (const v of values) if (v > m) m = v;
  return m;
}

export function median(values: number[]): number {
  const v = values.filter((n) => Number.isFinite(n)).sort((a, b) => a - b);
  if (v.length === 0) return 0;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? (v[mid] as number) : ((v[mid - 1] as number) + (v[mid] as number)) / 2;
}

/** Cells beyond this index (in either direction) share the border cell; only garbage lands there. */
const CELL_LIMIT = 1 << 13;
const CELL_SPAN = 2 * CELL_LIMIT + 1;

/**
 * A uniform grid of buckets: each item is filed under every cell its box covers, and a query
 * looks only at the cells around a point, so matching stays near-linear in the item count.
 */
export class GridIndex<T> {
  private readonly cells = new Map<number, T[]>();
  private readonly maxCellsPerItem = 4096;

  constructor(private readonly cellSize: number) {}

  private cell(v: number): number {
    const c = Math.floor(v / this.cellSize);
    return Math.max(-CELL_LIMIT, Math.min(c, CELL_LIMIT));
  }

  private key(cx: number, cy: number): number {
    return (cx + CELL_LIMIT) * CELL_SPAN + (cy + CELL_LIMIT);
  }

  /** Files `item` under the cells covered by the box [x0, x1] × [y0, y1]. */
  insert(item: T, x0: number, y0: number, x1: number, y1: number): void {
    if (!areFinite(x0, y0, x1, y1)) return;
    const cx0 = this.cell(x0);
    const cx1 = this.cell(x1);
    const cy0 = this.cell(y0);
    const cy1 = this.cell(y1);
    // A box covering absurdly many cells (garbage geometry) is filed at its centre only.
    if ((cx1 - cx0 + 1) * (cy1 - cy0 + 1) > this.maxCellsPerItem) {
      this.add(this.key(this.cell((x0 + x1) / 2), this.cell((y0 + y1) / 2)), item);
      return;
    }
    for (let cx = cx0; cx <= cx1; cx++) for (let cy = cy0; cy <= cy1; cy++) this.add(this.key(cx, cy), item);
  }

  private add(key: number, item: T): void {
    const list = this.cells.get(key);
    if (list) list.push(item);
    else this.cells.set(key, [item]);
  }

  /** Items filed under the cells within `radius` of `p`; an item may appear more than once. */
  near(p: Point, radius: number): T[] {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y) || !Number.isFinite(radius)) return [];
    const cx0 = this.cell(p.x - radius);
    const cx1 = this.cell(p.x + radius);
    const cy0 = this.cell(p.y - radius);
    const cy1 = this.cell(p.y + radius);
    if ((cx1 - cx0 + 1) * (cy1 - cy0 + 1) > this.maxCellsPerItem) return [];
    const out: T[] = [];
    for (let cx = cx0; cx <= cx1; cx++)
      for (let cy = cy0; cy <= cy1; cy++) {
        const list = this.cells.get(this.key(cx, cy));
        if (list) for (const item of list) out.push(item);
      }
    return out;
  }
}

/** The smallest box around every box that has an area, or null when none has. One pass: it runs on every read. */
export function boundsOf(rects: readonly Rect[]): Rect | null {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const r of rects) {
    if (!(r.width > 0 && r.height > 0)) continue;
    left = Math.min(left, r.x);
    top = Math.min(top, r.y);
    right = Math.max(right, r.x + r.width);
    bottom = Math.max(bottom, r.y + r.height);
  }
  return left === Infinity ? null : { x: left, y: top, width: right - left, height: bottom - top };
}

/** The area two boxes share (0 when they do not meet). */
export function overlap(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}
