import { DEFAULT_SKIN, resolveSkin, type Skin } from '../skin';
import { parseSpec, SpecError } from '../spec';
import { append, el, useSkin } from './dom';
import { renderEditor } from './editor';
import { renderList } from './list';
import { renderTopbar } from './topbar';

export { SpecError };

/**
 * Renders the page for a spec into the document's body: the builder for an editor spec, the
 * sequence list for a list spec. An invalid spec shows its problems in an alert banner and
 * throws the SpecError to the caller. `skin` is the markup to draw it in (tests/replica/skin.ts).
 */
export function render(spec: unknown, doc: Document = document, skin: Skin = DEFAULT_SKIN): void {
  useSkin(doc, resolveSkin(skin));
  const root = doc.body;
  let parsed: ReturnType<typeof parseSpec>;
  try {
    parsed = parseSpec(spec);
  } catch (error) {
    showError(doc, root, error instanceof Error ? error.message : String(error));
    throw error;
  }
  if (parsed.page === 'list') renderList(doc, root, parsed);
  else renderEditor(doc, root, parsed);
}

function showError(doc: Document, root: HTMLElement, message: string): void {
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
  useSkin(doc, resolveSkin(skin));
  const app = el(doc, 'div', 'kartra_app');
  app.appendChild(renderTopbar(doc, 'Dashboard'));
  const main = el(doc, 'main', 'kartra_dashboard');
  main.append(el(doc, 'h1', '', 'Dashboard'), el(doc, 'p', '', 'Welcome back. Pick a tool from the menu.'));
  app.appendChild(main);
  doc.body.appendChild(app);
}

/** Kartra's "not found" page, for an editor URL whose sequence does not exist. */
export function renderNotFound(doc: Document = document, skin: Skin = DEFAULT_SKIN): void {
  useSkin(doc, resolveSkin(skin));
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
