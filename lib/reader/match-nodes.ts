import { centre, type Edge, GridIndex, isFiniteRect, maxOf, median, nearestEdge } from './geometry';
import type { Point, Rect, SceneNode } from './scene';

/**
 * Which card (or the Starting Rules module) each connection node sits on, and whether it is an
 * input or an output. jsPlumb centres a node on its anchor, which lies on the card's edge:
 * left or top edges take inputs, right or bottom edges give outputs. Every tolerance is a
 * multiple of the node's own measured size, so zoom does not change the outcome.
 */

/** How far (in node sizes) a node's centre may sit from its card's edge. */
export const NODE_EDGE_TOLERANCE = 1;
/** Two owners closer than this (in node sizes) to being equally near make the node ambiguous. */
const AMBIGUITY = 0.05;

export type Owner = { type: 'card'; card: number } | { type: 'start' };

export interface PlacedNode {
  index: number;
  centre: Point;
  /** The node's measured size (its larger side), in client pixels. */
  size: number;
  linked: boolean | null;
  owner: Owner | null;
  /** The owner's edge the node sits on. */
  edge: Edge | null;
  /**
   * Input or output. Here, the guess from the edge alone (left or top: input); node-roles.ts
   * settles it from the lines and the cards.
   */
  role: 'input' | 'output' | null;
}

export interface NodeProblem {
  node: number;
  code: 'node-off-card' | 'node-ambiguous';
  found: string;
}

/** The typical node size, or a fallback from card sizes when nodes report none. */
export function typicalNodeSize(nodes: readonly SceneNode[], cards: readonly Rect[]): number {
  const size = median(nodes.map((n) => Math.max(n.rect.width, n.rect.height)).filter((s) => s > 0));
  if (size > 0) return size;
  // Nodes with no size (no layout for them) still have a centre; take a tenth of a card's short side.
  return median(cards.map((r) => Math.min(r.width, r.height)).filter((s) => s > 0)) / 10;
}

export function placeNodes(
  nodes: readonly SceneNode[],
  cards: readonly Rect[],
  module: Rect | null,
  nodeSize: number,
): { placed: PlacedNode[]; problems: NodeProblem[] } {
  const owners: { owner: Owner; rect: Rect }[] = cards
    .map((rect, card) => ({ owner: { type: 'card', card } as Owner, rect }))
    .filter((o) => isFiniteRect(o.rect) && o.rect.width > 0 && o.rect.height > 0);
  if (module && isFiniteRect(module) && module.width > 0 && module.height > 0)
    owners.push({ owner: { type: 'start' }, rect: module });

  const sizes = nodes.map((n) => {
    const s = Math.max(n.rect.width, n.rect.height);
    return Number.isFinite(s) && s > 0 ? s : nodeSize;
  });
  const reach =
    maxOf(
      sizes.filter((s) => s <= nodeSize * 4),
      nodeSize,
    ) * NODE_EDGE_TOLERANCE;
  const cellSize = Math.max(median(owners.map((o) => Math.max(o.rect.width, o.rect.height))), reach * 4, 1);
  const grid = new GridIndex<number>(cellSize);
  owners.forEach((o, i) => {
    grid.insert(
      i,
      o.rect.x - reach,
      o.rect.y - reach,
      o.rect.x + o.rect.width + reach,
      o.rect.y + o.rect.height + reach,
    );
  });

  const placed: PlacedNode[] = [];
  const problems: NodeProblem[] = [];
  nodes.forEach((node, index) => {
    const size = sizes[index] ?? nodeSize;
    const c = centre(node.rect);
    const base: PlacedNode = {
      index,
      centre: c,
      size,
      linked: node.linked,
      owner: null,
      edge: null,
      role: null,
    };
    if (!isFiniteRect(node.rect)) {
      problems.push({ node: index, code: 'node-off-card', found: 'a node with no position' });
      placed.push(base);
      return;
    }
    const tolerance = size * NODE_EDGE_TOLERANCE;
    let bestI = -1;
    let bestDistance = Number.POSITIVE_INFINITY;
    let bestEdge: Edge | null = null;
    let runnerUp = Number.POSITIVE_INFINITY;
    for (const i of grid.near(c, tolerance)) {
      const o = owners[i];
      if (!o || i === bestI) continue; // a large card is filed under several cells
      const e = nearestEdge(c, o.rect);
      if (e.distance > tolerance) continue;
      if (e.distance < bestDistance) {
        runnerUp = bestDistance;
        bestI = i;
        bestDistance = e.distance;
        bestEdge = e.edge;
      } else if (e.distance < runnerUp) runnerUp = e.distance;
    }
    const found = owners[bestI];
    if (!found) {
      problems.push({
        node: index,
        code: 'node-off-card',
        found: `a node at (${Math.round(c.x)}, ${Math.round(c.y)}) on no card's edge`,
      });
      placed.push(base);
      return;
    }
    if (runnerUp - bestDistance < size * AMBIGUITY) {
      problems.push({
        node: index,
        code: 'node-ambiguous',
        found: 'a node on the edges of two cards at once',
      });
      placed.push(base);
      return;
    }
    const owner = found.owner;
    const role = owner.type === 'start' || bestEdge === 'right' || bestEdge === 'bottom' ? 'output' : 'input';
    // Set on the node made above rather than copied: a second object per node on every read.
    base.owner = owner;
    base.edge = bestEdge;
    base.role = role;
    placed.push(base);
  });
  return { placed, problems };
}
