import type { AccountReport, AccountSequence } from '../overview/account-report';
import { type Counts, STATUS_WORDS } from '../overview/overview';
import { formatDateTime, summarizeCounts } from './report-view';

/**
 * What every account report format says of a sequence, worked out once. Strings are still raw
 * page text (names): each format escapes them.
 */

/** "Paused (sequence list, 2026-12-01 10:02 UTC)", "Not seen". */
export function statusText(sequence: Pick<AccountSequence, 'status'>): string {
  const { status } = sequence;
  if (!status) return 'Not seen';
  const where = status.seenOn === 'list' ? 'sequence list' : 'editor';
  return `${STATUS_WORDS[status.value]} (${where}, ${formatDateTime(status.at)})`;
}

/** "2026-12-01 10:02 UTC", with "partly read" when a tab was not opened or the page read poorly. */
export function lastAuditedText(sequence: Pick<AccountSequence, 'lastAudited' | 'complete'>): string {
  return `${formatDateTime(sequence.lastAudited)}${sequence.complete ? '' : ', partly read'}`;
}

/** The accepted count, or why there is none. */
export const acceptedText = (accepted: number | null): string =>
  accepted === null ? 'not counted' : String(accepted);

/** Every sequence's latest audit added up: "3 errors, 1 warning, 2 tips (and 1 accepted)". */
export function resultText(report: AccountReport): string {
  const sum: Counts = { error: 0, warning: 0, info: 0, review: 0 };
  let accepted = 0;
  for (const sequence of report.sequences) {
    for (const key of Object.keys(sum) as (keyof Counts)[]) sum[key] += sequence.counts[key];
    accepted += sequence.accepted ?? 0;
  }
  return `${summarizeCounts(sum)}${accepted > 0 ? ` (and ${accepted} accepted)` : ''}`;
}
