import type { Page } from '@playwright/test';
import { classMapper, renameSelector, resolveSkin, type Skin, type SkinName } from '../replica/skin';

/**
 * Geometry helpers for tests of the replica: which node sits on which card edge, found the way
 * a person (and our reader) finds it, from positions on screen.
 */

export type Edge = 'left' | 'right' | 'top' | 'bottom';

export interface SeenNode {
  edge: Edge;
  /** Position along the edge, 0 (top/left) to 1 (bottom/right). */
  along: number;
  connected: boolean;
  x: number;
  y: number;
}

export interface SeenCard {
  /** The number bubble, or "start" for the Starting Rules module. */
  ref: string;
  nodes: SeenNode[];
}

/** A selector written in the replica's class names, as `skin` spells it (tests know the skin). */
export function skinned(skin: Skin | SkinName | undefined, selector: string): string {
  return renameSelector(selector, classMapper(resolveSkin(skin)));
}

/** Where the canvas's parts are in a skin's markup, and how a linked node shows. */
function canvasMarkup(skin: Skin | SkinName | undefined) {
  const svg = resolveSkin(skin).lines !== 'jsplumb';
  return {
    card: skinned(skin, '.js_sequence_step, .js_starting_rules'),
    start: skinned(skin, '.js_starting_rules'),
    number: skinned(skin, '.step_number'),
    node: svg ? skinned(skin, '.canvas_node') : 'svg.jtk-endpoint',
    /** jsPlumb says so with a class; the plain SVG skin only with the node's colour. */
    linked: (svg ? { colour: LINKED_COLOUR } : { className: 'jtk-endpoint-connected' }) as
      | { colour: string }
      | { className: string },
    // A canvas-lines skin has no line element: the selector then finds none.
    line: svg
      ? skinned(skin, 'svg.canvas_lines path.canvas_line')
      : 'svg.jtk-connector > path:not(.jtk-overlay)',
  };
}

/** The computed colours of a node: grey while free, yellow while linked (both skins). */
export const FREE_COLOUR = 'rgb(201, 206, 214)';
export const LINKED_COLOUR = 'rgb(245, 197, 24)';

/** The selector of every line's path in a skin (one per line). */
export function lineSelector(skin?: Skin | SkinName): string {
  return canvasMarkup(skin).line;
}

/** The selector of every connection node in a skin. */
export function nodeSelector(skin?: Skin | SkinName): string {
  return canvasMarkup(skin).node;
}

/** Every card of the visible canvas with the nodes that sit on its edges. */
export async function readNodes(page: Page, skin?: Skin | SkinName): Promise<SeenCard[]> {
  return page.evaluate((markup) => {
    const tolerance = 3;
    const cards = [...document.querySelectorAll<HTMLElement>(markup.card)].map((el) => ({
      ref: el.matches(markup.start) ? 'start' : (el.querySelector(markup.number)?.textContent ?? ''),
      rect: el.getBoundingClientRect(),
      nodes: [] as {
        edge: 'left' | 'right' | 'top' | 'bottom';
        along: number;
        connected: boolean;
        x: number;
        y: number;
      }[],
    }));
    const linked = (node: Element) =>
      'className' in markup.linked
        ? node.classList.contains(markup.linked.className)
        : getComputedStyle(node).backgroundColor === markup.linked.colour;
    for (const node of document.querySelectorAll<Element>(markup.node)) {
      const r = node.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      for (const card of cards) {
        const c = card.rect;
        const inY = y >= c.top - tolerance && y <= c.bottom + tolerance;
        const inX = x >= c.left - tolerance && x <= c.right + tolerance;
        let edge: 'left' | 'right' | 'top' | 'bottom' | null = null;
        if (inY && Math.abs(x - c.left) <= tolerance) edge = 'left';
        else if (inY && Math.abs(x - c.right) <= tolerance) edge = 'right';
        else if (inX && Math.abs(y - c.top) <= tolerance) edge = 'top';
        else if (inX && Math.abs(y - c.bottom) <= tolerance) edge = 'bottom';
        if (!edge) continue;
        const along = edge === 'left' || edge === 'right' ? (y - c.top) / c.height : (x - c.left) / c.width;
        card.nodes.push({
          edge,
          along: Math.round(along * 100) / 100,
          connected: linked(node),
          x,
          y,
        });
        break;
      }
    }
    return cards.map(({ ref, nodes }) => ({ ref, nodes: nodes.sort((a, b) => a.along - b.along) }));
  }, canvasMarkup(skin));
}

/** Presses the mouse at one point, moves in small steps and releases at another, as a hand does. */
export async function dragMouse(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + (to.x - from.x) / 4, from.y + (to.y - from.y) / 4, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 15 });
  await page.mouse.up();
}

export interface SeenLine {
  /** Screen coordinates of the path's two ends: jsPlumb draws from the source to the target. */
  start: { x: number; y: number };
  end: { x: number; y: number };
  /** Points at 0, 1/4, 1/2, 3/4 and all of the path's length: the curve a person sees. */
  points: { x: number; y: number }[];
}

/** The two ends of every line on the visible canvas, in screen coordinates. */
export async function readLines(page: Page, skin?: Skin | SkinName): Promise<SeenLine[]> {
  return page.evaluate(
    (selector) =>
      [...document.querySelectorAll<SVGPathElement>(selector)].map((path) => {
        const matrix = path.getScreenCTM() as DOMMatrix;
        const at = (length: number) => {
          const p = path.getPointAtLength(length);
          return {
            x: p.x * matrix.a + p.y * matrix.c + matrix.e,
            y: p.x * matrix.b + p.y * matrix.d + matrix.f,
          };
        };
        const length = path.getTotalLength();
        return { start: at(0), end: at(length), points: [0, 0.25, 0.5, 0.75, 1].map((f) => at(f * length)) };
      }),
    lineSelector(skin),
  );
}

/**
 * The colour a node shows at a point on screen, as computed by the browser: jsPlumb paints its
 * circle's fill, the plain SVG skin its div's background. Null when no node is there.
 */
export async function nodeColourAt(
  page: Page,
  point: { x: number; y: number },
  skin?: Skin | SkinName,
): Promise<string | null> {
  return page.evaluate(
    ({ x, y, selector }) => {
      const node = document.elementsFromPoint(x, y).find((e) => e.matches(selector));
      if (!node) return null;
      const circle = node.querySelector('circle');
      return circle ? getComputedStyle(circle).fill : getComputedStyle(node).backgroundColor;
    },
    { ...point, selector: nodeSelector(skin) },
  );
}

declare const KartraSequenceBuilder: { whenDrawn(doc: Document): Promise<number | null> };

/**
 * When the replica finished drawing the builder `page` shows, in page time, or null when it drew
 * it at once. A node-editor library (the vue-flow skin) draws its lines a frame after its nodes:
 * a report taken in between is about a page a person has not seen yet.
 */
export function replicaDrawnAt(page: Page): Promise<number | null> {
  return page.evaluate(() => KartraSequenceBuilder.whenDrawn(document));
}
