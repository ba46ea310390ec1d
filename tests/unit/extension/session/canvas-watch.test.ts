import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import type { PageWindow } from '../../../../lib/extension/content/page-window';
import { watchCanvas } from '../../../../lib/extension/session/canvas-watch';
import type { SequenceModel } from '../../../../lib/model/model';
import { chain, complete, email, sequence } from '../../checks/model-builder';

let stop = new AbortController();
afterEach(() => stop.abort());

const NOW = new Date('2026-12-01T10:00:00Z');

function builder() {
  const win = new Window({
    url: 'https://app.kartra.com/marketing/sequences/edit/42',
  }) as unknown as PageWindow;
  win.document.body.innerHTML = '<button type="button"><span>Save Progress</span></button>';
  stop = new AbortController();
  let saves = 0;
  const watch = watchCanvas(win, 'Save Progress', () => saves++, stop.signal);
  const clickSave = () =>
    win.document.querySelector('span')?.dispatchEvent(new win.MouseEvent('click', { bubbles: true }));
  return { watch, clickSave, saves: () => saves };
}

const seq = (secondActive: boolean, id = '42'): SequenceModel => ({
  ...sequence({
    steps: [email('1'), email('2', { active: secondActive }), complete('3')],
    connections: chain('start', '1', '2', '3'),
  }),
  id,
});
const MAIN = ['Main'];

describe('watchCanvas', () => {
  it('reports a step activated since the tab was first seen, until Save Progress is clicked', () => {
    const { watch, clickSave, saves } = builder();
    expect(watch.compare(seq(false), NOW, MAIN)?.changes).toEqual([]);
    expect(watch.compare(seq(true), NOW, MAIN)?.changes).toEqual([{ kind: 'activated', step: '2' }]);
    clickSave();
    expect(saves()).toBe(1);
    expect(watch.compare(seq(true), NOW, MAIN)).toEqual({ changes: [], lastSaveSeenAt: NOW.toISOString() });
  });

  it('compares a poorly read tab as its last good read showed it', () => {
    const { watch } = builder();
    watch.compare(seq(false), NOW, MAIN);
    // A read that did not fit well (no tabs read well) says nothing new about the canvas.
    expect(watch.compare(seq(true), NOW, [])?.changes).toEqual([]);
  });

  it('starts afresh when another sequence opens in place', () => {
    const { watch } = builder();
    watch.compare(seq(false), NOW, MAIN);
    expect(watch.compare(seq(true, '43'), NOW, MAIN)?.changes).toEqual([]);
  });

  it('stops hearing Save Progress after the abort', () => {
    const { clickSave, saves } = builder();
    stop.abort();
    clickSave();
    expect(saves()).toBe(0);
  });
});
