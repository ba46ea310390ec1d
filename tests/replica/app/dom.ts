/** Creates an element with classes and optional text, in the given document. */
export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className = '',
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A Font Awesome style icon: `<i class="fa fa-envelope">`; the glyph comes from the CSS. */
export function icon(doc: Document, name: string, extra = ''): HTMLElement {
  const node = el(doc, 'i', `fa ${name}${extra ? ` ${extra}` : ''}`);
  node.setAttribute('aria-hidden', 'true');
  return node;
}

/** Appends children and returns the parent, for building small trees inline. */
export function append<T extends Node>(parent: T, ...children: Node[]): T {
  for (const child of children) parent.appendChild(child);
  return parent;
}
