import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type AuditSession,
  type PageWindow,
  PRESS_LIMIT_MS,
  startAuditSession,
} from '../../../lib/extension/audit-session';
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

/**
 * The page's clock, moved by hand: the session's timers and performance.now() run on it, so
 * the tests say "100 ms later" without waiting, and no machine is too slow for them.
 */
class ManualClock {
  now = 0;
  private nextId = 1;
  private readonly timers = new Map<number, { at: number; run: () => void }>();

  install(win: PageWindow): void {
    const set = (run: () => void, ms = 0) => {
      const id = this.nextId++;
      this.timers.set(id, { at: this.now + Math.max(0, ms), run });
      return id;
    };
    const clear = (id: number | undefined) => {
      if (id !== undefined) this.timers.delete(id);
    };
    const performance = { now: () => this.now, measure() {}, clearMeasures() {} };
    for (const [name, value] of Object.entries({ setTimeout: set, clearTimeout: clear, performance })) {
      Object.defineProperty(win, name, { value, configurable: true, writable: true });
    }
  }

  /** Moves time on by `ms`, running each timer that falls due, in order, with the page's reactions. */
  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    await settle();
    for (;;) {
      const due = [...this.timers.entries()]
        .filter(([, t]) => t.at <= end)
        .sort(([, a], [, b]) => a.at - b.at)[0];
      if (!due) break;
      const [id, timer] = due;
      this.timers.delete(id);
      this.now = timer.at;
      timer.run();
      await settle();
    }
    this.now = end;
  }
}

/** Lets the mutation observer (queued as a microtask) deliver what the page just did. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

function openBuilder(): { win: PageWindow; reports: Report[]; clock: ManualClock } {
  const happy = new Window({ url: EDITOR_URL });
  const win = happy as unknown as PageWindow;
  const clock = new ManualClock();
  clock.install(win);
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
  return { win, reports, clock };
}

describe('the audit session', () => {
  it('audits on start and again after the page changes', async () => {
    const { win, reports, clock } = openBuilder();
    expect(reports).toHaveLength(1);
    expect(reports[0]?.page.kind).toBe('editor');
    win.document.body.setAttribute('class', 'changed');
    await clock.advance(10);
    expect(reports).toHaveLength(2);
  });

  it('audits at most once per throttle period while the page keeps changing', async () => {
    const { win, reports, clock } = openBuilder();
    for (let i = 0; i < 10; i++) {
      win.document.body.setAttribute('class', `typing-${i}`);
      await clock.advance(1);
    }
    // Ten changes in 10 ms: one audit once the throttle period is over, not ten.
    expect(reports).toHaveLength(2);
  });

  it('waits for a held mouse button to be released before auditing a change', async () => {
    const { win, reports, clock } = openBuilder();
    win.dispatchEvent(new win.Event('pointerdown'));
    for (let i = 0; i < 5; i++) {
      win.document.body.setAttribute('class', `dragging-${i}`);
      await clock.advance(20);
    }
    await clock.advance(100);
    expect(reports).toHaveLength(1);
    win.dispatchEvent(new win.Event('pointerup'));
    await clock.advance(10);
    expect(reports).toHaveLength(2);
    await clock.advance(50);
    expect(reports).toHaveLength(2);
  });

  it('does not wait out a press held longer than the limit', async () => {
    const { win, reports, clock } = openBuilder();
    win.dispatchEvent(new win.Event('pointerdown'));
    win.document.body.setAttribute('class', 'held');
    await clock.advance(PRESS_LIMIT_MS - 1);
    expect(reports).toHaveLength(1);
    await clock.advance(1);
    expect(reports).toHaveLength(2);
  });

  it("counts the time its report's consumers take to draw it as the report's renderMs", () => {
    const happy = new Window({ url: EDITOR_URL });
    const win = happy as unknown as PageWindow;
    const clock = new ManualClock();
    clock.install(win);
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
        // A slow drawing: 15 ms pass on the page's clock inside the consumer.
        clock.now += 15;
        drawn = report;
      },
    });
    expect(session.latest()?.report).toBe(drawn);
    expect(session.latest()?.report?.timing.renderMs).toBe(15);
  });
});
