import { h, render } from 'preact';
import type { Report } from '../../lib/audit/report';
import type { PageWindow } from '../../lib/extension/content/page-window';
import { EXTENSION_HOST_TAG } from '../../lib/extension/content/ui-host';
import type { KartraProfile } from '../../lib/kartra/profile';
import { cardElementsAfterRead, findCardElements } from '../../lib/overlay/card-elements';
import { type GroupedFindings, groupFindings } from '../../lib/overlay/group-findings';
import type { AcceptFinding, MountOverlay, Overlay } from '../../lib/overlay/overlay';
import { OVERLAY_STYLE } from '../../lib/overlay/overlay-style';
import type { Rect } from '../../lib/reader/scene';
import { type BoxPosition, InlineOverlay } from './InlineOverlay';

/**
 * The inline warnings: one host element on the document body, a shadow root inside it, badges
 * positioned over Kartra's cards. Kartra's own elements are only read (their rects), never given
 * a child, attribute, class or style. Positions follow scrolling, zooming, resizing and dragging
 * on the next animation frame, without waiting for the next audit.
 *
 * Not WXT's `createShadowRootUi`: it would keep the guest rules (one host element on the body,
 * an open shadow root), but it is async (the isolated element is created in a later task), and
 * the overlay is drawn within the audit that read the cards, from the boxes that audit measured,
 * so the badges never lag the report. The content script's `ctx.onInvalidated` destroys this
 * overlay as WXT's would remove its UI. `profileOf`: the profile the page is read with now (an
 * inferred one may replace the active one).
 */
export const mountOverlay: MountOverlay = (
  win: PageWindow,
  profileOf: () => KartraProfile,
  accept?: AcceptFinding,
): Overlay => {
  const document = win.document;
  const host = document.createElement(EXTENSION_HOST_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = OVERLAY_STYLE;
  const root = document.createElement('div');
  shadow.append(style, root);
  // A host left by a copy of this script from before an extension update or reload: Firefox
  // injects the new copy into open tabs and silences the old one without letting it clean up.
  // The element is ours, so the page keeps exactly one.
  for (const leftover of document.querySelectorAll(EXTENSION_HOST_TAG)) leftover.remove();
  (document.body ?? document.documentElement).append(host);

  let grouped: GroupedFindings = { byStep: [], sequenceWide: [], unsaved: null };
  let counts: Report['counts'] = { error: 0, warning: 0, info: 0, review: 0 };
  let highlight: { ref: string; at: number } | null = null;
  let frame = 0;
  // The flagged cards' elements, kept between frames: while a card is dragged only its style
  // changes, so each frame re-reads a few boxes instead of searching the whole canvas again.
  let cards: Map<string, Element> | null = null;
  let drawn: {
    grouped: GroupedFindings;
    positions: Map<string, BoxPosition>;
    highlight: { ref: string; at: number } | null;
    counts: Report['counts'];
  } | null = null;
  let lastFindings: Report['findings'] = [];
  // The builder's canvas, looked up again only once the app has replaced it.
  let canvas: Element | null = null;
  const builderCanvas = (): Element | null => {
    if (!canvas?.isConnected) canvas = document.querySelector(profileOf().editor.canvas);
    return canvas;
  };

  /** The steps that get a badge, and the one highlighted. */
  const flaggedRefs = (): Set<string> => {
    const refs = new Set(grouped.byStep.map((step) => step.ref));
    if (highlight) refs.add(highlight.ref);
    return refs;
  };

  /** `measured`: boxes the reader took a moment ago (same layout), used instead of measuring again. */
  function draw(measured?: ReadonlyMap<string, Rect> | null): void {
    if (frame) win.cancelAnimationFrame(frame);
    frame = 0;
    const wanted = flaggedRefs();
    cards ??= findCardElements(document, profileOf(), wanted);
    const positions = new Map<string, BoxPosition>();
    // A card scrolled out of the builder's viewport gets no badge: it would cover Kartra's own
    // controls (the palette, the toolbar) and take their clicks.
    const view = builderCanvas()?.parentElement?.getBoundingClientRect();
    for (const ref of wanted) {
      const rect = measured?.get(ref) ?? boxOf(cards.get(ref));
      const visible =
        !view ||
        (rect !== undefined &&
          rect.x + rect.width - 12 >= view.left &&
          rect.x <= view.right &&
          rect.y + rect.height >= view.top &&
          rect.y <= view.bottom);
      if (rect && visible && (rect.width > 0 || rect.height > 0)) {
        positions.set(ref, { left: rect.x, top: rect.y, width: rect.width, height: rect.height });
      }
    }
    // Most redraws (a re-audit that found the same, a frame in which nothing moved) would render
    // exactly what is on screen: skip them.
    if (
      drawn &&
      drawn.grouped === grouped &&
      drawn.highlight === highlight &&
      drawn.counts === counts &&
      samePositions(drawn.positions, positions)
    )
      return;
    drawn = { grouped, positions, highlight, counts };
    render(h(InlineOverlay, { grouped, positions, highlight, counts, onAccept: accept }), root);
  }

  function schedule(): void {
    if (frame === 0) frame = win.requestAnimationFrame(() => draw());
  }

  // Between audits the badges follow what moves on the canvas (a card dragged); anything else
  // that changes (the toolbar, the title, a canvas replaced on a tab switch) is followed by the
  // audit the change causes, which redraws.
  const observer = new win.MutationObserver((records) => {
    const canvas = builderCanvas();
    let moved = false;
    for (const record of records) {
      if (!canvas?.contains(record.target)) continue;
      moved = true;
      // Cards added, removed or renumbered: find them again.
      if (record.type !== 'attributes') cards = null;
    }
    if (moved) schedule();
  });
  observer.observe(document.documentElement, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
  win.addEventListener('scroll', schedule, { capture: true, passive: true });
  win.addEventListener('resize', schedule, { passive: true });

  return {
    host,
    update(report, read = null) {
      // A re-audit that found the same keeps the same objects, so the drawing can be skipped.
      if (!sameFindings(lastFindings, report.findings)) {
        grouped = groupFindings(report);
        lastFindings = report.findings;
      }
      if (!sameCounts(counts, report.counts)) counts = report.counts;
      // At once, not on the next frame: the audit that called this is timed with its drawing,
      // and the cards it just read are the ones to badge.
      const found = cardElementsAfterRead(document, profileOf(), flaggedRefs(), read);
      cards = found.elements;
      draw(found.rects);
    },
    locate(ref) {
      const card = findCardElements(document, profileOf(), new Set([ref])).get(ref);
      if (!card) return false;
      card.scrollIntoView({ block: 'center', inline: 'center', behavior: 'smooth' });
      highlight = { ref, at: Date.now() };
      cards = null;
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
};

function boxOf(element: Element | undefined): Rect | undefined {
  if (!element) return undefined;
  const { left, top, width, height } = element.getBoundingClientRect();
  return { x: left, y: top, width, height };
}

function samePositions(a: ReadonlyMap<string, BoxPosition>, b: ReadonlyMap<string, BoxPosition>): boolean {
  if (a.size !== b.size) return false;
  for (const [ref, p] of a) {
    const q = b.get(ref);
    if (!q || q.left !== p.left || q.top !== p.top || q.width !== p.width || q.height !== p.height)
      return false;
  }
  return true;
}

function sameCounts(a: Report['counts'], b: Report['counts']): boolean {
  return a.error === b.error && a.warning === b.warning && a.info === b.info && a.review === b.review;
}

function sameFindings(a: Report['findings'], b: Report['findings']): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (!x || !y) return false;
    if (
      x.ruleId !== y.ruleId ||
      x.severity !== y.severity ||
      x.kind !== y.kind ||
      x.message !== y.message ||
      x.fix !== y.fix ||
      x.sequenceId !== y.sequenceId ||
      x.steps.length !== y.steps.length ||
      x.steps.some((ref, j) => ref !== y.steps[j])
    )
      return false;
  }
  return true;
}
