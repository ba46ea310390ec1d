import type { EditorSpec, SpecConnection, SpecStep } from '../spec';
import { tabOfRef } from '../spec-shape';
import type { Orientation, Point } from './layout';

/**
 * The builder's working state, kept in module closures only (never on window or in the DOM),
 * so that after rendering nothing in the page gives the spec away.
 */
export interface EditorState {
  readonly id: string;
  readonly name: string;
  readonly publicName: string;
  readonly subscribers: number;
  readonly startingRules: EditorSpec['startingRules'];
  status: 'active' | 'paused';
  steps: SpecStep[];
  active: Map<string, boolean>;
  /** All tabs' lines, including those the user drew; each joins two steps of one tab. */
  connections: SpecConnection[];
  /** Positions the user dragged cards to, per layout: key `${orientation}:${ref}`. */
  moved: Map<string, Point>;
  tabs: string[];
  tab: string;
  orientation: Orientation;
  zoom: number;
  /** What Save Progress last committed (at load: the spec): activation, lines and steps. */
  saved: SavedCanvas;
}

interface SavedCanvas {
  active: Map<string, boolean>;
  lines: Set<string>;
}

const lineKey = (c: SpecConnection) => `${c.from}>${c.to}:${c.branch ?? ''}`;

function snapshot(state: Pick<EditorState, 'active' | 'connections'>): SavedCanvas {
  return { active: new Map(state.active), lines: new Set(state.connections.map(lineKey)) };
}

/** Save Progress: what the canvas shows now is what Kartra keeps. */
export function markSaved(state: EditorState): void {
  state.saved = snapshot(state);
}

/** Whether activation, lines or steps differ from what was last saved. */
export function hasUnsavedChanges(state: EditorState): boolean {
  const { active, lines } = state.saved;
  if (active.size !== state.active.size || lines.size !== state.connections.length) return true;
  for (const [ref, on] of state.active) if (active.get(ref) !== on) return true;
  return state.connections.some((c) => !lines.has(lineKey(c)));
}

export function createEditorState(spec: EditorSpec): EditorState {
  const letters = new Set(spec.steps.map((s) => tabOfRef(s.ref)).filter((t) => t !== 'Main'));
  const active = new Map(spec.steps.map((s) => [s.ref, s.active]));
  const connections = spec.connections.map((c) => ({ ...c }));
  return {
    id: spec.id,
    name: spec.name,
    publicName: spec.publicName,
    subscribers: spec.subscribers,
    startingRules: spec.startingRules.map((r) => ({ ...r })),
    status: spec.status,
    steps: spec.steps.map((s) => ({ ...s })),
    active,
    connections,
    moved: new Map(),
    tabs: ['Main', ...[...letters].sort()],
    tab: 'Main',
    orientation: 'horizontal',
    zoom: 1,
    saved: snapshot({ active, connections }),
  };
}

export function connectionTab(line: SpecConnection): string {
  return tabOfRef(line.from === 'start' ? line.to : line.from);
}

/** The next unused tab letter: A, B, ... Z. */
export function nextTabLetter(tabs: readonly string[]): string | null {
  for (let code = 65; code <= 90; code++) {
    const letter = String.fromCharCode(code);
    if (!tabs.includes(letter)) return letter;
  }
  return null;
}

/** The next free number bubble on a tab: "4" on Main, "A3" on tab A. */
export function nextRef(steps: readonly SpecStep[], tab: string): string {
  const prefix = tab === 'Main' ? '' : tab;
  let max = 0;
  for (const step of steps) {
    if (tabOfRef(step.ref) !== tab) continue;
    max = Math.max(max, Number(step.ref.slice(prefix.length)));
  }
  return `${prefix}${max + 1}`;
}
