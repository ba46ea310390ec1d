import type { Finding, Report } from '../audit/report';
import type { PageWindow } from '../extension/content/page-window';
import type { KartraProfile } from '../kartra/profile';
import type { CardsRead } from '../reader/collect';

/**
 * The inline warnings as the audit module drives them (drawn by components/overlay/mount-overlay.ts,
 * which the audit module's entry point hands in: lib/ imports no view).
 */
export interface Overlay {
  /** The one element the overlay adds to the page (its UI lives in this host's shadow root). */
  host: Element;
  /** `read`: the cards the audit just read (no search of the canvas, no measuring again). */
  update(report: Report, read?: CardsRead | null): void;
  /** Scrolls the builder to a step and highlights it; false when the step is not on screen. */
  locate(ref: string): boolean;
  destroy(): void;
}

/** Takes a finding of the sequence on screen out of the counts, with the user's reason. */
export type AcceptFinding = (finding: Pick<Finding, 'ruleId' | 'kind' | 'steps'>, reason: string) => void;

/**
 * Puts the overlay's one host element on the page; `profileOf`: the profile read with now;
 * `accept`: what the card's Accept does (absent: the card offers none).
 */
export type MountOverlay = (
  win: PageWindow,
  profileOf: () => KartraProfile,
  accept?: AcceptFinding,
) => Overlay;
