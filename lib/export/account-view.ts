import type { AccountReport, AccountSequence } from '../overview/account-report';
import { totalCounts } from './client-summary';
import { formatDateTime, STATUS_WORDS, summarizeCounts } from './report-view';

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
  const accepted = report.sequences.reduce((sum, sequence) => sum + (sequence.accepted ?? 0), 0);
  return `${summarizeCounts(totalCounts(report.sequences))}${accepted > 0 ? ` (and ${accepted} accepted)` : ''}`;
}
