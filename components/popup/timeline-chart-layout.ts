import { branchPath, pathEnds, type Timeline } from '@/lib/timeline';
import { zonedParts } from '@/lib/timing';
import { isQuietTime, type QuietHours } from './core-adapters';
import { branchTitle, isMessage } from './timeline-words';

/**
 * LOCAL ADAPTER until the core's lib/timeline-chart.ts lands (the shared contract of issue 15:
 * one geometry for the popup's chart and the HTML export's SVG). Same shape: a row per way
 * through (each path end), one mark per message sent, days along the axis.
 */
export interface TimelineChart {
  width: number;
  height: number;
  maxDay: number;
  ticks: { day: number; x: number }[];
  rows: {
    branchId: string;
    label: string;
    y: number;
    marks: {
      ref: string;
      kind: Timeline['branches'][number]['entries'][number]['kind'];
      day: number;
      at: number;
      x: number;
      quiet: boolean;
    }[];
  }[];
}

const ROW_HEIGHT = 30;
const TOP = 22;
const AXIS_LABELS = 16;
const MARGIN = 6;
const TICK_STEPS = [1, 2, 7, 14, 30, 60, 90, 180, 365, 730, 1825];

export function layoutTimelineChart(
  timeline: Timeline,
  quiet: QuietHours,
  size: { width: number } = { width: 400 },
): TimelineChart {
  const paths = pathEnds(timeline).map((end) => {
    const path = branchPath(timeline, end.id);
    const entries = path.flatMap((b) => b.entries).filter((e) => isMessage(e) && e.status === 'runs');
    return { id: end.id, label: branchTitle(timeline, path), entries };
  });
  const maxDay = Math.max(1, ...paths.flatMap((p) => p.entries.map((e) => e.day + 1)));
  const inner = size.width - 2 * MARGIN;
  const x = (day: number) => MARGIN + (day / maxDay) * inner;
  const step = TICK_STEPS.find((s) => maxDay / s <= 5) ?? Math.ceil(maxDay / 5);
  const ticks: { day: number; x: number }[] = [];
  for (let day = 0; day <= maxDay; day += step) ticks.push({ day, x: x(day) });
  const rows = paths.map((p, index) => ({
    branchId: `b${p.id}`,
    label: p.label,
    y: TOP + index * ROW_HEIGHT,
    marks: p.entries.map((e) => {
      const clock = zonedParts(new Date(e.at), timeline.timeZone);
      const ofDay = (clock.hour * 60 + clock.minute) / 1440;
      return {
        ref: e.ref,
        kind: e.kind,
        day: e.day,
        at: e.at,
        x: x(e.day + ofDay),
        quiet: isQuietTime(e.at, timeline.timeZone, quiet),
      };
    }),
  }));
  const height = TOP + Math.max(0, rows.length - 1) * ROW_HEIGHT + 12 + AXIS_LABELS;
  return { width: size.width, height, maxDay, ticks, rows };
}
