import type { Report } from '../audit/report';
import { editorUrl } from '../kartra/editor-url';
import type { KartraProfile } from '../kartra/profile-types';
import type { OverviewRow } from './overview';

/**
 * The account report: every sequence of the account overview in one file (JSON, Markdown, HTML,
 * CSV; lib/export/account.ts), the JSON as docs/spec-format.md describes it. Outside tools read
 * it, so fields are only ever added.
 */
export interface AccountReport {
  schemaVersion: 1;
  kind: 'account';
  tool: Report['tool'];
  generatedAt: string;
  sequences: AccountSequence[];
}

/** A row of the overview, with the address of its editor in Kartra (null when none can be made). */
export interface AccountSequence extends OverviewRow {
  url: string | null;
}

/** The report of `rows`, in their order, with each editor's address made from `profile`. */
export function accountReport(
  rows: readonly OverviewRow[],
  { tool, now, profile }: { tool: Report['tool']; now: Date; profile: Pick<KartraProfile, 'urls'> },
): AccountReport {
  return {
    schemaVersion: 1,
    kind: 'account',
    tool,
    generatedAt: now.toISOString(),
    sequences: rows.map(({ id, name, ...rest }) => ({ id, name, url: editorUrl(profile, id), ...rest })),
  };
}
