import * as z from 'zod/mini';
import type { ReportPageKind } from '../../audit/report';
import { REPORT_PAGE_KINDS } from '../../model/kinds';

/**
 * Kartra may render the builder inside a frame of app.kartra.com, and the content script runs
 * in every such frame. Each frame's audit is reported to the background; the frame whose page
 * says most about a sequence is the tab's audit (for the badge and the popup): a builder over a
 * builder that could not be read, over the sequence list, over any other page; the top frame
 * first among equals.
 */

/** What one frame's content script last reported (it arrives from the page's process: validated). */
export const frameAuditSchema = z.object({
  kind: z.enum(REPORT_PAGE_KINDS),
  badge: z.object({
    text: z.string().check(z.maxLength(16)),
    color: z.string().check(z.maxLength(32)),
    /** The toolbar button's tooltip, when the badge does not say all (accepted findings). */
    title: z.optional(z.string().check(z.maxLength(120))),
  }),
});
export type FrameAudit = z.infer<typeof frameAuditSchema>;

/** Per frame id, the latest audit of each frame of one tab. */
export const tabFramesSchema = z.record(z.string(), frameAuditSchema);
export type TabFrames = z.infer<typeof tabFramesSchema>;

const RANK: Record<ReportPageKind, number> = { editor: 3, unrecognised: 2, list: 1, other: 0 };

/** The frame whose audit is the tab's, or null when no frame has reported. */
export function auditedFrame(frames: TabFrames | undefined): number | null {
  let best: number | null = null;
  let bestRank = -1;
  for (const [id, audit] of Object.entries(frames ?? {})) {
    const frameId = Number(id);
    const rank = RANK[audit.kind] ?? -1;
    if (rank > bestRank || (rank === bestRank && best !== null && frameId < best)) {
      best = frameId;
      bestRank = rank;
    }
  }
  return best;
}

/**
 * The tab's frames after one frame reported. A top frame that starts a new page visit drops
 * what the frames of the previous page said.
 */
export function withFrameAudit(
  frames: TabFrames | undefined,
  frameId: number,
  audit: FrameAudit,
  newVisit: boolean,
): TabFrames {
  const base = newVisit && frameId === 0 ? {} : { ...(frames ?? {}) };
  base[String(frameId)] = audit;
  return base;
}
