import type { Skin } from '../skin';
import { DEFAULT_SKIN } from '../skin-markup';
import type { Spec } from '../spec';
import { append, el, markupOf, useSkin } from './dom';
import { renderEditor } from './editor';
import { renderList } from './list';
import { renderTopbar } from './topbar';

/**
 * The browser side of the replica. Specs and skins arrive validated (tests/replica/page.ts runs
 * the schemas in Node), so the page carries no validator.
 */

/**
 * Renders the page for a valid spec into the document's body: the builder for an editor spec,
 * the sequence list for a list spec. `skin` is the markup to draw it in (tests/replica/skin.ts).
 */
export function render(spec: Spec, doc: Document = document, skin: Skin = DEFAULT_SKIN): void {
  useSkin(doc, skin);
  shown.get(doc)?.();
  shown.set(doc, spec.page === 'list' ? renderList(doc, doc.body, spec) : renderEditor(doc, doc.body, spec));
}

/** What takes down the page each document shows, kept beside it (never in the page). */
const shown = new WeakMap<Document, () => void>();

/**
 * Opens another page inside the app, as a Vue app's router does: the address changes without a
 * reload (`history.pushState`), the page shown is taken down and the new one rendered in the
 * same document, in the document's skin. Anything else in the body (a browser extension's own
 * elements) stays.
 */
export function open(spec: Spec, url: string, title: string, doc: Document = document): void {
  doc.defaultView?.history.pushState(null, '', url);
  doc.title = title;
  render(spec, doc, markupOf(doc).skin);
}

/** The page for a spec that is not valid: its problems in an alert banner. */
export function renderInvalid(message: string, doc: Document = document, skin: Skin = DEFAULT_SKIN): void {
  useSkin(doc, skin);
  const root = doc.body;
  const banner = el(doc, 'div', 'replica_error');
  banner.setAttribute('role', 'alert');
  banner.append(
    el(doc, 'strong', '', 'This sequence spec is not valid'),
    append(el(doc, 'pre', 'replica_error_text'), doc.createTextNode(message)),
  );
  root.appendChild(banner);
}

/** A plain Kartra page (the dashboard) for URLs that are not the builder or the list. */
export function renderOther(doc: Document = document, skin: Skin = DEFAULT_SKIN): void {
  useSkin(doc, skin);
  const app = el(doc, 'div', 'kartra_app');
  app.appendChild(renderTopbar(doc, 'Dashboard'));
  const main = el(doc, 'main', 'kartra_dashboard');
  main.append(el(doc, 'h1', '', 'Dashboard'), el(doc, 'p', '', 'Welcome back. Pick a tool from the menu.'));
  app.appendChild(main);
  doc.body.appendChild(app);
}

/** Kartra's "not found" page, for an editor URL whose sequence does not exist. */
export function renderNotFound(doc: Document = document, skin: Skin = DEFAULT_SKIN): void {
  useSkin(doc, skin);
  const app = el(doc, 'div', 'kartra_app');
  app.appendChild(renderTopbar(doc, 'Marketing › Sequences'));
  const main = el(doc, 'main', 'kartra_dashboard');
  main.append(
    el(doc, 'h1', '', 'Sequence not found'),
    el(doc, 'p', '', 'This sequence does not exist or was deleted.'),
  );
  app.appendChild(main);
  doc.body.appendChild(app);
}

export { whenDrawn } from './drawn';
