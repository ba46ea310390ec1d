import { describe, expect, it } from 'vitest';
import { audit } from '../../../lib/audit/audit';
import { validateReport } from '../../../lib/audit/report';
import type { PageModel } from '../../../lib/model/model';
import { defaultSettings } from '../../../lib/settings/settings';
import { withTimeline } from '../../../lib/timeline/report-timeline';
import { chain, email, sequence, split, wait, yes } from '../checks/model-builder';

const TOOL = { name: 'test', version: '0' };
const editor = (seq = sequence()): PageModel =>
  ({
    kind: 'editor',
    url: 'https://app.kartra.com/sequence/editor/1',
    sequence: seq,
    reading: undefined,
  }) as unknown as PageModel;

describe('the report with its timeline', () => {
  const page = editor(
    sequence({
      steps: [email('1', { delay: wait(0, 10) }), split('2'), email('3', { delay: wait(1) })],
      connections: [...chain('start', '1', '2'), yes('2', '3')],
      tabs: { all: ['Main', 'A'], seen: ['Main'] },
    }),
  );

  it('times a contact entering at generatedAt, on the account clock, and says what was not read', () => {
    const now = new Date('2027-06-02T20:00:00Z');
    const settings = { ...defaultSettings(), accountTimeZone: 'America/New_York' };
    const report = audit(page, { now, tool: TOOL, settings, timeZone: 'Europe/Berlin' });
    expect(report.timeline).toBeUndefined();
    const full = withTimeline(report, page, settings, 'Europe/Berlin');
    expect(full.timeline?.enteredAt).toBe(now.getTime());
    expect(full.timeline?.timeZone).toBe('America/New_York');
    // Email 1 ten hours after 4 PM in New York: 2 AM the next day there.
    expect(full.timeline?.branches[0]?.entries[0]).toMatchObject({ ref: '1', status: 'runs', day: 1 });
    expect(full.timeline?.uncertain).toMatch(/tab A not opened yet/);
    // The report with its timeline is a valid report; the one without is unchanged.
    expect(validateReport(JSON.parse(JSON.stringify(full)))).toEqual(full);
    expect(report.timeline).toBeUndefined();
  });

  it("uses the browser's zone when no account zone is set, and leaves other pages' reports alone", () => {
    const now = new Date('2027-06-02T20:00:00Z');
    const report = audit(page, { now, tool: TOOL, timeZone: 'Europe/Berlin' });
    expect(withTimeline(report, page, defaultSettings(), 'Europe/Berlin').timeline?.timeZone).toBe(
      'Europe/Berlin',
    );
    const other: PageModel = { kind: 'other', url: 'https://app.kartra.com/' };
    const otherReport = audit(other, { now, tool: TOOL });
    expect(withTimeline(otherReport, other, defaultSettings())).toBe(otherReport);
  });

  it('rejects a timeline that is not one', () => {
    const report = withTimeline(audit(page, { now: new Date(), tool: TOOL }), page, defaultSettings(), 'UTC');
    const broken = JSON.parse(JSON.stringify(report));
    broken.timeline.branches[0].entries[0].status = 'sent';
    expect(() => validateReport(broken)).toThrow();
  });
});
