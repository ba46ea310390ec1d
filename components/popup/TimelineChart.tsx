import { plural } from '@/lib/export/plural';
import type { QuietHours } from '@/lib/time/quiet-hours';
import type { ZoneClock } from '@/lib/time/timing';
import { layoutTimelineChart } from '@/lib/timeline/chart';
import type { Timeline } from '@/lib/timeline/timeline';
import { formatWhen, KIND_WORDS } from '@/lib/timeline/words';

/** A tick's label stays inside the chart at its ends. */
function anchorAt(x: number, width: number): 'start' | 'middle' | 'end' {
  if (x < 24) return 'start';
  return x > width - 24 ? 'end' : 'middle';
}

/** The popup's width less its padding: the chart is drawn at its own size, never scaled. */
const CHART_WIDTH = 400;

/**
 * Days along the axis, a row per branch, one mark per message (hollow when it lands in quiet
 * hours): gaps and bunches show at a glance. The geometry is the shared one of the HTML export
 * (lib/timeline/chart.ts); the table below it is its accessible equivalent.
 */
export interface TimelineChartProps {
  timeline: Timeline;
  quiet: QuietHours;
  /** The timeline zone's clock. */
  clock: ZoneClock;
  /** The timeline is the first part of a longer one (what the table shows before "Show all"). */
  partial?: boolean;
}

export function TimelineChart({ timeline, quiet, clock, partial = false }: TimelineChartProps) {
  const chart = layoutTimelineChart(timeline, quiet, { width: CHART_WIDTH }, clock);
  const marks = chart.rows.reduce((sum, row) => sum + row.marks.length, 0);
  const quietMarks = chart.rows.reduce((sum, row) => sum + row.marks.filter((m) => m.quiet).length, 0);
  const summary = `Chart: ${plural(marks, 'message')} on ${plural(chart.rows.length, 'branch', 'branches')}, from day 0 to day ${chart.maxDay}; ${quietMarks} in quiet hours${partial ? ': the part the table shows, before "Show all"' : ''}. The table below lists them.`;
  return (
    <>
      <svg
        class="timeline-chart"
        role="img"
        aria-label={summary}
        width={chart.width}
        height={chart.height}
        viewBox={`0 0 ${chart.width} ${chart.height}`}
      >
        {chart.ticks.map((tick) => (
          <g key={tick.day} class="timeline-chart__tick">
            <line x1={tick.x} x2={tick.x} y1={0} y2={chart.height - 14} />
            <text x={tick.x} y={chart.height - 2} text-anchor={anchorAt(tick.x, chart.width)}>
              day {tick.day}
            </text>
          </g>
        ))}
        {chart.rows.map((row) => (
          <g key={row.branchId} class="timeline-chart__row" data-branch={row.branchId}>
            <text class="timeline-chart__label" x={0} y={row.y - 8}>
              {row.label}
            </text>
            <line class="timeline-chart__axis" x1={0} x2={chart.width} y1={row.y} y2={row.y} />
            {row.marks.map((mark) => (
              <circle
                key={`${mark.ref}-${mark.at}`}
                class={
                  mark.quiet ? 'timeline-chart__mark timeline-chart__mark--quiet' : 'timeline-chart__mark'
                }
                cx={mark.x}
                cy={row.y}
                r={4}
                data-ref={mark.ref}
                data-day={mark.day}
              >
                <title>
                  {`Step ${mark.ref} · ${KIND_WORDS[mark.kind] ?? mark.kind} · ${formatWhen(mark, clock)}${mark.quiet ? ' (quiet hours)' : ''}`}
                </title>
              </circle>
            ))}
          </g>
        ))}
      </svg>
      <p class="hint timeline-chart__legend" aria-hidden="true">
        <span class="timeline-chart__key" /> a message sent{' '}
        <span class="timeline-chart__key timeline-chart__key--quiet" /> in quiet hours · point at a mark for
        its step and time
      </p>
    </>
  );
}
