import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { type AuditSession, type PageWindow, startAuditSession } from '../../../lib/extension/audit-session';
import { kartraProfile } from '../../../lib/kartra/profile';
import type { Report } from '../../../lib/report';
import { defaultSettings } from '../../../lib/settings';
import type { ListMemory } from '../../../lib/visit';
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

const OPTIONS = {
  profile: kartraProfile,
  settings: defaultSettings,
  tool: { name: 'test', version: '0' },
  onReport: () => {},
};

const builderOf = (win: PageWindow) => win.document.querySelector('.js_sequence_builder') as HTMLElement;

const until = async (done: () => boolean) => {
  const deadline = Date.now() + 3000;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(done()).toBe(true);
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the audit session', () => {
  it('audits on start and again after the builder changes', async () => {
    const { win, reports } = openBuilder();
    expect(reports).toHaveLength(1);
    expect(reports[0]?.page.kind).toBe('editor');
    builderOf(win).setAttribute('class', `${builderOf(win).className} changed`);
    await until(() => reports.length === 2);
  });

  it('ignores changes outside the builder (a chat widget, a clock)', async () => {
    const { win, reports } = openBuilder();
    const widget = win.document.createElement('div');
    win.document.body.appendChild(widget);
    for (let tick = 1; tick <= 5; tick++) {
      widget.textContent = `12:0${tick}`;
      await pause(20);
    }
    expect(reports).toHaveLength(1);
    // Still watching the builder.
    builderOf(win).setAttribute('class', `${builderOf(win).className} changed`);
    await until(() => reports.length === 2);
  });

  it('counts a step deactivated since load as unsaved until a click on Save Progress', async () => {
    const { win, reports } = openBuilder();
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
    await until(() => unsaved().length === 1);
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

  it('waits for a held mouse button to be released before auditing a change', async () => {
    const { win, reports } = openBuilder();
    win.dispatchEvent(new win.Event('pointerdown'));
    for (let i = 0; i < 5; i++) {
      builderOf(win).setAttribute('class', `sequence_builder js_sequence_builder dragging-${i}`);
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
