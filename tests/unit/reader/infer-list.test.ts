import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ListRow } from '../../../lib/model/model';
import { readPage } from '../../../lib/reader/index';
import { newDocument } from './scene-dom';

const LIST_URL = 'https://app.kartra.com/marketing/sequences';

interface RowSpec {
  id: string;
  name: string;
  status: 'active' | 'paused';
  subscribers: number;
  completed: number;
}

/**
 * The status icon as its own text. happy-dom computes no pseudo-element content, so an icon drawn
 * by a stylesheet (Font Awesome's ::before) is read in a browser: tests/e2e/first-contact.spec.ts.
 */
const iconHtml = (status: RowSpec['status'], tag: 'span' | 'i', cls: (name: string) => string) =>
  `<${tag} class="${cls('glyph')}" aria-hidden="true">${status === 'active' ? '⏸' : '▶'}</${tag}>`;

/** A sequence list in markup no profile knows: other classes, other wrappers, the same words and icons. */
function listHtml(rows: readonly RowSpec[], tag: 'span' | 'i', salt: string, depth: number): string {
  const cls = (name: string) => `x${salt}-${name}`;
  const wrap = (html: string) => {
    let out = html;
    for (let i = 0; i < depth; i++) out = `<div class="${cls(`w${i}`)}">${out}</div>`;
    return out;
  };
  const body = rows
    .map(
      (row) => `<div class="${cls('row')}">
        ${wrap(`<a class="${cls('name')}" href="/marketing/sequences/edit/${row.id}">${row.name}</a>`)}
        ${wrap(`<span class="${cls('n')}">${row.subscribers.toLocaleString('en-US')}</span>`)}
        ${wrap(`<span class="${cls('n')}">${row.completed}</span>`)}
        <div class="${cls('actions')}"><button class="${cls('btn')}">${iconHtml(row.status, tag, cls)}</button>
          <a class="${cls('btn')}" href="/marketing/sequences/edit/${row.id}"><i class="${cls('pencil')}"></i> Edit</a>
          <button class="${cls('btn')}">Clone</button></div>
      </div>`,
    )
    .join('');
  return `<header class="${cls('top')}">Marketing › Sequences <span>${rows.length}</span></header>
    <section class="${cls('list')}"><h1>Sequences</h1>${body}</section>`;
}

const expected = (rows: readonly RowSpec[]): ListRow[] =>
  rows.map(({ id, name, status, subscribers, completed }) => ({ id, name, status, subscribers, completed }));

describe('a sequence list in markup the profile does not know', () => {
  const rows: RowSpec[] = [
    { id: '2231', name: 'Lead magnet follow-up', status: 'active', subscribers: 1204, completed: 7 },
    { id: '88', name: 'Top 10 tips 2026', status: 'paused', subscribers: 0, completed: 0 },
  ];

  for (const tag of ['span', 'i'] as const) {
    it(`is read by its links to the editor and its icons' glyphs (icon in a ${tag})`, () => {
      const doc = newDocument();
      doc.body.innerHTML = listHtml(rows, tag, 'a', 2);
      expect(readPage(doc, LIST_URL)).toEqual({
        kind: 'list',
        url: LIST_URL,
        rows: expected(rows),
        diagnostics: [],
      });
    });
  }

  it('with one sequence, takes its row, not the page around it', () => {
    const doc = newDocument();
    doc.body.innerHTML = listHtml(rows.slice(0, 1), 'span', 'b', 0);
    expect(readPage(doc, LIST_URL)).toMatchObject({ rows: expected(rows.slice(0, 1)), diagnostics: [] });
  });

  it('says which rows it could not read the status of, never a status it did not see', () => {
    const doc = newDocument();
    doc.body.innerHTML = listHtml(rows, 'span', 'c', 1).replace(/[⏸▶]/g, '•');
    const page = readPage(doc, LIST_URL);
    expect(page).toMatchObject({ rows: rows.map((r) => ({ id: r.id, status: null })) });
    expect(page.kind === 'list' ? page.diagnostics.map((d) => d.code) : []).toEqual([
      'list-status-unread',
      'list-status-unread',
    ]);
  });

  it('reads generated lists of 1 to 100 rows, whatever the names, classes and wrappers', () => {
    const row = fc.record({
      name: fc.oneof(
        fc.constantFrom('Welcome', 'Complete', '🎉 Launch', 'Top 10 tips', '2026', 'Send email'),
        fc.string({ minLength: 1, maxLength: 40 }).filter((s) => /\p{L}/u.test(s) && !/[<>&"']/.test(s)),
      ),
      status: fc.constantFrom('active' as const, 'paused' as const),
      subscribers: fc.nat(100_000),
      completed: fc.nat(100_000),
    });
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 100 }),
        fc.constantFrom('span' as const, 'i' as const),
        fc.stringMatching(/^[a-z0-9]{1,6}$/),
        fc.integer({ min: 0, max: 3 }),
        (generated, tag, salt, depth) => {
          const specs = generated.map((r, i) => ({
            ...r,
            name: r.name.replace(/\s+/g, ' ').trim() || 'x',
            id: String(100 + i),
          }));
          const doc = newDocument();
          doc.body.innerHTML = listHtml(specs, tag, salt, depth);
          const page = readPage(doc, LIST_URL);
          expect(page).toEqual({ kind: 'list', url: LIST_URL, rows: expected(specs), diagnostics: [] });
        },
      ),
      { numRuns: 40 },
    );
  });
});
