import { useEffect, useMemo, useState } from 'preact/hooks';
import type { SequenceModel } from '@/lib/model/model';
import type { QuietHours } from '@/lib/time/quiet-hours';
import { createTiming, type ZoneClock, ZoneClocks } from '@/lib/time/timing';
import { type BranchGroup, branchGroups, firstRows, onlyGroups } from '@/lib/timeline/rows';
import { sequenceTimeline } from '@/lib/timeline/sequence-timeline';
import { branchPath, type Timeline, type TimelineEntry } from '@/lib/timeline/timeline';
import type { ReportTimeline } from '@/lib/timeline/timeline-schema';
import {
  branchTitle,
  endWords,
  entryProblem,
  formatMoment,
  formatWhen,
  KIND_WORDS,
  localInputValue,
  quietWords,
} from '@/lib/timeline/words';
import { TimelineChart } from './TimelineChart';

/**
 * Rows drawn before "Show all": the first weeks are what people check, and a 1,000-step
 * sequence's every path would keep the popup from opening quickly.
 */
const TIMELINE_ROWS_SHOWN = 40;

export interface TimelineSectionProps {
  /**
   * The report's timeline (a contact entering when the page was audited); null when the report
   * carries none: then it is worked out here from the page model, once the popup has drawn.
   */
  reported: ReportTimeline | null;
  /** When the page was audited (ms): "now" for the timeline. */
  auditedAt: number;
  /** The settings' account zone (null: the browser's), undefined until they are loaded. */
  accountTimeZone: string | null | undefined;
  quiet: QuietHours;
  /** Asks the tab for the page model again (only when the timeline must be worked out here). */
  loadSequence: () => Promise<SequenceModel | null>;
  onLocate: (ref: string) => void;
}

interface Worked {
  timeline: Timeline;
  /** Why the flow's lines may be incomplete (lib/checks/support.ts), or null when all were read. */
  uncertain: string | null;
}

function recompute(sequence: SequenceModel, clocks: ZoneClocks, timeZone: string, enteredAt: number): Worked {
  const timeline = sequenceTimeline(sequence, createTiming(timeZone, 'setting', clocks), enteredAt);
  return { timeline, uncertain: timeline.uncertain };
}

interface RowProps {
  entry: TimelineEntry;
  clock: ZoneClock;
  problem: string | null;
  quiet: QuietHours;
  onLocate: (ref: string) => void;
}

function TimelineRow({ entry, clock, problem, quiet, onLocate }: RowProps) {
  const quietMark = quietWords(entry, clock, quiet);
  const stateClass = entry.status === 'runs' ? '' : ` timeline__row--${entry.status}`;
  return (
    <tr class={`timeline__row${stateClass}`} data-ref={entry.ref} data-day={entry.day}>
      <th scope="row">
        <span class="timeline__what">
          {KIND_WORDS[entry.kind]} {entry.ref}
        </span>{' '}
        <button type="button" class="link-button" onClick={() => onLocate(entry.ref)}>
          Show step {entry.ref}
        </button>
      </th>
      <td class="timeline__when">{entry.status === 'unknown' ? 'unknown' : formatWhen(entry, clock)}</td>
      <td class="timeline__note">
        {quietMark && <span class="timeline__quiet">{quietMark}</span>}
        {problem}
      </td>
    </tr>
  );
}

function BranchRows({
  group,
  timeline,
  clock,
  quiet,
  onLocate,
}: {
  group: BranchGroup;
  timeline: Timeline;
  clock: ZoneClock;
  quiet: QuietHours;
  onLocate: (ref: string) => void;
}) {
  const path = branchPath(timeline, group.branch.id);
  const ending = endWords(group.branch.end, group.branch.entries.at(-1), group.branch.entries.length === 0);
  return (
    <tbody>
      <tr>
        <th scope="rowgroup" colSpan={3} class="timeline__branch">
          {branchTitle(timeline, path)}
        </th>
      </tr>
      {group.messages.map((entry) => (
        <TimelineRow
          key={`${entry.ref}-${entry.at}`}
          entry={entry}
          clock={clock}
          problem={entryProblem(entry, timeline, path, clock)}
          quiet={quiet}
          onLocate={onLocate}
        />
      ))}
      {group.branch.entries.length > 0 && group.messages.length === 0 && (
        <tr>
          <td colSpan={3} class="timeline__end">
            No email or SMS on this part.
          </td>
        </tr>
      )}
      {ending && !group.cut && (
        <tr>
          <td colSpan={3} class="timeline__end">
            {ending}
          </td>
        </tr>
      )}
    </tbody>
  );
}

/**
 * When each email and SMS reaches a contact, on every path: the table (the chart's accessible
 * equivalent), the chart, and the entry moment, which can be changed.
 */
export function TimelineSection({
  reported,
  auditedAt,
  accountTimeZone,
  quiet,
  loadSequence,
  onLocate,
}: TimelineSectionProps) {
  // "Now" worked out here, when the report carries no timeline.
  const [now, setNow] = useState<Worked | null>(null);
  // A moment typed in, and its timeline; null = "now".
  const [custom, setCustom] = useState<Worked | null>(null);
  const [typed, setTyped] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [all, setAll] = useState(false);
  // Drawn after the popup's first paint: the counts and findings show first, the rows and chart
  // (a table's layout is the costly part on a long sequence) a frame later.
  const [painted, setPainted] = useState(false);
  useEffect(() => setPainted(true), []);
  // The popup's zone clocks, kept while it is open: every timeline and row reads the same ones.
  const clocks = useMemo(() => new ZoneClocks(), []);

  // The audit's zone: the report's timeline says it; otherwise the setting, as the audit reads
  // it, after the first paint (the browser's zone and date formats are milliseconds to set up,
  // and nothing of the first paint needs them).
  const timeZone =
    reported?.timeZone ??
    (accountTimeZone === undefined || !painted
      ? null
      : createTiming(accountTimeZone ?? undefined, undefined, clocks).timeZone);
  const base: Worked | null = reported ? { timeline: reported, uncertain: reported.uncertain } : now;
  const shownWork = custom ?? base;
  const timeline = shownWork?.timeline ?? null;
  const clock = timeline ? clocks.of(timeline.timeZone) : null;

  const groups = useMemo(() => (painted && timeline ? branchGroups(timeline) : []), [timeline, painted]);
  const total = groups.reduce((sum, group) => sum + group.messages.length, 0);
  const shown = all ? { groups, hidden: 0 } : firstRows(groups, TIMELINE_ROWS_SHOWN);

  /** The timeline worked out from the page model, for a contact entering at `enteredAt`. */
  const workOut = async (enteredAt: number, zone: string): Promise<Worked | null> => {
    setBusy(true);
    const sequence = await loadSequence().catch(() => null);
    setBusy(false);
    if (!sequence) {
      setProblem(
        'The builder tab did not answer, so the timeline could not be worked out. Reopen the popup.',
      );
      return null;
    }
    setProblem(null);
    return recompute(sequence, clocks, zone, enteredAt);
  };

  const enterAt = (value: string) => {
    if (timeZone === null) return;
    const enteredAt = clocks.of(timeZone).localToInstant(value).getTime();
    if (!Number.isFinite(enteredAt)) {
      setProblem(
        'Type a whole date and time (day, month, year, hours and minutes) to see the timeline for it. The timeline shown is unchanged.',
      );
      return;
    }
    void workOut(enteredAt, timeZone).then((worked) => worked && setCustom(worked));
  };

  // A report without a timeline: "now" is worked out here once drawn, and again on each audit.
  useEffect(() => {
    if (!painted || reported || timeZone === null) return;
    void workOut(auditedAt, timeZone).then(setNow);
  }, [painted, reported, auditedAt, timeZone]);

  // The builder changed (a new audit): a moment typed in is worked out again on the new page.
  const customAt = custom?.timeline.enteredAt ?? null;
  useEffect(() => {
    if (customAt !== null && timeZone !== null)
      void workOut(customAt, timeZone).then((worked) => worked && setCustom(worked));
  }, [reported, auditedAt]);

  const uncertain = shownWork?.uncertain ?? null;
  const entryValue =
    typed ??
    (timeZone === null ? '' : localInputValue(timeline?.enteredAt ?? auditedAt, clocks.of(timeZone)));
  return (
    <section aria-labelledby="timeline-title" class="timeline">
      <h2 class="section-title" id="timeline-title">
        Timeline
      </h2>
      {timeline && clock && (
        <p class="hint">
          When each email and SMS reaches {custom ? 'a contact entering on ' : 'a contact entering now, '}
          <strong>{formatMoment(timeline.enteredAt, clock)}</strong>, on every path (times in{' '}
          {timeline.timeZone}).
        </p>
      )}
      <form
        class="timeline__entry"
        onSubmit={(event) => {
          event.preventDefault();
          enterAt(entryValue);
        }}
      >
        <label for="timeline-entry">Contact enters</label>
        <input
          id="timeline-entry"
          type="datetime-local"
          value={entryValue}
          aria-invalid={problem ? 'true' : 'false'}
          aria-describedby="timeline-entry-problem"
          onInput={(event) => setTyped(event.currentTarget.value)}
        />
        <button type="submit" disabled={busy || timeZone === null}>
          Show
        </button>
        <button
          type="button"
          disabled={busy || custom === null}
          onClick={() => {
            setCustom(null);
            setProblem(null);
            setTyped(null);
          }}
        >
          Now
        </button>
      </form>
      <p id="timeline-entry-problem" class="timeline__problem" role="alert">
        {problem}
      </p>
      {uncertain && (
        <p class="notice">
          The order may be incomplete ({uncertain}): steps reached only through what was not read are not
          listed.
        </p>
      )}
      {timeline?.cut && (
        <p class="notice">
          Not every path is shown: this sequence has more paths than the timeline follows. The branches left
          out say where they stop being followed.
        </p>
      )}
      {!painted || !timeline || !clock ? (
        problem === null && <p class="hint">Working out the timeline…</p>
      ) : timeline.branches.length === 0 ? (
        <p>The Starting Rules module was not on the page, so the timeline cannot start.</p>
      ) : (
        <>
          <TimelineChart
            timeline={shown.hidden > 0 ? onlyGroups(timeline, shown.groups) : timeline}
            quiet={quiet}
            clock={clock}
            partial={shown.hidden > 0}
          />
          <table class="timeline__table">
            <caption class="visually-hidden">
              Each email and SMS in the order a contact gets it, by branch, with its day and time
            </caption>
            <thead>
              <tr>
                <th scope="col">Message</th>
                <th scope="col">When</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            {shown.groups.map((group) => (
              <BranchRows
                key={group.branch.id}
                group={group}
                timeline={timeline}
                clock={clock}
                quiet={quiet}
                onLocate={onLocate}
              />
            ))}
          </table>
          {shown.hidden > 0 && (
            <button type="button" class="link-button" onClick={() => setAll(true)}>
              Show all {total} messages ({shown.hidden} more)
            </button>
          )}
        </>
      )}
    </section>
  );
}
