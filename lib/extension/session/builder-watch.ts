import type { PageWindow } from '../content/page-window';

export interface BuilderWatchOptions {
  /** Where the builder (or the sequence list) is now, as the profile that read the page finds it. */
  region: () => Element | null;
  /** The extension's own UI: its changes are never the builder's. */
  ownHost: () => Element | null;
  /**
   * With no region found, whether any change of the page may matter: a builder not read yet may
   * still be rendering in markup only inference finds, and a list read by its links has the whole
   * page for its region.
   */
  regionless: () => boolean;
  /** A change that may change the audit. */
  changed: () => void;
  signal: AbortSignal;
}

/**
 * Calls `changed` when the builder may have changed: a mutation inside its region (not the
 * extension's own UI), the region appearing, going or being replaced by the app, or the address
 * changing without a reload (another sequence opened in place). A ticking clock or a chat widget
 * elsewhere on Kartra's page does not wake the reader. Everything ends with `signal`.
 */
export function watchBuilder(win: PageWindow, options: BuilderWatchOptions): void {
  const { signal, changed } = options;
  if (signal.aborted) return;
  let region = options.region();
  const observer = new win.MutationObserver((records) => {
    const now = options.region();
    if (now !== region) {
      region = now;
      changed();
      return;
    }
    if (!now) {
      if (options.regionless()) changed();
      return;
    }
    const host = options.ownHost();
    const ours = (target: Node) => host !== null && (host === target || host.contains(target));
    if (records.some((record) => now.contains(record.target) && !ours(record.target))) changed();
  });
  observer.observe(win.document.documentElement, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
  win.addEventListener('popstate', changed, { signal });
  win.addEventListener('hashchange', changed, { signal });
  signal.addEventListener('abort', () => observer.disconnect());
}
