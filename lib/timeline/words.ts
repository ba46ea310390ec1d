import { isQuietTime, type QuietHours } from '../time/quiet-hours';
import type { ZoneClock } from '../time/timing';
import type { BranchEnd, Timeline, TimelineBranch, TimelineEntry } from './timeline';

/**
 * The timeline in words, as the popup and the Markdown and HTML exports say it. Words only: the
 * times and reasons are the timeline's (lib/timeline/timeline.ts); this says them.
 */

const WEEKDAY_WORDS = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };
const MONTH_WORDS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Tue 22 Jun 2027, 9:00 AM": the wall clock in the account's zone, as Kartra's cards write times. */
export function formatMoment(at: number, clock: ZoneClock): string {
  const p = clock.zonedParts(new Date(at));
  const hour = p.hour % 12 === 0 ? 12 : p.hour % 12;
  const minute = String(p.minute).padStart(2, '0');
  return `${WEEKDAY_WORDS[p.weekday]} ${p.day} ${MONTH_WORDS[p.month - 1]} ${p.year}, ${hour}:${minute} ${p.hour < 12 ? 'AM' : 'PM'}`;
}

/** "Tue 22 Jun 2027, 9:00 AM · day 203" (day 0 is the day the contact enters). */
export function formatWhen(entry: Pick<TimelineEntry, 'at' | 'day'>, clock: ZoneClock): string {
  return `${formatMoment(entry.at, clock)} · day ${entry.day}`;
}

/** The value of an `<input type="datetime-local">` for an instant, in the account's zone. */
export function localInputValue(at: number, clock: ZoneClock): string {
  const p = clock.zonedParts(new Date(at));
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${String(p.year).padStart(4, '0')}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** A step's quiet-hours marker: "Night", "Weekend", both, or null (not quiet, or not sent). */
export function quietWords(entry: TimelineEntry, clock: ZoneClock, quiet: QuietHours): string | null {
  if (entry.status !== 'runs' || !isQuietTime(entry.at, clock, quiet)) return null;
  const weekday = clock.zonedParts(new Date(entry.at)).weekday;
  const weekend = quiet.weekends && (weekday === 'sat' || weekday === 'sun');
  const night = isQuietTime(entry.at, clock, { ...quiet, weekends: false });
  return [weekend && 'Weekend', night && 'Night'].filter(Boolean).join(', ');
}

/** Emails and SMS: what reaches the contact. */
export function isMessage(entry: TimelineEntry): boolean {
  return entry.kind === 'email' || entry.kind === 'sms';
}

export const KIND_WORDS: Partial<Record<TimelineEntry['kind'], string>> = { email: 'Email', sms: 'SMS' };

/** The first step on the path to `entry` (its own branch or one before) whose time is unknown. */
function firstUnknownOn(path: readonly TimelineBranch[]): TimelineEntry | undefined {
  for (const branch of path) {
    const found = branch.entries.find((e) => e.status === 'unknown' && e.reason !== 'after-unknown');
    if (found) return found;
  }
  return undefined;
}

/**
 * Why a row is not a plain "sent at": skipped, never sent, or its time unknown, in words. null
 * for a step that runs at a known time. `clock`: the timeline zone's.
 */
export function entryProblem(
  entry: TimelineEntry,
  timeline: Timeline,
  path: readonly TimelineBranch[],
  clock: ZoneClock,
): string | null {
  switch (entry.status) {
    case 'runs':
      return null;
    case 'skipped':
      if (entry.reason === 'inactive')
        return 'Skipped: the step is inactive, so Kartra passes contacts straight through it.';
      if (!entry.firingWindow || timeline.enteredAt > entry.firingWindow.closes)
        return 'Skipped: its date had passed before the contact entered.';
      return `Skipped: reached ${formatMoment(entry.arrivesAt, clock)}, after the 2-hour firing window of its date (${formatMoment(entry.firingWindow.opens, clock)}).`;
    case 'never':
      return 'Never sent: its day-and-time window never opens, so contacts stay on this step.';
    case 'unknown':
      switch (entry.reason) {
        case 'delay-unread':
          return "Unknown: this step's delay could not be read.";
        case 'window-unread':
          return "Unknown: this step's day-and-time window could not be read.";
        case 'overnight-window':
          return "Unknown: this step's window ends before it starts, and Kartra does not document what that does.";
        case 'after-unknown': {
          const cause = firstUnknownOn(path);
          return cause
            ? `Unknown: step ${cause.ref} before it could not be timed, so this is only the earliest it can be.`
            : 'Unknown: a step before it could not be timed, so this is only the earliest it can be.';
        }
      }
  }
}

/** How one branch of the tree is entered: "Step 6: yes". */
function choiceWords(timeline: Timeline, branch: TimelineBranch): string {
  if (branch.parent === null) return 'From Starting Rules';
  const parent = timeline.branches[branch.parent];
  const from = parent?.entries.at(-1)?.ref;
  const fromWords = from === undefined ? 'Starting Rules' : `Step ${from}`;
  const to = branch.entries[0]?.ref;
  switch (branch.label) {
    case 'yes':
    case 'no':
      return `${fromWords}: ${branch.label}`;
    case 'unlabelled':
      return `${fromWords}: an output not told apart${to ? ` (to step ${to})` : ''}`;
    default:
      return `${fromWords}: the line${to ? ` to step ${to}` : ''}`;
  }
}

/** The choices that lead to a branch, "Step 6: no › Step 9: yes"; "From Starting Rules" for the first. */
export function branchTitle(timeline: Timeline, path: readonly TimelineBranch[]): string {
  const choices = path.filter((b) => b.parent !== null).map((b) => choiceWords(timeline, b));
  return choices.length > 0 ? choices.join(' › ') : 'From Starting Rules';
}

/** How a branch ends, in words; null when it just forks into the branches that follow it. */
export function endWords(end: BranchEnd, last: TimelineEntry | undefined, empty: boolean): string | null {
  switch (end.type) {
    case 'forks':
      return null;
    case 'stops':
      return empty ? 'No line leaves this output: contacts on it stop at the split.' : 'Ends here.';
    case 'stuck':
      return `Contacts stay on step ${last?.ref ?? '?'}: its window never opens.`;
    case 'loop':
      return `Then back to step ${end.ref}: a loop, shown once.`;
    case 'goto-target-missing':
      return `The Go To names step ${end.target}, which does not exist: contacts stop here.`;
    case 'tab-not-seen':
      return `Goes on at step ${end.target} on tab ${end.tab}, not opened yet: open that tab in the builder to see the rest.`;
    case 'goto-unread':
      return "The Go To's target could not be read: what follows is unknown.";
    case 'slower':
      return `Not followed further: another path reaches step ${end.ref} as soon or sooner.`;
    case 'limit':
      return `Not followed further (at step ${end.next}): the sequence has more paths than the timeline follows.`;
  }
}
