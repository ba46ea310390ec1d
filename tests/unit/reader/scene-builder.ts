import { kartraProfile } from '../../../lib/kartra/profile';
import type { Connection, StepKind } from '../../../lib/model/model';
import type { Point, Rect, Scene, SceneCard, SceneLine, SceneNode } from '../../../lib/reader/scene';

/**
 * Builds a Scene the way the builder lays a sequence out, with jsPlumb's anchors: inputs on the
 * left (top) edge, outputs on the right (bottom) edge, a split's Yes at 30% and No at 70%, each
 * label beside its node. Everything is in client coordinates after zoom and scroll.
 */

export const TERMINAL: ReadonlySet<StepKind> = new Set(['goto', 'complete', 'unsubscribe']);

export interface GenStep {
  ref: string;
  kind: StepKind;
}

export interface GenLayout {
  orientation: 'horizontal' | 'vertical';
  zoom: number;
  scrollX: number;
  scrollY: number;
  /** Columns of the card grid. */
  columns: number;
  /** Per line, whether jsPlumb drew it from the input end. */
  reversed?: (i: number) => boolean;
  /** Per line end, an offset from the node's centre as a fraction of node size (-0.4..0.4). */
  endJitter?: (i: number, end: 0 | 1) => Point;
  /**
   * Where the nodes sit: 'standard' (inputs left/top, outputs right/bottom, as jsPlumb's
   * default anchors), 'mirrored' (a flow drawn the other way: inputs right/bottom, outputs
   * left/top) or 'split-sides' (a split's Yes and No on the edges beside the flow: left and
   * right in a vertical layout, top and bottom in a horizontal one).
   */
  ports?: 'standard' | 'mirrored' | 'split-sides';
}

export const CARD = { width: 250, height: 190 };
const GAP = { x: 80, y: 60 };
export const NODE = 20;

const ICON: Record<StepKind, string> = {
  email: 'fa-envelope',
  sms: 'fa-mobile',
  tag: 'fa-tag',
  list: 'fa-list',
  sequence: 'fa-random',
  split: 'fa-code-fork',
  goto: 'fa-share',
  complete: 'fa-flag-checkered',
  unsubscribe: 'fa-sign-out',
};

export function cardFor(step: GenStep, rect: Rect, labels: SceneCard['outputLabels'] = []): SceneCard {
  return {
    rect,
    classes: ['sequence_step', 'js_sequence_step'],
    kindIconClasses: ['fa', ICON[step.kind], 'step_kind_icon'],
    fields: {
      number: step.ref,
      // The label Kartra shows ("Send email"), so a profile inferred from words finds the card.
      kindLabel: kartraProfile.card.kindLabels.find((k) => k.value === step.kind)?.label ?? step.kind,
      title: `Step ${step.ref}`,
      timing: 'Wait 1 day',
      window: 'Any day, any time',
      recipients: step.kind === 'email' || step.kind === 'sms' ? 'Anyone reaching this step' : null,
      goto: step.kind === 'goto' ? 'Go to 1' : null,
      action:
        step.kind === 'tag'
          ? 'Add tag: Buyers'
          : step.kind === 'list' || step.kind === 'sequence'
            ? 'Subscribe to list: X'
            : null,
      inactiveLabel: null,
      versions: [],
    },
    outputLabels: labels,
    ink: 1,
  };
}

type Port = 'in' | 'out' | 'yes' | 'no';

export function buildScene(
  steps: readonly GenStep[],
  connections: readonly Connection[],
  layout: GenLayout,
  withStart = true,
): Scene {
  const z = layout.zoom;
  const horizontal = layout.orientation === 'horizontal';
  const toClient = (x: number, y: number): Point => ({
    x: x * z - layout.scrollX,
    y: y * z - layout.scrollY,
  });
  const rectAt = (x: number, y: number, w: number, h: number): Rect => {
    const p = toClient(x, y);
    return { x: p.x, y: p.y, width: w * z, height: h * z };
  };
  // Canvas-space positions: a grid; the module sits before the first card.
  const origin = (i: number) => {
    const col = i % layout.columns;
    const row = Math.floor(i / layout.columns);
    const along = col + (withStart ? 1 : 0);
    return horizontal
      ? { x: 40 + along * (CARD.width + GAP.x), y: 40 + row * (CARD.height + GAP.y) }
      : { x: 40 + row * (CARD.width + GAP.x), y: 40 + along * (CARD.height + GAP.y) };
  };
  const anchor = (o: { x: number; y: number }, port: Port): { x: number; y: number } => {
    const { width: w, height: h } = CARD;
    const at = standardAnchor(o, port);
    if (layout.ports === 'mirrored') {
      // Reflected through the card's centre line across the flow.
      return horizontal ? { x: 2 * o.x + w - at.x, y: at.y } : { x: at.x, y: 2 * o.y + h - at.y };
    }
    if (layout.ports === 'split-sides' && (port === 'yes' || port === 'no')) {
      // Off the flow's axis: the left and right edges when it runs down, top and bottom across.
      if (!horizontal) return { x: port === 'yes' ? o.x : o.x + w, y: o.y + h / 2 };
      return { x: o.x + w / 2, y: port === 'yes' ? o.y : o.y + h };
    }
    return at;
  };
  const standardAnchor = (o: { x: number; y: number }, port: Port): { x: number; y: number } => {
    const { width: w, height: h } = CARD;
    if (horizontal) {
      if (port === 'in') return { x: o.x, y: o.y + h / 2 };
      if (port === 'out') return { x: o.x + w, y: o.y + h / 2 };
      return { x: o.x + w, y: o.y + h * (port === 'yes' ? 0.3 : 0.7) };
    }
    if (port === 'in') return { x: o.x + w / 2, y: o.y };
    if (port === 'out') return { x: o.x + w / 2, y: o.y + h };
    return { x: o.x + w * (port === 'yes' ? 0.3 : 0.7), y: o.y + h };
  };

  // The label sits inside the card beside its node, moved toward the card's middle.
  const labelBeside = (at: { x: number; y: number }, o: { x: number; y: number }) => {
    const { width: w, height: h } = CARD;
    const dx = at.x <= o.x ? 14 : at.x >= o.x + w ? -14 - 30 : -15;
    const dy = at.y <= o.y ? 12 : at.y >= o.y + h ? -12 - 16 : -8;
    return { x: at.x + dx, y: at.y + dy };
  };

  const nodes: SceneNode[] = [];
  const nodeCentre = new Map<string, Point>();
  const addNode = (key: string, at: { x: number; y: number }, linked: boolean) => {
    nodes.push({ rect: rectAt(at.x - NODE / 2, at.y - NODE / 2, NODE, NODE), linked });
    nodeCentre.set(key, toClient(at.x, at.y));
  };
  const linkedOut = new Set(connections.map((c) => `${c.from}:${c.branch ?? 'out'}`));
  const linkedIn = new Set(connections.map((c) => c.to));

  let startRect: Rect | null = null;
  if (withStart) {
    const o = horizontal ? { x: 40, y: 40 } : { x: 40, y: 40 };
    startRect = rectAt(o.x, o.y, CARD.width, CARD.height);
    addNode('start:out', anchor(o, 'out'), linkedOut.has('start:out'));
  }
  const cards: SceneCard[] = steps.map((step, i) => {
    const o = origin(i);
    addNode(`${step.ref}:in`, anchor(o, 'in'), linkedIn.has(step.ref));
    const labels: SceneCard['outputLabels'] = [];
    if (step.kind === 'split') {
      for (const port of ['yes', 'no'] as const) {
        const at = anchor(o, port);
        addNode(`${step.ref}:${port}`, at, linkedOut.has(`${step.ref}:${port}`));
        const label = labelBeside(at, o);
        labels.push({ text: port === 'yes' ? 'Yes' : 'No', rect: rectAt(label.x, label.y, 30, 16) });
      }
    } else if (!TERMINAL.has(step.kind))
      addNode(`${step.ref}:out`, anchor(o, 'out'), linkedOut.has(`${step.ref}:out`));
    return cardFor(step, rectAt(o.x, o.y, CARD.width, CARD.height), labels);
  });

  const lines: SceneLine[] = connections.map((c, i) => {
    const from = nodeCentre.get(`${c.from}:${c.branch ?? 'out'}`);
    const to = nodeCentre.get(`${c.to}:in`);
    if (!from || !to) throw new Error(`test scene: no node for ${JSON.stringify(c)}`);
    const jitter = (p: Point, end: 0 | 1): Point => {
      const j = layout.endJitter?.(i, end) ?? { x: 0, y: 0 };
      return { x: p.x + j.x * NODE * z, y: p.y + j.y * NODE * z };
    };
    const a = jitter(from, 0);
    const b = jitter(to, 1);
    return layout.reversed?.(i) ? { start: b, end: a } : { start: a, end: b };
  });

  return {
    found: { root: true, canvas: true, tabs: true },
    toolbar: {
      name: 'Lead magnet follow-up',
      publicName: 'Public name: Free recipe pack',
      statusIconClasses: ['sequence_status_btn', 'js_sequence_status', 'fa', 'fa-pause'],
      // happy-dom draws no stylesheet content: the icon shows no glyph there.
      statusGlyphs: [],
      subscribers: '42 contacts',
    },
    tabs: [
      { label: 'Main', selected: withStart },
      { label: 'A', selected: !withStart },
      { label: '+ Add', selected: false },
    ],
    startingRules: startRect
      ? {
          rect: startRect,
          rules: [{ iconClasses: ['starting_rule', 'fa', 'fa-tag'], label: 'Tag applied: Downloaded' }],
        }
      : null,
    cards,
    nodes,
    lines,
    unreadDrawings: [],
  };
}

/**
 * Two tabs of one sequence: the main tab, with a split and a Go To, and sub-sequence A, which
 * shows neither (nor the Starting Rules module). For reads that start on one and go on to the other.
 */
export const TWO_TABS = {
  main: {
    steps: [
      { ref: '1', kind: 'email' },
      { ref: '2', kind: 'email' },
      { ref: '3', kind: 'split' },
      { ref: '4', kind: 'goto' },
      { ref: '5', kind: 'complete' },
    ] satisfies GenStep[],
    lines: [
      { from: 'start', to: '1' },
      { from: '1', to: '2' },
      { from: '2', to: '3' },
      { from: '3', to: '4', branch: 'yes' },
      { from: '3', to: '5', branch: 'no' },
    ] satisfies Connection[],
  },
  a: {
    steps: [
      { ref: 'A1', kind: 'email' },
      { ref: 'A2', kind: 'complete' },
    ] satisfies GenStep[],
    lines: [{ from: 'A1', to: 'A2' }] satisfies Connection[],
  },
} as const;
