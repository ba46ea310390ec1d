import { describe, expect, it } from 'vitest';
import { layoutTimelineChart, TIMELINE_CHART_ROW_LIMIT } from '../../../lib/timeline/chart';
import { pathEnds } from '../../../lib/timeline/timeline';
import { chain, complete, email, no, sequence, sms, split, tag, wait, yes } from '../checks/model-builder';
import { timelineOf } from './timeline-of';

const NO_QUIET = { from: 0, to: 0, weekends: false };

const forked = sequence({
  steps: [
    email('1'),
    split('2', { delay: wait(1) }),
    email('3', { delay: wait(2) }),
    tag('4'),
    sms('5', { delay: wait(9, 12) }),
    email('6', { active: false }),
    complete('7'),
  ],
  connections: [...chain('start', '1', '2'), yes('2', '3'), no('2', '4'), ...chain('4', '5', '6', '7')],
});

describe('the timeline chart', () => {
  it('draws a row per path, labelled as the table heads it, with a mark per message sent', () => {
    const chart = layoutTimelineChart(timelineOf(forked, '2027-06-02T09:00'), NO_QUIET, { width: 400 });
    expect(chart.rows.map((r) => r.label)).toEqual(['Step 2: yes', 'Step 2: no']);
    // The paths share email 1; the inactive email 6 is skipped, so not drawn.
    expect(chart.rows.map((r) => r.marks.map((m) => `${m.kind} ${m.ref} day ${m.day}`))).toEqual([
      ['email 1 day 0', 'email 3 day 3'],
      ['email 1 day 0', 'sms 5 day 10'],
    ]);
    // Rows one below the other, inside the chart.
    const [first, second] = chart.rows;
    expect(first && second && second.y > first.y).toBe(true);
    expect(chart.height).toBeGreaterThan(second?.y ?? 0);
  });

  it('places a mark at its day plus the time of day on the account clock, on the ticks scale', () => {
    // 11 PM in New York is 3 AM UTC the next day: the mark sits late in its day, not early.
    const seq = sequence({ steps: [email('1', { delay: wait(2) })], connections: chain('start', '1') });
    const chart = layoutTimelineChart(timelineOf(seq, '2027-06-02T23:00', 'America/New_York'), NO_QUIET);
    const mark = chart.rows[0]?.marks[0];
    expect(mark?.day).toBe(2);
    const tick = (day: number) => chart.ticks.find((t) => t.day === day)?.x as number;
    const perDay = tick(1) - tick(0);
    expect(mark?.x).toBeCloseTo(tick(2) + (23 / 24) * perDay, 6);
  });

  it('marks the messages that land in quiet hours', () => {
    const seq = sequence({
      steps: [email('1'), email('2', { delay: wait(0, 12) }), sms('3', { delay: wait(3) })],
      connections: chain('start', '1', '2', '3'),
    });
    // Wed 2 Jun 2027 10:00 → 22:00 the same day (night) → Sat 5 Jun 22:00 (weekend too).
    const chart = layoutTimelineChart(timelineOf(seq, '2027-06-02T10:00', 'Europe/Berlin'), {
      from: 21,
      to: 8,
      weekends: false,
    });
    expect(chart.rows[0]?.marks.map((m) => [m.ref, m.quiet])).toEqual([
      ['1', false],
      ['2', true],
      ['3', true],
    ]);
  });

  it('spaces day ticks to fit, from day 0 to past the last message', () => {
    const far = sequence({
      steps: [email('1'), email('2', { delay: wait(200) })],
      connections: chain('start', '1', '2'),
    });
    const chart = layoutTimelineChart(timelineOf(far, '2027-06-02T09:00'), NO_QUIET, { width: 400 });
    expect(chart.ticks[0]?.day).toBe(0);
    expect(chart.maxDay).toBeGreaterThan(200);
    expect(chart.ticks.at(-1)?.day).toBe(chart.maxDay);
    expect(chart.ticks.length).toBeLessThanOrEqual(9);
    for (const [i, t] of chart.ticks.entries()) {
      if (i > 0) expect(t.x - (chart.ticks[i - 1]?.x ?? 0)).toBeGreaterThanOrEqual(40);
      expect(t.x).toBeGreaterThanOrEqual(0);
      expect(t.x).toBeLessThanOrEqual(chart.width);
    }
    for (const m of chart.rows[0]?.marks ?? []) expect(m.x).toBeLessThanOrEqual(chart.width);
  });

  it('draws at most TIMELINE_CHART_ROW_LIMIT rows and counts the paths left out', () => {
    // 6 splits one after another: 64 paths.
    const steps = [];
    const connections = [...chain('start', 's1')];
    for (let i = 1; i <= 6; i++) {
      steps.push(split(`s${i}`), email(`y${i}`), email(`n${i}`));
      connections.push(yes(`s${i}`, `y${i}`), no(`s${i}`, `n${i}`));
      if (i < 6) connections.push(...chain(`y${i}`, `s${i + 1}`), ...chain(`n${i}`, `s${i + 1}`));
    }
    const timeline = timelineOf(sequence({ steps, connections }), '2027-06-02T09:00');
    const chart = layoutTimelineChart(timeline, NO_QUIET);
    expect(pathEnds(timeline).length).toBe(64);
    expect(chart.rows.length).toBe(TIMELINE_CHART_ROW_LIMIT);
    expect(chart.rowsLeftOut).toBe(64 - TIMELINE_CHART_ROW_LIMIT);
  });
});
