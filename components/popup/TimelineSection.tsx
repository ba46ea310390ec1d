import { useEffect, useMemo, useState } from 'preact/hooks';
import { flowUncertainty } from '@/lib/checks/support';
import { buildGraph } from '@/lib/graph';
import type { SequenceModel } from '@/lib/model';
import type { QuietHours } from '@/lib/quiet-hours';
import { branchPath, computeTimeline, type Timeline, type TimelineEntry } from '@/lib/timeline';
import { createTiming, localToInstant } from '@/lib/timing';
import { TimelineChart } from './TimelineChart';
import { type BranchGroup, branchGroups, firstRows, onlyGroups } from './timeline-rows';
import {
  branchTitle,
  endWords,
  entryProblem,
  formatMoment,
  formatWhen,
  KIND_WORDS,
  localInputValue,
  quietWords,
} from './timeline-words';

/**
 * Rows drawn before "Show all": the first weeks are what people check, and a 1,000-step
 * sequence's every path would keep the popup from opening quickly.
 */
const TIMELINE_ROWS_SHOWN = 40;

export interface TimelineSectionProps {
  /** The report's timeline: a contact entering when the page was audited. */
  timeline: Timeline;
  /** Why the report's flow may be incomplete (tabs not opened, lines not read), or null. */
  uncertain: string | null;
  quiet: QuietHours;
  /** Asks the tab for the page model again (only when the entry moment changes). */
  loadSequence: () => Promise<SequenceModel | null>;
  onLocate: (ref: string) => void;
}

interface Worked {
  timeline: Timeline;
  /** Why the flow's lines may be incomplete (lib/checks/support.ts), or null when all were read. */
  uncertain: string | null;
}

function recompute(sequence: SequenceModel, timeZone: string, enteredAt: number): Worked {
  const graph = buildGraph(sequence);
  return {
    timeline: computeTimeline(graph, createTiming(timeZone, 'setting'), enteredAt),
    uncertain: flowUncertainty(graph),
  };
}

interface RowProps {
  entry: TimelineEntry;
  timeline: Timeline;
  problem: string | null;
  quiet: QuietHours;
  onLocate: (ref: string) => void;
}

function TimelineRow({ entry, timeline, problem, quiet, onLocate }: RowProps) {
  const quietMark = quietWords(entry, timeline.timeZone, quiet);
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
      <td class="timeline__when">
        {entry.status === 'unknown' ? 'unknown' : formatWhen(entry, timeline.timeZone)}
      </td>
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
  quiet,
  onLocate,
}: {
  group: BranchGroup;
  timeline: Timeline;
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
          timeline={timeline}
          problem={entryProblem(entry, timeline, path)}
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
  timeline: audited,
  uncertain: auditedUncertain,
  quiet,
  loadSequence,
  onLocate,
}: TimelineSectionProps) {
  const timeZone = audited.timeZone;
  // A moment typed in, and its timeline; null = the audit's own ("now").
  const [custom, setCustom] = useState<Worked | null>(null);
  const [typed, setTyped] = useState(() => localInputValue(audited.enteredAt, timeZone));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [all, setAll] = useState(false);
  // Drawn after the popup's first paint: the counts and findings show first, the rows and chart
  // (a table's layout is the costly part on a long sequence) a frame later.
  const [painted, setPainted] = useState(false);
  useEffect(() => setPainted(true), []);
  const timeline = custom?.timeline ?? audited;
  const uncertain = custom ? custom.uncertain : auditedUncertain;

  const groups = useMemo(() => (painted ? branchGroups(timeline) : []), [timeline, painted]);
  const total = groups.reduce((sum, group) => sum + group.messages.length, 0);
  const shown = all ? { groups, hidden: 0 } : firstRows(groups, TIMELINE_ROWS_SHOWN);

  /** Works the timeline out again from the page model, for a contact entering at `enteredAt`. */
  const showEntry = async (enteredAt: number) => {
    setBusy(true);
    const sequence = await loadSequence().catch(() => null);
    setBusy(false);
    if (!sequence) {
      setProblem(
        'The builder tab did not answer, so the timeline could not be worked out again. Reopen the popup.',
      );
      return;
    }
    setProblem(null);
    setCustom(recompute(sequence, timeZone, enteredAt));
  };

  const enterAt = (value: string) => {
    const enteredAt = localToInstant(value, timeZone).getTime();
    if (!Number.isFinite(enteredAt)) {
      setProblem(
        'Type a whole date and time (day, month, year, hours and minutes) to see the timeline for it. The timeline shown is unchanged.',
      );
      return;
    }
    void showEntry(enteredAt);
  };

  // The builder changed (a new audit): a moment typed in is worked out again on the new page.
  const customAt = custom?.timeline.enteredAt ?? null;
  useEffect(() => {
    if (customAt !== null) void showEntry(customAt);
  }, [audited]);

  return (
    <section aria-labelledby="timeline-title" class="timeline">
      <h2 class="section-title" id="timeline-title">
        Timeline
      </h2>
      <p class="hint">
        When each email and SMS reaches {custom ? 'a contact entering on ' : 'a contact entering now, '}
        <strong>{formatMoment(timeline.enteredAt, timeZone)}</strong>, on every path (times in {timeZone}).
      </p>
      <form
        class="timeline__entry"
        onSubmit={(event) => {
          event.preventDefault();
          enterAt(typed);
        }}
      >
        <label for="timeline-entry">Contact enters</label>
        <input
          id="timeline-entry"
          type="datetime-local"
          value={typed}
          aria-invalid={problem ? 'true' : 'false'}
          aria-describedby="timeline-entry-problem"
          onInput={(event) => setTyped(event.currentTarget.value)}
        />
        <button type="submit" disabled={busy}>
          Show
        </button>
        <button
          type="button"
          disabled={busy || custom === null}
          onClick={() => {
            setCustom(null);
            setProblem(null);
            setTyped(localInputValue(audited.enteredAt, timeZone));
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
      {timeline.cut && (
        <p class="notice">
          Not every path is shown: this sequence has more paths than the timeline follows. The branches left
          out say where they stop being followed.
        </p>
      )}
      {!painted ? (
        <p class="hint">Working out the timeline…</p>
      ) : timeline.branches.length === 0 ? (
        <p>The Starting Rules module was not on the page, so the timeline cannot start.</p>
      ) : (
        <>
          <TimelineChart
            timeline={shown.hidden > 0 ? onlyGroups(timeline, shown.groups) : timeline}
            quiet={quiet}
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
