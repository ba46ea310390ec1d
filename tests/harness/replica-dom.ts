import type { Page } from '@playwright/test';

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

/** Every card of the visible canvas with the jsPlumb nodes that sit on its edges. */
export async function readNodes(page: Page): Promise<SeenCard[]> {
  return page.evaluate(() => {
    const tolerance = 3;
    const cards = [...document.querySelectorAll<HTMLElement>('.js_sequence_step, .js_starting_rules')].map(
      (el) => ({
        ref: el.matches('.js_starting_rules')
          ? 'start'
          : (el.querySelector('.step_number')?.textContent ?? ''),
        rect: el.getBoundingClientRect(),
        nodes: [] as {
          edge: 'left' | 'right' | 'top' | 'bottom';
          along: number;
          connected: boolean;
          x: number;
          y: number;
        }[],
      }),
    );
    for (const node of document.querySelectorAll<SVGElement>('svg.jtk-endpoint')) {
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
          connected: node.classList.contains('jtk-endpoint-connected'),
          x,
          y,
        });
        break;
      }
    }
    return cards.map(({ ref, nodes }) => ({ ref, nodes: nodes.sort((a, b) => a.along - b.along) }));
  });
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
}

/** The two ends of every jsPlumb line on the visible canvas, in screen coordinates. */
export async function readLines(page: Page): Promise<SeenLine[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<SVGSVGElement>('svg.jtk-connector')].map((svg) => {
      const path = svg.querySelector('path') as SVGPathElement;
      const matrix = path.getScreenCTM() as DOMMatrix;
      const at = (length: number) => {
        const p = path.getPointAtLength(length);
        return {
          x: p.x * matrix.a + p.y * matrix.c + matrix.e,
          y: p.x * matrix.b + p.y * matrix.d + matrix.f,
        };
      };
      return { start: at(0), end: at(path.getTotalLength()) };
    }),
  );
}
