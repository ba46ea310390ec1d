import type { KartraProfile } from '../kartra/profile';
import type { PageModel } from '../model';
import type { Report, ReportPageKind } from '../report';
import type { PageStructure } from '../structure-export';

/**
 * Messages between the popup, the background worker and the content script. Every message is
 * checked on arrival; anything else is ignored, so a stray message from another extension or
 * an older version of ours cannot break a surface.
 */

/** Popup (or a test) → content script: the latest report for this tab. */
export interface GetReportMessage {
  type: 'kartra-auditor:get-report';
  /**
   * Also send the page model the report was made from (tests and tools compare it). The popup
   * does not ask: on 1,000 steps the model is ~300 KB, more than twice the report.
   */
  withPage?: boolean;
}

/** Popup → content script: scroll the builder to a step and highlight it. */
export interface LocateStepMessage {
  type: 'kartra-auditor:locate-step';
  ref: string;
}

/** The content script's answer to LocateStepMessage. */
export interface LocateStepResponse {
  /** False when the step is not on the builder's screen (for example on another tab). */
  found: boolean;
}

/** Popup → content script: the page's structure without its data (lib/structure-export.ts). */
export interface ExportStructureMessage {
  type: 'kartra-auditor:export-structure';
}

/** The content script's answer to ExportStructureMessage. */
export type ExportStructureResponse =
  | { structure: PageStructure; error: null }
  | { structure: null; error: string };

/** Content script → background: the tab's latest counts, for the toolbar badge. */
export interface ReportChangedMessage {
  type: 'kartra-auditor:report-changed';
  badge: { text: string; color: string };
  /** What this frame's page is: the background picks the frame that holds the builder. */
  kind: ReportPageKind;
  /** The first report of a page visit (the frame's earlier reports are of another page). */
  newVisit?: boolean;
}

const PAGE_KINDS: readonly string[] = ['editor', 'list', 'unrecognised', 'other'];

/** The latest audit, or why it failed. */
export type AuditResult =
  | { report: Report; page: PageModel; error: null }
  | { report: null; page: null; error: string };

/**
 * The content script's answer to GetReportMessage. `diagnostics` counts what the reader could
 * not read (the popup then offers the structure export); `page` is sent only when asked.
 */
export type ReportResponse =
  | {
      report: Report;
      page: PageModel | null;
      diagnostics: number;
      /** The profile inferred from the page, when the report was read with it ("Keep this profile"). */
      inferredProfile: KartraProfile | null;
      error: null;
    }
  | { report: null; page: null; diagnostics: 0; inferredProfile: null; error: string };

export function reportResponse(
  result: AuditResult,
  message: GetReportMessage,
  inferredProfile: KartraProfile | null = null,
): ReportResponse {
  if (result.error !== null) return { ...result, diagnostics: 0, inferredProfile: null };
  const diagnostics = result.page.kind === 'editor' ? result.page.sequence.diagnostics.length : 0;
  return {
    report: result.report,
    page: message.withPage ? result.page : null,
    diagnostics,
    inferredProfile,
    error: null,
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

export function isGetReportMessage(message: unknown): message is GetReportMessage {
  return (
    isObject(message) &&
    message.type === 'kartra-auditor:get-report' &&
    (message.withPage === undefined || typeof message.withPage === 'boolean')
  );
}

export function isLocateStepMessage(message: unknown): message is LocateStepMessage {
  return (
    isObject(message) &&
    message.type === 'kartra-auditor:locate-step' &&
    typeof message.ref === 'string' &&
    message.ref.length <= 20
  );
}

export function isReportChangedMessage(message: unknown): message is ReportChangedMessage {
  if (!isObject(message) || message.type !== 'kartra-auditor:report-changed') return false;
  const badge = message.badge;
  return (
    isObject(badge) &&
    typeof badge.text === 'string' &&
    typeof badge.color === 'string' &&
    typeof message.kind === 'string' &&
    PAGE_KINDS.includes(message.kind) &&
    (message.newVisit === undefined || typeof message.newVisit === 'boolean')
  );
}

export function isExportStructureMessage(message: unknown): message is ExportStructureMessage {
  return isObject(message) && message.type === 'kartra-auditor:export-structure';
}
