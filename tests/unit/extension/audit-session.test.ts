import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { type AuditSession, type PageWindow, startAuditSession } from '../../../lib/extension/audit-session';
import { kartraProfile } from '../../../lib/kartra/profile';
import type { Report } from '../../../lib/report';
import { defaultSettings } from '../../../lib/settings';
import { buildScene } from '../reader/scene-builder';
import { EDITOR_URL, renderScene } from '../reader/scene-dom';

const steps = [
  { ref: '1', kind: 'email' as const },
  { ref: '2', kind: 'complete' as const },
];
const lines = [
  { from: 'start', to: '1' },
  { from: '1', to: '2' },
];

let session: AuditSession | null = null;
afterEach(() => session?.stop());

function openBuilder(): { win: PageWindow; reports: Report[] } {
  const happy = new Window({ url: EDITOR_URL });
  const win = happy as unknown as PageWindow;
  renderScene(
    win.document,
    buildScene(steps, lines, { orientation: 'horizontal', zoom: 1, scrollX: 0, scrollY: 0, columns: 4 }),
  );
  const reports: Report[] = [];
  session = startAuditSession(win, {
    profile: kartraProfile,
    settings: defaultSettings,
    tool: { name: 'test', version: '0' },
    onReport: (report) => reports.push(report),
    throttleMs: 10,
  });
  return { win, reports };
}

const until = async (done: () => boolean) => {
  const deadline = Date.now() + 3000;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(done()).toBe(true);
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the audit session', () => {
  it('audits on start and again after the page changes', async () => {
    const { win, reports } = openBuilder();
    expect(reports).toHaveLength(1);
    expect(reports[0]?.page.kind).toBe('editor');
    win.document.body.setAttribute('class', 'changed');
    await until(() => reports.length === 2);
  });

  it('waits for a held mouse button to be released before auditing a change', async () => {
    const { win, reports } = openBuilder();
    win.dispatchEvent(new win.Event('pointerdown'));
    for (let i = 0; i < 5; i++) {
      win.document.body.setAttribute('class', `dragging-${i}`);
      await pause(20);
    }
    await pause(100);
    expect(reports).toHaveLength(1);
    win.dispatchEvent(new win.Event('pointerup'));
    await until(() => reports.length === 2);
    await pause(50);
    expect(reports).toHaveLength(2);
  });

  it("counts the time its report's consumers take to draw it as the report's renderMs", () => {
    const happy = new Window({ url: EDITOR_URL });
    const win = happy as unknown as PageWindow;
    renderScene(
      win.document,
      buildScene(steps, lines, { orientation: 'horizontal', zoom: 1, scrollX: 0, scrollY: 0, columns: 4 }),
    );
    let drawn: Report | null = null;
    session = startAuditSession(win, {
      profile: kartraProfile,
      settings: defaultSettings,
      tool: { name: 'test', version: '0' },
      onReport(report) {
        // A slow drawing: at least 15 ms pass inside the consumer.
        const end = performance.now() + 15;
        while (performance.now() < end);
        drawn = report;
      },
    });
    expect(session.latest()?.report).toBe(drawn);
    expect(session.latest()?.report?.timing.renderMs).toBeGreaterThanOrEqual(15);
  });
});
