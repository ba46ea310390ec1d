import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import type { Report } from '../../../../lib/audit/report';
import {
  type AuditSession,
  type PageWindow,
  PRESS_LIMIT_MS,
  startAuditSession,
} from '../../../../lib/extension/session/audit-session';
import { kartraProfile } from '../../../../lib/kartra/profile';
import { INFERENCE_RETRY_MS } from '../../../../lib/reader';
import { defaultSettings } from '../../../../lib/settings/settings';
import type { ListMemory } from '../../../../lib/visit/visit';
import { buildScene, TWO_TABS } from '../../reader/scene-builder';
import { blankTexts, EDITOR_URL, renameClasses, renderScene } from '../../reader/scene-dom';

const steps = [
  { ref: '1', kind: 'email' as const },
  { ref: '2', kind: 'complete' as const },
];
const lines = [
  { from: 'start', to: '1' },
  { from: '1', to: '2' },
];

const LAYOUT = { orientation: 'horizontal', zoom: 1, scrollX: 0, scrollY: 0, columns: 4 } as const;
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

const OPTIONS = {
  profile: kartraProfile,
  settings: defaultSettings,
  tool: { name: 'test', version: '0' },
  onReport: () => {},
};

const builderOf = (win: PageWindow) => win.document.querySelector('.js_sequence_builder') as HTMLElement;
const touchBuilder = (win: PageWindow, name: string) =>
  builderOf(win).setAttribute('class', `sequence_builder js_sequence_builder ${name}`);

describe('the audit session', () => {
  it("stops with its context's signal: no audit on a later change, a release or a navigation", async () => {
    const happy = new Window({ url: EDITOR_URL });
    const win = happy as unknown as PageWindow;
    const clock = new ManualClock();
    clock.install(win);
    renderScene(win.document, buildScene(steps, lines, LAYOUT));
    const reports: Report[] = [];
    const context = new AbortController();
    session = startAuditSession(win, {
      ...OPTIONS,
      onReport: (report) => reports.push(report),
      throttleMs: 10,
      signal: context.signal,
    });
    expect(reports).toHaveLength(1);
    touchBuilder(win, 'changed');
    await clock.advance(50);
    expect(reports).toHaveLength(2);

    context.abort();
    touchBuilder(win, 'changed-again');
    win.dispatchEvent(new win.Event('pointerup'));
    win.dispatchEvent(new win.Event('popstate'));
    await clock.advance(5000);
    expect(reports).toHaveLength(2);
  });

  it('adds the timeline to the latest report only when asked, once per audit', async () => {
    const { win, reports, clock } = openBuilder();
    // The audit itself does not work the timeline out (the builder changes often).
    expect(reports[0]?.timeline).toBeUndefined();
    const asked = session?.latestWithTimeline();
    const timeline = asked?.report?.timeline;
    expect(timeline?.enteredAt).toBe(Date.parse(asked?.report?.generatedAt ?? ''));
    expect(timeline?.branches[0]?.entries.map((e) => `${e.kind} ${e.ref}`)).toEqual([
      'email 1',
      'complete 2',
    ]);
    // Asked again: the same answer, not worked out again.
    expect(session?.latestWithTimeline()).toBe(asked);
    touchBuilder(win, 'changed');
    await clock.advance(10);
    const after = session?.latestWithTimeline();
    expect(after).not.toBe(asked);
    expect(after?.report).not.toBe(reports[0]);
    expect(after?.report?.timeline?.enteredAt).toBe(Date.parse(reports[1]?.generatedAt ?? ''));
  });

  it('audits on start and again after the builder changes', async () => {
    const { win, reports, clock } = openBuilder();
    expect(reports).toHaveLength(1);
    expect(reports[0]?.page.kind).toBe('editor');
    touchBuilder(win, 'changed');
    await clock.advance(10);
    expect(reports).toHaveLength(2);
  });

  it('audits at most once per throttle period while the builder keeps changing', async () => {
    const { win, reports, clock } = openBuilder();
    for (let i = 0; i < 10; i++) {
      touchBuilder(win, `typing-${i}`);
      await clock.advance(1);
    }
    // Ten changes in 10 ms: one audit once the throttle period is over, not ten.
    expect(reports).toHaveLength(2);
  });

  it('ignores changes outside the builder (a chat widget, a clock)', async () => {
    const { win, reports, clock } = openBuilder();
    const widget = win.document.createElement('div');
    win.document.body.appendChild(widget);
    for (let tick = 1; tick <= 5; tick++) {
      widget.textContent = `12:0${tick}`;
      await clock.advance(20);
    }
    expect(reports).toHaveLength(1);
    // Still watching the builder.
    touchBuilder(win, 'changed');
    await clock.advance(10);
    expect(reports).toHaveLength(2);
  });

  it('waits for a held mouse button to be released before auditing a change', async () => {
    const { win, reports, clock } = openBuilder();
    win.dispatchEvent(new win.Event('pointerdown'));
    for (let i = 0; i < 5; i++) {
      touchBuilder(win, `dragging-${i}`);
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
    touchBuilder(win, 'held');
    await clock.advance(PRESS_LIMIT_MS - 1);
    expect(reports).toHaveLength(1);
    await clock.advance(1);
    expect(reports).toHaveLength(2);
  });

  it('counts a step deactivated since load as unsaved until a click on Save Progress', async () => {
    const { win, reports, clock } = openBuilder();
    const unsaved = () => reports.at(-1)?.findings.filter((f) => f.ruleId === 'changes-not-saved') ?? [];
    expect(unsaved()).toEqual([]);
    const header = builderOf(win).querySelector('.js_sequence_step .step_header');
    const label = win.document.createElement('span');
    label.className = 'step_inactive_label';
    label.textContent = 'Inactive';
    // A label a person sees has a box (happy-dom lays nothing out; the scene's boxes are stubbed).
    const box = { x: 0, y: 0, left: 0, top: 0, width: 48, height: 14, right: 48, bottom: 14 };
    Object.defineProperty(label, 'getBoundingClientRect', { value: () => ({ ...box, toJSON: () => box }) });
    header?.appendChild(label);
    await clock.advance(10);
    expect(unsaved()).toHaveLength(1);
    expect(unsaved()[0]?.steps).toEqual(['1']);
    expect(unsaved()[0]?.message).toContain('step 1 deactivated');

    const save = win.document.createElement('button');
    save.append(win.document.createElement('i'), win.document.createTextNode(' Save Progress '));
    builderOf(win).querySelector('.builder_toolbar')?.appendChild(save);
    let seenByApp = false;
    save.addEventListener('click', (event) => {
      seenByApp = !event.defaultPrevented;
    });
    save.querySelector('i')?.dispatchEvent(new win.MouseEvent('click', { bubbles: true, cancelable: true }));
    // Heard on the way down, audited at once, and the click still reached the app untouched.
    expect(unsaved()).toEqual([]);
    expect(seenByApp).toBe(true);
  });

  it('takes a page whose Go To names no step for read well: its changes count, and it is not read again unasked', async () => {
    const happy = new Window({ url: EDITOR_URL });
    const win = happy as unknown as PageWindow;
    const clock = new ManualClock();
    clock.install(win);
    const scene = buildScene(TWO_TABS.main.steps, TWO_TABS.main.lines, LAYOUT);
    const cards = scene.cards.map((c) =>
      c.fields.goto ? { ...c, fields: { ...c.fields, goto: 'Go to' } } : c,
    );
    renderScene(win.document, { ...scene, cards });
    const reports: Report[] = [];
    session = startAuditSession(win, { ...OPTIONS, throttleMs: 10, onReport: (r) => reports.push(r) });
    expect(reports[0]?.coverage.reading?.fit).toBe(1);
    expect(reports[0]?.findings.find((f) => f.ruleId === 'goto-target-missing')).toMatchObject({
      kind: 'review',
      steps: ['4'],
    });
    // Nothing changes on the page: no read every two seconds.
    await clock.advance(5 * INFERENCE_RETRY_MS);
    expect(reports).toHaveLength(1);
    // The first read was the baseline: a step deactivated since is an unsaved change.
    const label = win.document.createElement('span');
    label.className = 'step_inactive_label';
    label.textContent = 'Inactive';
    const box = { x: 0, y: 0, left: 0, top: 0, width: 48, height: 14, right: 48, bottom: 14 };
    Object.defineProperty(label, 'getBoundingClientRect', { value: () => ({ ...box, toJSON: () => box }) });
    builderOf(win).querySelector('.js_sequence_step .step_header')?.appendChild(label);
    await clock.advance(10);
    expect(reports.at(-1)?.findings.find((f) => f.ruleId === 'changes-not-saved')?.steps).toEqual(['1']);
  });

  it('remembers what the sequence list showed, and gives it to the editor of that sequence', () => {
    const saved: ListMemory[] = [];
    const list = new Window({ url: 'https://app.kartra.com/marketing/sequences' });
    list.document.body.innerHTML = `<main class="js_sequence_list"><table><tr class="js_sequence_row">
      <td class="sequence_name"><a href="/marketing/sequences/edit/2231">Recipes</a></td>
      <td class="sequence_subscribed">9</td><td class="sequence_completed">2</td>
      <td><button class="js_sequence_status"><i class="fa fa-play text-success"></i></button></td></tr></table></main>`;
    session = startAuditSession(list as unknown as PageWindow, {
      ...OPTIONS,
      listMemory: { initial: {}, save: (memory) => saved.push(memory) },
    });
    // The session that follows this one (a new profile) starts from what this one knows.
    expect(session.listSeen()['2231']).toMatchObject({ status: 'paused' });
    session.stop();
    expect(saved.at(-1)?.['2231']).toMatchObject({ status: 'paused', subscribers: 9, completed: 2 });

    const reports: Report[] = [];
    const editor = new Window({ url: EDITOR_URL }) as unknown as PageWindow;
    renderScene(
      editor.document,
      buildScene(steps, lines, { orientation: 'horizontal', zoom: 1, scrollX: 0, scrollY: 0, columns: 4 }),
    );
    editor.document.querySelector('.js_sequence_status')?.remove();
    session = startAuditSession(editor, {
      ...OPTIONS,
      onReport: (report) => reports.push(report),
      listMemory: { initial: saved.at(-1) ?? {}, save: () => {} },
    });
    const paused = reports[0]?.findings.find((f) => f.ruleId === 'sequence-paused');
    expect(paused?.kind).toBe('fail');
    expect(paused?.message).toMatch(/^Paused, as the sequence list showed at \d\d:\d\d/);
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

  it('reads a builder the app draws after the content script started at once, not after the retry', async () => {
    const happy = new Window({ url: EDITOR_URL });
    const win = happy as unknown as PageWindow;
    const clock = new ManualClock();
    clock.install(win);
    session = startAuditSession(win, { ...OPTIONS, throttleMs: 10 });
    await clock.advance(100);
    expect(session.latest()?.page?.kind).toBe('unrecognised');
    renderScene(win.document, buildScene(TWO_TABS.main.steps, TWO_TABS.main.lines, LAYOUT));
    renameClasses(win.document);
    await clock.advance(100);
    expect(session.latest()?.page?.kind).toBe('editor');
  });

  it('reads a page left with a poor fit again once it may infer a better profile, with no change on it', async () => {
    // The app drew the builder's boxes before the content script started and their words right
    // after: inference found nothing, and the words came too soon for it to run again.
    const happy = new Window({ url: EDITOR_URL });
    const win = happy as unknown as PageWindow;
    const clock = new ManualClock();
    clock.install(win);
    renderScene(win.document, buildScene(TWO_TABS.main.steps, TWO_TABS.main.lines, LAYOUT));
    renameClasses(win.document);
    const restoreTexts = blankTexts(win.document);
    session = startAuditSession(win, { ...OPTIONS, throttleMs: 10 });
    const kindRead = () => session?.latest()?.page?.kind;
    await clock.advance(100);
    expect(kindRead()).toBe('unrecognised');
    restoreTexts();
    await clock.advance(100);
    expect(kindRead()).toBe('unrecognised');
    await clock.advance(INFERENCE_RETRY_MS);
    expect(kindRead()).toBe('editor');
    // What the poor read missed was not changed by anyone: not unsaved.
    expect(session.latest()?.report?.findings.map((f) => f.ruleId)).not.toContain('changes-not-saved');
    // Read well now: nothing more is scheduled on a page that does not change.
    const audits = session.latest();
    await clock.advance(10 * INFERENCE_RETRY_MS);
    expect(session.latest()).toBe(audits);
  });
});
