import type { SpecConnection } from '../spec';
import { TERMINAL_KINDS, tabOfRef } from '../spec-shape';
import { renderCard, renderStartingRules, setCardActive } from './card';
import { cls, el, markupOf, sel } from './dom';
import { layoutTab, type Point } from './layout';
import { connectionTab, type EditorState } from './state';
import type { Port, Wiring, WiringOptions } from './wiring';
import { jsPlumbWiring } from './wiring-jsplumb';
import { svgWiring } from './wiring-svg';

export interface MountedCanvas {
  setZoom(zoom: number): void;
  destroy(): void;
}

/** One box a library draws on a tab: a card or the Starting Rules module, with its ports. */
export interface DrawnItem {
  ref: string;
  element: HTMLElement;
  /** Where the replica's own layout puts it, in canvas pixels. */
  position: Point;
  input: boolean;
  outputs: readonly Exclude<Port['role'], 'in'>[];
}

/** A tab as a node-editor library is given it: its boxes and lines, in the replica's layout. */
export interface TabDrawing {
  items: readonly DrawnItem[];
  lines: readonly { from: string; fromRole: Exclude<Port['role'], 'in'>; to: string }[];
  orientation: EditorState['orientation'];
}

/**
 * Draws a tab with a node-editor library from npm instead of the replica's own wiring, into
 * `host` (sized to hold the tab's boxes); returns what takes the drawing down.
 */
export type LibraryCanvas = (host: HTMLElement, tab: TabDrawing) => () => void;

/** The libraries the page's bundle carries, by the skin's `lines` (tests/replica/app/libraries.ts). */
const libraryCanvases = new Map<string, LibraryCanvas>();

export function registerLibraryCanvas(lines: string, draw: LibraryCanvas): void {
  libraryCanvases.set(lines, draw);
}

/**
 * The selected tab's cards, module and lines, where the user left them or else where the layout
 * puts them: what the replica's wiring draws, or a library (which owns the boxes' places and the
 * lines then, so its canvas is a picture: the ⋮ menu and the lines do not respond).
 */
function tabDrawing(doc: Document, state: EditorState): TabDrawing {
  const tabSteps = state.steps.filter((s) => tabOfRef(s.ref) === state.tab);
  const tabLines = state.connections.filter((c) => connectionTab(c) === state.tab);
  const layout = layoutTab(tabSteps, tabLines, state.tab === 'Main', state.orientation);
  const at = (ref: string): Point =>
    state.moved.get(`${state.orientation}:${ref}`) ?? layout.get(ref) ?? { x: 40, y: 40 };
  const items: DrawnItem[] = [];
  if (state.tab === 'Main')
    items.push({
      ref: 'start',
      element: renderStartingRules(doc, state.startingRules),
      position: at('start'),
      input: false,
      outputs: ['out'],
    });
  for (const step of tabSteps)
    items.push({
      ref: step.ref,
      element: renderCard(doc, step, state.active.get(step.ref) ?? step.active),
      position: at(step.ref),
      input: true,
      outputs: step.kind === 'split' ? ['yes', 'no'] : TERMINAL_KINDS.includes(step.kind) ? [] : ['out'],
    });
  return {
    items,
    lines: tabLines.map((line) => ({ from: line.from, fromRole: line.branch ?? 'out', to: line.to })),
    orientation: state.orientation,
  };
}

/**
 * The skin's wiring: jsPlumb's, or the replica's own layer (SVG or <canvas>), its nodes in
 * `nodes` (the canvas, or the nodes' layer beside the lines').
 */
function wiringFor(doc: Document, canvas: HTMLElement, nodes: HTMLElement, options: WiringOptions): Wiring {
  const lines = markupOf(doc).skin.lines;
  if (lines === 'jsplumb') return jsPlumbWiring(canvas, cls(doc, 'connection_node'), options);
  const classes = {
    layer: cls(doc, lines === 'canvas' ? 'canvas_paint' : 'canvas_lines'),
    line: cls(doc, 'canvas_line'),
    node: cls(doc, 'canvas_node'),
  };
  return svgWiring(doc, canvas, classes, options, { paint: lines === 'canvas' ? 'canvas' : 'svg', nodes });
}

/** Where cards and nodes go: the canvas, or (Vue Flow's layout) a layer of their own in it. */
function nodesLayer(doc: Document, canvas: HTMLElement): HTMLElement {
  if (markupOf(doc).skin.lines !== 'sibling-svg') return canvas;
  return el(doc, 'div', 'canvas_nodes');
}

/**
 * Builds the selected tab's canvas: cards, the Starting Rules module (Main tab), and the nodes
 * and lines between them. Lines the user draws or removes are written back to `state.connections`;
 * `edited` hears of every activation or line change (Save Progress shows them as unsaved).
 */
export function mountCanvas(
  doc: Document,
  canvas: HTMLElement,
  state: EditorState,
  edited: () => void,
): MountedCanvas {
  canvas.replaceChildren();
  canvas.classList.toggle(cls(doc, 'layout_vertical'), state.orientation === 'vertical');
  const library = libraryCanvases.get(markupOf(doc).skin.lines);
  if (library) return mountLibrary(doc, canvas, tabDrawing(doc, state), library);
  const elementRef = new Map<HTMLElement, string>();
  let building = true;

  // The lines on this tab, read back from the wiring after the user changed them.
  const syncConnections = () => {
    const mine: SpecConnection[] = [];
    for (const { from, to } of wiring.lines()) {
      if (to.role !== 'in' || from.role === 'in') continue;
      const line: SpecConnection = { from: from.ref, to: to.ref };
      if (from.role === 'yes' || from.role === 'no') line.branch = from.role;
      mine.push(line);
    }
    state.connections = [...state.connections.filter((c) => connectionTab(c) !== state.tab), ...mine];
    edited();
  };
  const layer = nodesLayer(doc, canvas);
  const wiring = wiringFor(doc, canvas, layer, {
    orientation: state.orientation,
    zoom: state.zoom,
    dragFilter: sel(doc, '.step_menu_btn, .step_menu, .step_menu *'),
    events: {
      // jsPlumb fires these before it has finished updating its own lists.
      linesChanged: () => {
        if (!building) setTimeout(syncConnections, 0);
      },
      dragStopped: () => {
        for (const [element, ref] of elementRef) {
          state.moved.set(`${state.orientation}:${ref}`, {
            x: Number.parseFloat(element.style.left) || 0,
            y: Number.parseFloat(element.style.top) || 0,
          });
        }
        sizeCanvas(canvas, elementRef);
      },
    },
  });

  // After the lines' layer, as Vue Flow orders its edges and nodes.
  if (layer !== canvas) canvas.appendChild(layer);
  const tab = tabDrawing(doc, state);
  for (const { ref, element, position, input, outputs } of tab.items) {
    layer.appendChild(element);
    element.style.left = `${position.x}px`;
    element.style.top = `${position.y}px`;
    elementRef.set(element, ref);
    if (ref !== 'start')
      wireMenu(doc, element, state, ref, () => {
        wiring.revalidate(element);
        edited();
      });
    if (input) wiring.addNode(element, { ref, role: 'in' });
    for (const role of outputs) wiring.addNode(element, { ref, role });
  }
  for (const line of tab.lines)
    wiring.connect({ ref: line.from, role: line.fromRole }, { ref: line.to, role: 'in' });
  building = false;
  sizeCanvas(canvas, elementRef);

  return {
    setZoom(zoom: number) {
      wiring.setZoom(zoom);
    },
    destroy() {
      wiring.destroy();
      canvas.replaceChildren();
    },
  };
}

/** A library's drawing in a box of its own in the canvas, both sized to hold the tab's boxes. */
function mountLibrary(
  doc: Document,
  canvas: HTMLElement,
  tab: TabDrawing,
  draw: LibraryCanvas,
): MountedCanvas {
  const host = doc.createElement('div');
  const right = Math.max(0, ...tab.items.map((item) => item.position.x));
  const bottom = Math.max(0, ...tab.items.map((item) => item.position.y));
  host.style.width = canvas.style.width = `${right + 450}px`;
  host.style.height = canvas.style.height = `${bottom + 450}px`;
  canvas.appendChild(host);
  const takeDown = draw(host, tab);
  return {
    setZoom() {},
    destroy() {
      takeDown();
      canvas.replaceChildren();
    },
  };
}

/** The canvas grows with its cards so that the viewport scrolls to all of them. */
function sizeCanvas(canvas: HTMLElement, elements: Map<HTMLElement, string>): void {
  let width = 0;
  let height = 0;
  for (const element of elements.keys()) {
    width = Math.max(width, element.offsetLeft + element.offsetWidth);
    height = Math.max(height, element.offsetTop + element.offsetHeight);
  }
  canvas.style.width = `${width + 200}px`;
  canvas.style.height = `${height + 200}px`;
}

function closeMenus(doc: Document): void {
  for (const menu of doc.querySelectorAll(sel(doc, '.step_menu'))) {
    menu.closest(sel(doc, '.sequence_step'))?.classList.remove(cls(doc, 'menu_open'));
    menu.remove();
  }
}

/** The ⋮ menu: one item, Activate or Deactivate, depending on the step's state. */
function wireMenu(
  doc: Document,
  card: HTMLElement,
  state: EditorState,
  ref: string,
  changed: () => void,
): void {
  const button = card.querySelector<HTMLButtonElement>(sel(doc, '.js_step_menu'));
  if (!button) return;
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    const open = card.querySelector(sel(doc, '.step_menu'));
    closeMenus(doc);
    if (open) return;
    const active = state.active.get(ref) ?? false;
    const menu = el(doc, 'ul', 'step_menu dropdown-menu');
    menu.setAttribute('role', 'menu');
    const item = el(doc, 'li');
    const action = el(doc, 'button', 'step_menu_item js_toggle_step', active ? 'Deactivate' : 'Activate');
    action.type = 'button';
    action.setAttribute('role', 'menuitem');
    action.addEventListener('click', (clickEvent) => {
      clickEvent.stopPropagation();
      state.active.set(ref, !active);
      setCardActive(doc, card, !active);
      closeMenus(doc);
      changed();
    });
    item.appendChild(action);
    menu.appendChild(item);
    card.appendChild(menu);
    card.classList.add(cls(doc, 'menu_open'));
  });
}

/** Clicking anywhere else closes an open ⋮ menu, as dropdowns do (until `signal` aborts). */
export function closeMenusOnOutsideClick(doc: Document, signal: AbortSignal): void {
  doc.addEventListener('click', () => closeMenus(doc), { signal });
}
