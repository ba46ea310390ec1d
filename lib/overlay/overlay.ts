import type { Report } from '../audit/report';
import type { PageWindow } from '../extension/audit-session';
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

/** Puts the overlay's one host element on the page; `profileOf`: the profile read with now. */
export type MountOverlay = (win: PageWindow, profileOf: () => KartraProfile) => Overlay;
