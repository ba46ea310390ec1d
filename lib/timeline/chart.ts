import type { Step } from '../model/model';
import { isQuietTime, type QuietHours } from '../time/quiet-hours';
import { ZoneClock } from '../time/timing';
import { branchPath, pathEnds, type Timeline, type TimelineEntry } from './timeline';
import { branchTitle, isMessage } from './words';

/**
 * The one geometry of the timeline chart, drawn by the popup (components/popup/TimelineChart.tsx)
 * and by the HTML export's SVG, so both show the same marks at the same places: days along the
 * axis, a row per path, one mark per message that runs.
 */

/** A message on the chart. */
export interface TimelineChartMark {
  ref: string;
  kind: Step['kind'];
  /** Calendar day after entry (the timeline's `day`). */
  day: number;
  /** When it runs (ms). */
  at: number;
  /** Its day plus the time of day on the account's wall clock, scaled to the axis. */
  x: number;
  /** It lands in the quiet hours (night or weekend, as the settings say). */
  quiet: boolean;
}

export interface TimelineChartRow {
  /** The path's last branch, `b<id>` (its id in the timeline). */
  branchId: string;
  /** The choices that lead there, as the table titles it ("Step 6: no › Step 9: yes"). */
  label: string;
  /** The row's axis line. */
  y: number;
  marks: TimelineChartMark[];
}

export interface TimelineChart {
  width: number;
  height: number;
  /** The axis runs from day 0 to this day (at least 1). */
  maxDay: number;
  ticks: { day: number; x: number }[];
  rows: TimelineChartRow[];
  /** Paths not drawn: past TIMELINE_CHART_ROW_LIMIT (the table lists them all). */
  rowsLeftOut: number;
}

/** The most rows a chart draws: more would make a chart nobody reads, and a slow one. */
export const TIMELINE_CHART_ROW_LIMIT = 24;

/** Space above the first row (its label), between rows, below the last (the day labels). */
const TOP = 24;
const ROW_GAP = 28;
const BOTTOM = 16;
/** Room at each end of the axis, so day labels and marks at the ends are not clipped. */
const SIDE = 14;
/** At least this many pixels between two day ticks. */
const MIN_TICK_GAP = 48;
/** Tick spacings in days: days, a week, two, about a month, a quarter, half a year, years. */
const TICK_STEPS = [1, 2, 7, 14, 30, 60, 90, 180, 365];

const MINUTES_A_DAY = 24 * 60;

/** The messages a contact gets on a path, with its time known ('runs'). */
function messagesRun(entries: readonly TimelineEntry[]): TimelineEntry[] {
  return entries.filter((e) => isMessage(e) && e.status === 'runs');
}

/** Day ticks from 0 to past `maxDay`, spaced in whole days, weeks or months to fit `axis` pixels. */
function tickStep(maxDay: number, axis: number): number {
  const fits = Math.max(1, Math.floor(axis / MIN_TICK_GAP));
  const step = TICK_STEPS.find((days) => maxDay / days <= fits);
  return step ?? Math.ceil(maxDay / fits / 365) * 365;
}

/** Lays out the chart of `timeline` at `size.width` pixels (default 400). Pure. */
export function layoutTimelineChart(
  timeline: Timeline,
  quiet: QuietHours,
  size: { width: number } = { width: 400 },
  clock: ZoneClock = new ZoneClock(timeline.timeZone),
): TimelineChart {
  const ends = pathEnds(timeline);
  const drawn = ends.slice(0, TIMELINE_CHART_ROW_LIMIT);
  const paths = drawn.map((end) => {
    const path = branchPath(timeline, end.id);
    return { end, path, messages: messagesRun(path.flatMap((b) => b.entries)) };
  });
  let lastDay = 0;
  for (const { messages } of paths) for (const m of messages) lastDay = Math.max(lastDay, m.day);
  const axis = Math.max(1, size.width - 2 * SIDE);
  const step = tickStep(lastDay + 1, axis);
  // The axis ends on a tick, one day at least past the last message's day.
  const maxDay = Math.max(step, Math.ceil((lastDay + 1) / step) * step);
  const perDay = axis / maxDay;
  const xOf = (day: number) => SIDE + day * perDay;
  const ticks: TimelineChart['ticks'] = [];
  for (let day = 0; day <= maxDay; day += step) ticks.push({ day, x: xOf(day) });

  const rows = paths.map(
    ({ end, path, messages }, index): TimelineChartRow => ({
      branchId: `b${end.id}`,
      label: branchTitle(timeline, path),
      y: TOP + index * ROW_GAP,
      marks: messages.map((m) => {
        const wall = clock.zonedParts(new Date(m.at));
        return {
          ref: m.ref,
          kind: m.kind,
          day: m.day,
          at: m.at,
          x: xOf(m.day + (wall.hour * 60 + wall.minute) / MINUTES_A_DAY),
          quiet: isQuietTime(m.at, clock, quiet),
        };
      }),
    }),
  );
  return {
    width: size.width,
    height: TOP + Math.max(0, rows.length - 1) * ROW_GAP + BOTTOM + 8,
    maxDay,
    ticks,
    rows,
    rowsLeftOut: ends.length - drawn.length,
  };
}
