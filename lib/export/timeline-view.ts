import type { Report } from '../audit/report';
import { DEFAULT_QUIET_HOURS, type QuietHours } from '../time/quiet-hours';
import { ZoneClock } from '../time/timing';
import { branchGroups } from '../timeline/rows';
import { branchPath } from '../timeline/timeline';
import {
  branchTitle,
  entryProblem,
  formatMoment,
  formatWhen,
  KIND_WORDS,
  quietWords,
} from '../timeline/words';
import { plural } from './plural';

/**
 * The report's timeline as the Markdown and HTML exports table it, worked out once so both say
 * the same: each email and SMS in the order a contact gets it, path by path, in the popup's
 * words (lib/timeline/words.ts). Strings are still raw (step numbers are page text): each
 * builder escapes them.
 */

export interface TimelineTableRow {
  ref: string;
  /** "Email 3". */
  message: string;
  /** "Tue 22 Jun 2027, 9:00 AM · day 203", or "unknown". */
  when: string;
  /** The answers that lead to its branch: "Step 6: no › Step 9: yes". */
  branch: string;
  /** "Night", "Weekend", both, or null. */
  quiet: string | null;
  /** Why it is not simply sent (skipped, never sent, unknown), or null. */
  note: string | null;
  status: 'runs' | 'skipped' | 'never' | 'unknown';
}

export interface TimelineTable {
  /** "A contact entering on Tue 22 Jun 2027, 9:00 AM (times in Europe/Berlin)". */
  intro: string;
  /** The order may be incomplete, not every path was followed. */
  notices: string[];
  rows: TimelineTableRow[];
}

/** The timeline's table, or null when the report has none (not a builder, or not asked for). */
export function timelineTable(report: Report, quiet: QuietHours = DEFAULT_QUIET_HOURS): TimelineTable | null {
  const timeline = report.timeline;
  if (!timeline) return null;
  const { timeZone } = timeline;
  const clock = new ZoneClock(timeZone);
  const rows: TimelineTableRow[] = [];
  for (const group of branchGroups(timeline)) {
    if (group.messages.length === 0) continue;
    const path = branchPath(timeline, group.branch.id);
    const branch = branchTitle(timeline, path);
    for (const entry of group.messages) {
      rows.push({
        ref: entry.ref,
        message: `${KIND_WORDS[entry.kind] ?? entry.kind} ${entry.ref}`,
        when: entry.status === 'unknown' ? 'unknown' : formatWhen(entry, clock),
        branch,
        quiet: quietWords(entry, clock, quiet),
        note: entryProblem(entry, timeline, path, clock),
        status: entry.status,
      });
    }
  }
  const notices: string[] = [];
  if (timeline.branches.length === 0)
    notices.push('The Starting Rules module was not on the page, so the timeline cannot start.');
  if (timeline.uncertain)
    notices.push(
      `The order may be incomplete (${timeline.uncertain}): steps reached only through what was not read are not listed.`,
    );
  if (timeline.cut)
    notices.push('Not every path is listed: this sequence has more paths than the timeline follows.');
  const quietWhen =
    quiet.from === quiet.to
      ? quiet.weekends
        ? 'weekends'
        : 'none'
      : `${hourWords(quiet.from)} to ${hourWords(quiet.to)}${quiet.weekends ? ', and weekends' : ''}`;
  return {
    intro: `When each email and SMS reaches a contact entering on ${formatMoment(timeline.enteredAt, clock)}, on every path (times in ${timeZone}; ${plural(rows.length, 'message')}; quiet hours: ${quietWhen}).`,
    notices,
    rows,
  };
}

/** "9 PM", "12 AM". */
function hourWords(hour: number): string {
  return `${hour % 12 === 0 ? 12 : hour % 12} ${hour < 12 ? 'AM' : 'PM'}`;
}
