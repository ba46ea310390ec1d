import { h, render } from 'preact';
import { type BoxPosition, InlineOverlay } from '../../components/InlineOverlay';
import type { PageWindow } from '../extension/audit-session';
import { EXTENSION_HOST_TAG } from '../extension/ui-host';
import type { KartraProfile } from '../kartra/profile';
import type { Report } from '../report';
import { findCardElements } from './card-elements';
import { type GroupedFindings, groupFindings } from './group-findings';
import { OVERLAY_STYLE } from './overlay-style';

/**
 * The inline warnings: one host element on the document body, a shadow root inside it, badges
 * positioned over Kartra's cards. Kartra's own elements are only read (their rects), never given
 * a child, attribute, class or style. Positions follow scrolling, zooming, resizing and dragging
 * on the next animation frame, without waiting for the next audit.
 */
export interface Overlay {
  update(report: Report): void;
  /** Scrolls the builder to a step and highlights it; false when the step is not on screen. */
  locate(ref: string): boolean;
  destroy(): void;
}

export function mountOverlay(win: PageWindow, profile: KartraProfile): Overlay {
  const document = win.document;
  const host = document.createElement(EXTENSION_HOST_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = OVERLAY_STYLE;
  const root = document.createElement('div');
  shadow.append(style, root);
  (document.body ?? document.documentElement).append(host);

  let grouped: GroupedFindings = { byStep: [], sequenceWide: [] };
  let counts: Report['counts'] = { error: 0, warning: 0, info: 0, review: 0 };
  let highlight: { ref: string; at: number } | null = null;
  let frame = 0;

  function draw(): void {
    frame = 0;
    const cards = findCardElements(document, profile);
    const positions = new Map<string, BoxPosition>();
    const wanted = grouped.byStep.map((step) => step.ref);
    if (highlight) wanted.push(highlight.ref);
    for (const ref of wanted) {
      const rect = cards.get(ref)?.getBoundingClientRect();
      if (rect && (rect.width > 0 || rect.height > 0)) {
        positions.set(ref, { left: rect.left, top: rect.top, width: rect.width, height: rect.height });
      }
    }
    render(h(InlineOverlay, { grouped, positions, highlight, counts }), root);
  }

  function schedule(): void {
    if (frame === 0) frame = win.requestAnimationFrame(draw);
  }

  const observer = new win.MutationObserver((records) => {
    if (records.some((record) => !host.contains(record.target))) schedule();
  });
  observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true });
  win.addEventListener('scroll', schedule, { capture: true, passive: true });
  win.addEventListener('resize', schedule, { passive: true });

  return {
    update(report) {
      grouped = groupFindings(report);
      counts = report.counts;
      schedule();
    },
    locate(ref) {
      const card = findCardElements(document, profile).get(ref);
      if (!card) return false;
      card.scrollIntoView({ block: 'center', inline: 'center', behavior: 'smooth' });
      highlight = { ref, at: Date.now() };
      schedule();
      return true;
    },
    destroy() {
      observer.disconnect();
      win.removeEventListener('scroll', schedule, { capture: true });
      win.removeEventListener('resize', schedule);
      if (frame) win.cancelAnimationFrame(frame);
      render(null, root);
      host.remove();
    },
  };
}
