import type { Orientation } from './layout';

/** Which node of which card an endpoint is; kept in the wiring's maps, never written into the page. */
export interface Port {
  ref: string;
  role: 'in' | 'out' | 'yes' | 'no';
}

/** A line as the wiring holds it: from an output node to an input node. */
export interface WiredLine {
  from: Port;
  to: Port;
}

/** What the canvas hears from the wiring: the user changed the lines, or stopped dragging a card. */
export interface WiringEvents {
  linesChanged(): void;
  dragStopped(): void;
}

/**
 * The nodes and lines of one canvas, drawn by jsPlumb (default skin) or by the replica's own SVG
 * layer (plain-svg skins). Both behave the same to a person: cards drag and their lines follow,
 * a line is drawn by dragging from an output node to an input node and removed by dragging its
 * end off, and a node is grey while free and yellow while linked.
 */
export interface Wiring {
  addNode(element: HTMLElement, port: Port): void;
  connect(from: Port, to: Port): void;
  lines(): WiredLine[];
  /** Call after an element changed size: its nodes and lines move to its new edges. */
  revalidate(element: HTMLElement): void;
  setZoom(zoom: number): void;
  destroy(): void;
}

export interface WiringOptions {
  orientation: Orientation;
  zoom: number;
  /** Where a press must not start dragging a card (the ⋮ button and menu), in the skin's classes. */
  dragFilter: string;
  events: WiringEvents;
}

/** An anchor as jsPlumb writes one: [x, y] as fractions of the card's box, then the line's direction. */
export type Anchor = [x: number, y: number, ox: number, oy: number];

/**
 * Horizontal: inputs on the left edge, outputs on the right (a split's Yes above its No).
 * Vertical: inputs on the top edge, outputs on the bottom (Yes left of No). jsPlumb's named
 * anchors `Left`, `Right`, `Top` and `Bottom` are these same arrays.
 */
export function anchorOf(orientation: Orientation, role: Port['role']): Anchor {
  const table: Record<Orientation, Record<Port['role'], Anchor>> = {
    horizontal: { in: [0, 0.5, -1, 0], out: [1, 0.5, 1, 0], yes: [1, 0.3, 1, 0], no: [1, 0.7, 1, 0] },
    vertical: { in: [0.5, 0, 0, -1], out: [0.5, 1, 0, 1], yes: [0.3, 1, 0, 1], no: [0.7, 1, 0, 1] },
  };
  return table[orientation][role];
}

/** The look both wirings share (jsPlumb's paint styles; the SVG layer's CSS uses the same). */
export const LINE_LOOK = {
  stroke: '#6f7b8e',
  strokeWidth: 2,
  hoverStroke: '#2c88d9',
  hoverStrokeWidth: 3,
  curviness: 70,
  arrow: { width: 14, length: 14, foldback: 0.8 },
  nodeRadius: 8,
  nodeFree: '#c9ced6',
  nodeFreeHover: '#9aa3b0',
  nodeLinked: '#f5c518',
  nodeBorder: '#ffffff',
} as const;
