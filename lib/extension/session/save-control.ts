import { collapse, samePhrase } from '../../reader/text';

/** What a person can click: a click anywhere inside one lands on it. */
const CLICKABLE = 'button, a, [role="button"], input[type="button"], input[type="submit"]';

/**
 * Whether a click landed on the control labelled `label` (Kartra's "Save Progress"), judged by
 * its visible label (or its accessible name, for an icon-only control), as a person would.
 */
export function isClickOn(target: EventTarget | null, label: string): boolean {
  const node = target as Node | null;
  const start = node?.nodeType === 1 ? (node as Element) : (node?.parentElement ?? null);
  const control = start?.closest(CLICKABLE);
  if (!control) return false;
  const shown = control.tagName === 'INPUT' ? (control as HTMLInputElement).value : control.textContent;
  return (
    samePhrase(collapse(shown ?? ''), label) || samePhrase(control.getAttribute('aria-label') ?? '', label)
  );
}
