import {
  type AnchorSpec,
  type BrowserJsPlumbInstance,
  type Connection,
  type Endpoint,
  type EndpointOptions,
  EVENT_CONNECTION,
  EVENT_CONNECTION_DETACHED,
  EVENT_CONNECTION_MOVED,
  EVENT_DRAG_STOP,
  newInstance,
} from '@jsplumb/browser-ui';
import { type SpecConnection, TERMINAL_KINDS, tabOfRef } from '../spec';
import { renderCard, renderStartingRules, setCardActive } from './card';
import { el } from './dom';
import { layoutTab, type Point } from './layout';
import { connectionTab, type EditorState } from './state';

/** Which node of which card an endpoint is; kept in a Map, never written into the page. */
interface Port {
  ref: string;
  role: 'in' | 'out' | 'yes' | 'no';
}

export interface MountedCanvas {
  setZoom(zoom: number): void;
  destroy(): void;
}

const NODE_STYLE = { fill: '#c9ced6', stroke: '#ffffff', strokeWidth: 2 };
const NODE_HOVER = { fill: '#9aa3b0', stroke: '#ffffff', strokeWidth: 2 };

function anchors(state: EditorState) {
  const horizontal = state.orientation === 'horizontal';
  const anchorsByRole: Record<Port['role'], AnchorSpec> = horizontal
    ? { in: 'Left', out: 'Right', yes: [1, 0.3, 1, 0], no: [1, 0.7, 1, 0] }
    : { in: 'Top', out: 'Bottom', yes: [0.3, 1, 0, 1], no: [0.7, 1, 0, 1] };
  return anchorsByRole;
}

/**
 * Builds the selected tab's canvas: cards, the Starting Rules module (Main tab), and jsPlumb's
 * nodes and lines. Lines the user draws or removes are written back to `state.connections`;
 * `edited` hears of every activation or line change (Save Progress shows them as unsaved).
 */
export function mountCanvas(
  doc: Document,
  canvas: HTMLElement,
  state: EditorState,
  edited: () => void,
): MountedCanvas {
  canvas.replaceChildren();
  const instance: BrowserJsPlumbInstance = newInstance({
    container: canvas,
    connector: { type: 'Bezier', options: { curviness: 70, gap: 9 } },
    paintStyle: { stroke: '#6f7b8e', strokeWidth: 2 },
    hoverPaintStyle: { stroke: '#2c88d9', strokeWidth: 3 },
    connectionOverlays: [{ type: 'Arrow', options: { location: 1, width: 14, length: 14, foldback: 0.8 } }],
    endpoint: { type: 'Dot', options: { radius: 8 } },
    endpointStyle: NODE_STYLE,
    endpointHoverStyle: NODE_HOVER,
    dragOptions: { filter: '.step_menu_btn, .step_menu, .step_menu *', cursor: 'move' },
    // jsPlumb's ResizeObserver revalidates every card on its first observation: opening 1,000
    // steps took 74-214 s with it, ~10 s without. A card changes size only when (de)activated,
    // and the menu revalidates it then.
    resizeObserver: false,
  });
  instance.setZoom(state.zoom);

  const ports = new Map<Endpoint, Port>();
  const elementRef = new Map<HTMLElement, string>();
  const outputs = new Map<string, Endpoint>();
  const inputs = new Map<string, Endpoint>();
  const anchorFor = anchors(state);
  let building = true;

  const tabSteps = state.steps.filter((s) => tabOfRef(s.ref) === state.tab);
  const tabLines = state.connections.filter((c) => connectionTab(c) === state.tab);
  const layout = layoutTab(tabSteps, tabLines, state.tab === 'Main', state.orientation);
  const place = (element: HTMLElement, ref: string) => {
    const pos: Point = state.moved.get(`${state.orientation}:${ref}`) ?? layout.get(ref) ?? { x: 40, y: 40 };
    element.style.left = `${pos.x}px`;
    element.style.top = `${pos.y}px`;
    elementRef.set(element, ref);
  };
  const addNode = (element: HTMLElement, ref: string, role: Port['role']) => {
    const options: EndpointOptions<Element> = {
      anchor: anchorFor[role],
      cssClass: 'connection_node',
      paintStyle: NODE_STYLE,
      hoverPaintStyle: NODE_HOVER,
    };
    if (role === 'in') Object.assign(options, { target: true, maxConnections: -1 });
    else Object.assign(options, { source: true, maxConnections: 1, connectionsDetachable: true });
    const endpoint = instance.addEndpoint(element, options);
    ports.set(endpoint, { ref, role });
    if (role === 'in') inputs.set(ref, endpoint);
    else outputs.set(role === 'out' ? ref : `${ref}:${role}`, endpoint);
  };

  canvas.classList.toggle('layout_vertical', state.orientation === 'vertical');
  if (state.tab === 'Main') {
    const module = renderStartingRules(doc, state.startingRules);
    canvas.appendChild(module);
    place(module, 'start');
    addNode(module, 'start', 'out');
  }
  for (const step of tabSteps) {
    const card = renderCard(doc, step, state.active.get(step.ref) ?? step.active);
    canvas.appendChild(card);
    place(card, step.ref);
    wireMenu(doc, card, state, step.ref, () => {
      instance.revalidate(card);
      edited();
    });
    addNode(card, step.ref, 'in');
    if (step.kind === 'split') {
      addNode(card, step.ref, 'yes');
      addNode(card, step.ref, 'no');
    } else if (!TERMINAL_KINDS.includes(step.kind)) addNode(card, step.ref, 'out');
  }
  for (const line of tabLines) {
    const source = outputs.get(line.branch ? `${line.from}:${line.branch}` : line.from);
    const target = inputs.get(line.to);
    if (source && target) instance.connect({ source, target });
  }
  building = false;

  // The lines on this tab, read back from jsPlumb after the user changed them.
  const syncConnections = () => {
    const mine: SpecConnection[] = [];
    for (const connection of instance.getConnections({}, true) as Connection[]) {
      const from = ports.get(connection.endpoints[0] as Endpoint);
      const to = ports.get(connection.endpoints[1] as Endpoint);
      if (!from || !to || to.role !== 'in' || from.role === 'in') continue;
      const line: SpecConnection = { from: from.ref, to: to.ref };
      if (from.role === 'yes' || from.role === 'no') line.branch = from.role;
      mine.push(line);
    }
    state.connections = [...state.connections.filter((c) => connectionTab(c) !== state.tab), ...mine];
    edited();
  };
  // jsPlumb fires these before it has finished updating its own lists.
  const later = () => {
    if (!building) setTimeout(syncConnections, 0);
  };
  instance.bind(EVENT_CONNECTION, later);
  instance.bind(EVENT_CONNECTION_DETACHED, later);
  instance.bind(EVENT_CONNECTION_MOVED, later);
  instance.bind(EVENT_DRAG_STOP, () => {
    for (const [element, ref] of elementRef) {
      state.moved.set(`${state.orientation}:${ref}`, {
        x: Number.parseFloat(element.style.left) || 0,
        y: Number.parseFloat(element.style.top) || 0,
      });
    }
    sizeCanvas(canvas, elementRef);
  });
  sizeCanvas(canvas, elementRef);

  return {
    setZoom(zoom: number) {
      instance.setZoom(zoom);
    },
    destroy() {
      instance.destroy();
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
  for (const menu of doc.querySelectorAll('.step_menu')) {
    menu.closest('.sequence_step')?.classList.remove('menu_open');
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
  const button = card.querySelector<HTMLButtonElement>('.js_step_menu');
  if (!button) return;
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    const open = card.querySelector('.step_menu');
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
    card.classList.add('menu_open');
  });
}

/** Clicking anywhere else closes an open ⋮ menu, as dropdowns do. */
export function closeMenusOnOutsideClick(doc: Document): void {
  doc.addEventListener('click', () => closeMenus(doc));
}
