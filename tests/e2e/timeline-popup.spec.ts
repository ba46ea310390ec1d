import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { loadEditorSpec } from '../fixtures/sequences/fixtures';
import { longCourseSpec } from '../support/long-course-spec';
import { expect, test } from './extension-fixture';

/**
 * The popup's Timeline section on the demo launch sequence and the fixtures that have what the
 * demo lacks (a loop, a time that cannot be known): the table, the chart, the entry moment,
 * quiet hours, skipped steps and "Show step N" from a row. Entry moments are typed in the
 * account's time zone, so the wall-clock times they give are the same in any zone.
 */

const section = (popup: Page) => popup.getByRole('region', { name: 'Timeline' });

/** The first table row of a step (a step after a split shows once per branch it is on). */
const rowOf = (popup: Page, ref: string): Locator =>
  section(popup)
    .locator('tr.timeline__row')
    .filter({ has: popup.getByRole('button', { name: `Show step ${ref}`, exact: true }) })
    .first();

async function enter(popup: Page, local: string, shown: string): Promise<void> {
  const timeline = section(popup);
  await timeline.getByLabel('Contact enters').fill(local);
  await timeline.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(timeline.locator('.hint').first()).toContainText(`a contact entering on ${shown}`);
}

async function demoPopup(
  kartra: { openSpec(spec: unknown): Promise<Page> },
  reports: {
    auditEveryTab(page: Page): Promise<unknown>;
    openPopupFor(page: Page): Promise<Page>;
  },
): Promise<{ page: Page; popup: Page }> {
  const page = await kartra.openSpec(loadEditorSpec('launch-sequence'));
  // Tab A holds the buyers' onboarding the Go To steps lead to.
  await reports.auditEveryTab(page);
  const popup = await reports.openPopupFor(page);
  await expect(section(popup)).toBeVisible();
  return { page, popup };
}

interface ChartMark {
  ref: string;
  day: number;
  x: number;
  title: string;
  quiet: boolean;
}

/** What a person reads off the chart: each mark's position, its tooltip, and its style. */
async function chartMarks(popup: Page): Promise<{ marks: ChartMark[]; ticks: { day: number; x: number }[] }> {
  return section(popup)
    .locator('svg.timeline-chart')
    .evaluate((svg) => ({
      marks: [...svg.querySelectorAll('circle')].map((circle) => ({
        ref: circle.getAttribute('data-ref') ?? '',
        day: Number(circle.getAttribute('data-day')),
        x: Number(circle.getAttribute('cx')),
        title: circle.querySelector('title')?.textContent ?? '',
        quiet: circle.classList.contains('timeline-chart__mark--quiet'),
      })),
      ticks: [...svg.querySelectorAll('.timeline-chart__tick')].map((tick) => ({
        day: Number((tick.querySelector('text')?.textContent ?? '').replace('day ', '')),
        x: Number(tick.querySelector('line')?.getAttribute('x1')),
      })),
    }));
}

/** The table's rows as a person reads them: the step, its time text, its note. */
async function tableRows(
  popup: Page,
): Promise<{ ref: string; when: string; note: string; struck: boolean }[]> {
  return section(popup)
    .locator('tr.timeline__row')
    .evaluateAll((rows) =>
      rows.map((row) => ({
        ref: (row.querySelector('button')?.textContent ?? '').replace('Show step ', ''),
        when: row.querySelector('.timeline__when')?.textContent ?? '',
        note: row.querySelector('.timeline__note')?.textContent ?? '',
        struck: getComputedStyle(row.querySelector('.timeline__when') as Element).textDecorationLine.includes(
          'line-through',
        ),
      })),
    );
}

/** Every mark is a row of the table (same step, same day and time), placed on the axis at its day. */
async function expectChartMatchesTable(popup: Page): Promise<number> {
  const { marks, ticks } = await chartMarks(popup);
  const rows = await tableRows(popup);
  expect(marks.length).toBeGreaterThan(0);
  const [first, last] = [ticks[0], ticks.at(-1)];
  expect(first && last && last.day > first.day).toBe(true);
  if (!first || !last) return 0;
  const perDay = (last.x - first.x) / (last.day - first.day);
  for (const mark of marks) {
    const when = /· ((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) .+ · day (\d+))/.exec(mark.title);
    expect(when, `mark title "${mark.title}"`).not.toBeNull();
    expect(Number(when?.[2])).toBe(mark.day);
    expect(mark.title).toContain(`Step ${mark.ref}`);
    expect(rows.some((row) => row.ref === mark.ref && row.when === when?.[1] && !row.struck)).toBe(true);
    // Within the day it falls on (a mark sits at its time of day).
    const dayStart = first.x + (mark.day - first.day) * perDay;
    expect(mark.x).toBeGreaterThanOrEqual(dayStart - 0.5);
    expect(mark.x).toBeLessThanOrEqual(dayStart + perDay + 0.5);
  }
  // And every message sent at a known time has its mark.
  for (const row of rows.filter((r) => !r.struck && r.when !== 'unknown')) {
    expect(marks.some((mark) => mark.ref === row.ref && mark.title.includes(row.when))).toBe(true);
  }
  return marks.length;
}

test("the demo sequence's popup shows its timeline and chart, and the chart's values are the table's", async ({
  kartra,
  reports,
}) => {
  const { popup } = await demoPopup(kartra, reports);
  const timeline = section(popup);
  await expect(timeline.locator('.hint').first()).toContainText('a contact entering now');
  const chart = timeline.getByRole('img');
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAttribute('aria-label', /^Chart: \d+ messages on \d+ branches/);
  // Each branch of the splits is an alternative, named by the answers that lead to it.
  for (const branch of ['Step 6: yes', 'Step 6: no', 'Step 6: no › Step 9: yes', 'Step 6: no › Step 9: no'])
    await expect(timeline.locator('.timeline__branch').getByText(branch, { exact: true })).toBeVisible();
  await expectChartMatchesTable(popup);

  await enter(popup, '2031-03-01T14:00', 'Sat 1 Mar 2031, 2:00 PM');
  expect(await expectChartMatchesTable(popup)).toBeGreaterThan(5);
});

test('a typed entry moment changes the times; quiet hours and weekends are marked on the table and chart', async ({
  kartra,
  reports,
}) => {
  const { popup } = await demoPopup(kartra, reports);
  // Saturday 2 PM: the first email lands on a weekend; Monday's does not.
  await enter(popup, '2031-03-01T14:00', 'Sat 1 Mar 2031, 2:00 PM');
  await expect(rowOf(popup, '1').locator('.timeline__when')).toHaveText('Sat 1 Mar 2031, 2:00 PM · day 0');
  await expect(rowOf(popup, '1').locator('.timeline__quiet')).toHaveText('Weekend');
  await expect(rowOf(popup, '2').locator('.timeline__when')).toHaveText('Mon 3 Mar 2031, 2:00 PM · day 2');
  await expect(rowOf(popup, '2').locator('.timeline__quiet')).toHaveCount(0);
  // The date step waits for its date.
  await expect(rowOf(popup, '5').locator('.timeline__when')).toHaveText('Mon 10 Mar 2031, 9:00 AM · day 9');
  let { marks } = await chartMarks(popup);
  expect(marks.find((mark) => mark.ref === '1')?.quiet).toBe(true);
  expect(marks.find((mark) => mark.ref === '2')?.quiet).toBe(false);

  // Tuesday 10:30 PM: night. Step 3 waits two days (to Saturday night), then for its weekday
  // window (8 AM to 6 PM): Monday morning.
  await enter(popup, '2031-03-04T22:30', 'Tue 4 Mar 2031, 10:30 PM');
  await expect(rowOf(popup, '1').locator('.timeline__when')).toHaveText('Tue 4 Mar 2031, 10:30 PM · day 0');
  await expect(rowOf(popup, '1').locator('.timeline__quiet')).toHaveText('Night');
  await expect(rowOf(popup, '2').locator('.timeline__when')).toHaveText('Thu 6 Mar 2031, 10:30 PM · day 2');
  await expect(rowOf(popup, '2').locator('.timeline__quiet')).toHaveText('Night');
  await expect(rowOf(popup, '3').locator('.timeline__when')).toHaveText('Mon 10 Mar 2031, 8:00 AM · day 6');
  ({ marks } = await chartMarks(popup));
  expect(marks.find((mark) => mark.ref === '1')?.quiet).toBe(true);
  expect(marks.find((mark) => mark.ref === '3')?.quiet).toBe(false);

  // "Now" goes back to the audit's own moment.
  await section(popup).getByRole('button', { name: 'Now', exact: true }).click();
  await expect(section(popup).locator('.hint').first()).toContainText('a contact entering now');
});

test('skipped steps are struck through with the reason: an inactive step, a date reached after its window', async ({
  kartra,
  reports,
}) => {
  const { popup } = await demoPopup(kartra, reports);
  const inactive = rowOf(popup, '8');
  await expect(inactive).toHaveClass(/timeline__row--skipped/);
  await expect(inactive.locator('.timeline__note')).toContainText('Skipped: the step is inactive');
  expect(
    await inactive.locator('.timeline__when').evaluate((cell) => getComputedStyle(cell).textDecorationLine),
  ).toContain('line-through');

  // Entering on Thursday 6 March, a contact reaches the "doors open" email of 10 March at 9 AM
  // on 12 March: after its 2-hour firing window, so Kartra skips it.
  await enter(popup, '2031-03-06T12:00', 'Thu 6 Mar 2031, 12:00 PM');
  const late = rowOf(popup, '5');
  await expect(late).toHaveClass(/timeline__row--skipped/);
  await expect(late.locator('.timeline__note')).toHaveText(
    'Skipped: reached Wed 12 Mar 2031, 12:00 PM, after the 2-hour firing window of its date (Mon 10 Mar 2031, 9:00 AM).',
  );
  const { marks } = await chartMarks(popup);
  expect(marks.some((mark) => mark.ref === '5')).toBe(false);
});

test('an entry moment that is not a whole date and time gets a message and changes nothing', async ({
  kartra,
  reports,
}) => {
  const { popup } = await demoPopup(kartra, reports);
  await enter(popup, '2031-03-01T14:00', 'Sat 1 Mar 2031, 2:00 PM');
  const before = await tableRows(popup);
  const field = section(popup).getByLabel('Contact enters');
  await field.fill('');
  await section(popup).getByRole('button', { name: 'Show', exact: true }).click();
  await expect(section(popup).getByRole('alert')).toContainText('Type a whole date and time');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  expect(await tableRows(popup)).toEqual(before);
  await expect(section(popup).locator('.hint').first()).toContainText('Sat 1 Mar 2031, 2:00 PM');
});

test('"Show step N" from a timeline row locates the step in the builder', async ({ kartra, reports }) => {
  const { page, popup } = await demoPopup(kartra, reports);
  await rowOf(popup, '3').getByRole('button', { name: 'Show step 3', exact: true }).click();
  await expect(
    popup.getByRole('status').filter({ hasText: 'Step 3 is highlighted in the builder.' }),
  ).toBeVisible();
  const card = page.locator('.js_sequence_step', {
    has: page.locator('.step_number', { hasText: /^3$/ }),
  });
  await expect(card).toBeInViewport();
  // A step on a sub-sequence tab that is not the one shown says which tab to open.
  await rowOf(popup, 'A2').getByRole('button', { name: 'Show step A2', exact: true }).click();
  await expect(
    popup.getByRole('status').filter({ hasText: "Step A2 is not on the builder's screen: open tab A." }),
  ).toBeVisible();
});

test('a loop is marked and shown once; a time that cannot be known says "unknown" and why', async ({
  kartra,
  reports,
}) => {
  const loop = await reports.openPopupFor(await kartra.openSpec(loadEditorSpec('instant-loop.fires')));
  await expect(section(loop).getByText('Then back to step 2: a loop, shown once.')).toBeVisible();

  const overnight = await reports.openPopupFor(
    await kartra.openSpec(loadEditorSpec('window-never-opens.overnight.fires')),
  );
  // Step 2's window ends before it starts: its time, and step 3's after it, are not known.
  await expect(rowOf(overnight, '2').locator('.timeline__when')).toHaveText('unknown');
  await expect(rowOf(overnight, '2').locator('.timeline__note')).toContainText(
    'window ends before it starts',
  );
  await expect(rowOf(overnight, '3').locator('.timeline__when')).toHaveText('unknown');
  await expect(rowOf(overnight, '3').locator('.timeline__note')).toContainText(
    'step 2 before it could not be timed',
  );
  const { marks } = await chartMarks(overnight);
  expect(marks.map((mark) => mark.ref)).toEqual(['1']);
});

test('the Timeline section passes axe-core in light and dark themes', async ({ kartra, reports }) => {
  const { popup } = await demoPopup(kartra, reports);
  await enter(popup, '2031-03-01T14:00', 'Sat 1 Mar 2031, 2:00 PM');
  for (const scheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page: popup }).include('.timeline').analyze();
    expect(results.violations.map((violation) => `${scheme}: ${violation.id}`)).toEqual([]);
  }
});

test('a long timeline draws its first 40 messages, table and chart, and "Show all" draws the rest', async ({
  kartra,
  reports,
}) => {
  const popup = await reports.openPopupFor(await kartra.openSpec(longCourseSpec('7121', true)));
  await enter(popup, '2031-03-03T10:00', 'Mon 3 Mar 2031, 10:00 AM');
  const rows = section(popup).locator('tr.timeline__row');
  await expect(rows).toHaveCount(40);
  expect((await chartMarks(popup)).marks).toHaveLength(40);
  await expect(rows.last().locator('.timeline__when')).toHaveText('Sat 12 Apr 2031, 10:00 AM · day 40');
  await section(popup).getByRole('button', { name: 'Show all 120 messages (80 more)' }).click();
  await expect(rows).toHaveCount(120);
  await expect(rows.last().locator('.timeline__when')).toHaveText('Tue 1 Jul 2031, 10:00 AM · day 120');
  expect((await chartMarks(popup)).marks).toHaveLength(120);
  await expectChartMatchesTable(popup);
});
