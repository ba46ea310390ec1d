import { Window } from 'happy-dom';
import type { Rect, Scene, SceneCard } from '../../../lib/reader/scene';

/**
 * Renders a Scene as the builder's markup (docs/replica-markup.md) in happy-dom. happy-dom has
 * no layout, so with `geometry` each element reports the scene's rectangle and each line's path
 * maps its `d` straight to client coordinates, as a laid-out page would.
 */

export const EDITOR_URL = 'https://app.kartra.com/marketing/sequences/edit/2231';

let shared: Window | null = null;

/** An empty document. One happy-dom window is reused: opening a window per case is slow. */
export function newDocument(): Document {
  shared ??= new Window({ url: EDITOR_URL });
  const doc = shared.document as unknown as Document;
  doc.body.replaceChildren();
  return doc;
}

function stubRect(el: Element, r: Rect): void {
  const box = {
    x: r.x,
    y: r.y,
    left: r.x,
    top: r.y,
    width: r.width,
    height: r.height,
    right: r.x + r.width,
    bottom: r.y + r.height,
  };
  Object.defineProperty(el, 'getBoundingClientRect', {
    value: () => ({ ...box, toJSON: () => box }),
    configurable: true,
  });
}

export function renderScene(doc: Document, scene: Scene, geometry = true): void {
  const make = (tag: string, className = '', text?: string | null): HTMLElement => {
    const el = doc.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined && text !== null) el.textContent = text;
    return el;
  };
  const svg = (className: string): Element => {
    const el = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
    el.setAttribute('class', className);
    return el;
  };
  const app = make('div', 'kartra_app');
  const builder = make('main', 'sequence_builder js_sequence_builder');
  const toolbar = make('div', 'builder_toolbar');
  if (scene.toolbar.name !== null)
    toolbar.append(make('h1', 'sequence_internal_name js_sequence_name', scene.toolbar.name));
  if (scene.toolbar.publicName !== null)
    toolbar.append(make('div', 'sequence_public_name js_sequence_public_name', scene.toolbar.publicName));
  if (scene.toolbar.statusIconClasses !== null) {
    const own = ['sequence_status_btn', 'js_sequence_status'];
    const button = make('button', own.join(' '));
    const iconClasses = scene.toolbar.statusIconClasses.filter((c) => !own.includes(c));
    button.append(make('i', iconClasses.join(' ')));
    toolbar.append(button);
  }
  if (scene.toolbar.subscribers !== null)
    toolbar.append(make('span', 'sequence_subscribers js_sequence_subscribers', scene.toolbar.subscribers));
  builder.append(toolbar);

  if (scene.found.tabs) {
    const tabs = make('ul', 'subsequence_tabs');
    for (const tab of scene.tabs) {
      if (tab.label === '+ Add') tabs.append(make('li', 'subsequence_tab_add js_add_subsequence', tab.label));
      else
        tabs.append(
          make('li', `subsequence_tab js_subsequence_tab${tab.selected ? ' active' : ''}`, tab.label),
        );
    }
    builder.append(tabs);
  }
  const body = make('div', 'builder_body');
  const viewport = make('div', 'builder_viewport js_builder_viewport');
  // Without the canvas (say, renamed by a redesign) the cards sit straight in the viewport.
  const canvas = scene.found.canvas ? make('div', 'builder_canvas js_builder_canvas') : viewport;
  if (canvas !== viewport) viewport.append(canvas);
  body.append(viewport);
  builder.append(body);
  app.append(builder);
  doc.body.append(app);

  if (scene.startingRules) {
    const module = make('div', 'starting_rules_module js_starting_rules');
    module.append(make('div', 'module_title', 'Starting Rules'));
    const list = make('ul');
    if (scene.startingRules.rules.length === 0)
      list.append(make('li', 'starting_rule_empty', 'No starting rules yet'));
    for (const rule of scene.startingRules.rules) {
      const li = make('li', 'starting_rule');
      li.append(make('i', rule.iconClasses.filter((c) => c !== 'starting_rule').join(' ')));
      li.append(make('span', 'starting_rule_label', rule.label));
      list.append(li);
    }
    module.append(list);
    canvas.append(module);
    if (geometry) stubRect(module, scene.startingRules.rect);
  }
  for (const card of scene.cards) canvas.append(renderCard(card, make, geometry));
  for (const node of scene.nodes) {
    const el = svg(`jtk-endpoint connection_node${node.linked ? ' jtk-endpoint-connected' : ''}`);
    el.append(doc.createElementNS('http://www.w3.org/2000/svg', 'circle'));
    if (geometry) stubRect(el, node.rect);
    canvas.append(el);
  }
  for (const line of scene.lines) {
    const el = svg('jtk-connector');
    const path = doc.createElementNS('http://www.w3.org/2000/svg', 'path');
    if (line.start && line.end) {
      const { start: a, end: b } = line;
      path.setAttribute('d', `M ${a.x} ${a.y} C ${a.x + 70} ${a.y} ${b.x - 70} ${b.y} ${b.x} ${b.y}`);
    }
    if (geometry)
      Object.defineProperty(path, 'getScreenCTM', {
        value: () => ({ a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 }),
        configurable: true,
      });
    const arrow = doc.createElementNS('http://www.w3.org/2000/svg', 'path');
    arrow.setAttribute('class', 'jtk-overlay');
    arrow.setAttribute('d', 'M 0 0 L 12 6 L 0 12 Z');
    el.append(path, arrow);
    canvas.append(el);
  }
}

function renderCard(
  card: SceneCard,
  make: (tag: string, className?: string, text?: string | null) => HTMLElement,
  geometry: boolean,
): HTMLElement {
  const f = card.fields;
  const root = make('div', card.classes.join(' '));
  const header = make('div', 'step_header');
  if (f.number !== null) header.append(make('span', 'step_number', f.number));
  if (card.kindIconClasses !== null) header.append(make('i', card.kindIconClasses.join(' ')));
  if (f.kindLabel !== null) {
    const label = make('span', 'step_kind_label', f.kindLabel);
    // A card drawn fainter than written: its label at that opacity, as a builder fades one.
    if (card.ink !== undefined && card.ink !== 1) label.style.opacity = String(card.ink);
    header.append(label);
  }
  if (f.inactiveLabel !== null) header.append(make('span', 'step_inactive_label', f.inactiveLabel));
  header.append(make('button', 'step_menu_btn js_step_menu', '⋮'));
  root.append(header);
  if (f.title !== null) root.append(make('div', 'step_title', f.title));
  if (f.action !== null) root.append(make('div', 'step_action', f.action));
  if (f.goto !== null) root.append(make('div', 'step_goto', f.goto));
  const withIcon = (className: string, icon: string, text: string) => {
    const el = make('div', className);
    el.append(make('i', `fa ${icon}`), text);
    return el;
  };
  if (f.timing !== null) root.append(withIcon('step_timing', 'fa-clock-o', f.timing));
  if (f.window !== null) root.append(withIcon('step_window', 'fa-calendar', f.window));
  if (f.recipients !== null) root.append(make('div', 'step_recipients', f.recipients));
  if (f.versions.length > 0) {
    const versions = make('div', 'step_versions');
    for (const v of f.versions) versions.append(make('span', 'step_version', v));
    root.append(versions);
  }
  if (card.outputLabels.length > 0) {
    const outputs = make('div', 'split_outputs');
    for (const label of card.outputLabels) {
      const el = make('span', 'split_output_label', label.text);
      if (geometry) stubRect(el, label.rect);
      outputs.append(el);
    }
    root.append(outputs);
  }
  if (geometry) stubRect(root, card.rect);
  return root;
}

/**
 * Gives every element inside `card` a small box within the card's, as a laid-out page would
 * (renderScene boxes only the cards themselves): for a card whose texts must be read by their
 * words, where no selector finds them.
 */
export function boxContents(card: Element): void {
  const r = card.getBoundingClientRect();
  for (const el of Array.from(card.querySelectorAll('*')))
    stubRect(el, { x: r.left + 8, y: r.top + 8, width: 40, height: 12 });
}

/**
 * Empties every text on the page, as an app that draws its boxes before their words would;
 * returns what puts the words back (adding no element).
 */
export function blankTexts(doc: Document): () => void {
  const texts = [...doc.body.querySelectorAll('*')].flatMap((el) =>
    [...el.childNodes].filter((node) => node.nodeType === node.TEXT_NODE),
  );
  const words = texts.map((text) => text.textContent);
  for (const text of texts) text.textContent = '';
  return () => {
    texts.forEach((text, i) => {
      text.textContent = words[i] ?? '';
    });
  };
}

/**
 * Every class renamed as another app's build would (icons kept: they are Font Awesome's). One
 * `names` map for several pages renames them as one build would.
 */
export function renameClasses(doc: Document, names = new Map<string, string>()): void {
  for (const el of Array.from(doc.querySelectorAll('[class]'))) {
    const renamed = (el.getAttribute('class') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((c) => {
        if (c.startsWith('fa')) return c;
        if (!names.has(c)) names.set(c, `x${names.size.toString(36)}_${c.length}`);
        return names.get(c) as string;
      });
    el.setAttribute('class', renamed.join(' '));
    el.setAttribute('data-v-7a1b2c3d', '');
  }
}
