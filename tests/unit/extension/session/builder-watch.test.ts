import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import type { PageWindow } from '../../../../lib/extension/content/page-window';
import { watchBuilder } from '../../../../lib/extension/session/builder-watch';

/** Mutation records arrive in a microtask: let them. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let stop = new AbortController();
afterEach(() => stop.abort());

function page(regionless = false) {
  const win = new Window({
    url: 'https://app.kartra.com/marketing/sequences/edit/42',
  }) as unknown as PageWindow;
  win.document.body.innerHTML =
    '<div id="clock">12:00</div><main class="builder"><div class="card">Step 1</div></main><div id="ours"></div>';
  const changes: string[] = [];
  stop = new AbortController();
  watchBuilder(win, {
    region: () => win.document.querySelector('main.builder'),
    ownHost: () => win.document.getElementById('ours'),
    regionless: () => regionless,
    changed: () => changes.push('changed'),
    signal: stop.signal,
  });
  return { win, doc: win.document, changes };
}

describe('watchBuilder', () => {
  it('hears a change inside the builder', async () => {
    const { doc, changes } = page();
    (doc.querySelector('.card') as Element).textContent = 'Step 1 · Inactive';
    await settle();
    expect(changes).not.toEqual([]);
  });

  it('does not wake for a ticking clock elsewhere on the page, nor for its own UI', async () => {
    const { doc, changes } = page();
    (doc.getElementById('clock') as Element).textContent = '12:01';
    (doc.getElementById('ours') as Element).append(doc.createElement('span'));
    await settle();
    expect(changes).toEqual([]);
  });

  it('hears the builder replaced by the app, and going', async () => {
    const { doc, changes } = page();
    const fresh = doc.createElement('main');
    fresh.className = 'builder';
    doc.querySelector('main.builder')?.replaceWith(fresh);
    await settle();
    expect(changes.length).toBe(1);
    fresh.remove();
    await settle();
    expect(changes.length).toBe(2);
  });

  it('with no builder found, hears any change only when told a change may matter', async () => {
    const quiet = page(false);
    quiet.doc.querySelector('main.builder')?.remove();
    await settle();
    quiet.changes.length = 0;
    (quiet.doc.getElementById('clock') as Element).textContent = '12:01';
    await settle();
    expect(quiet.changes).toEqual([]);

    const listening = page(true);
    listening.doc.querySelector('main.builder')?.remove();
    await settle();
    listening.changes.length = 0;
    (listening.doc.getElementById('clock') as Element).textContent = '12:01';
    await settle();
    expect(listening.changes).toEqual(['changed']);
  });

  it('hears another sequence opened in place, and nothing after one abort', async () => {
    const { win, doc, changes } = page();
    win.dispatchEvent(new win.Event('popstate'));
    expect(changes).toEqual(['changed']);
    stop.abort();
    win.dispatchEvent(new win.Event('hashchange'));
    (doc.querySelector('.card') as Element).textContent = 'Step 1 · Inactive';
    await settle();
    expect(changes).toEqual(['changed']);
  });
});
