import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import type { PageStructure, StructureElement } from '../../../lib/structure/export';
import {
  looksLikeStructure,
  parseStructure,
  renderStructurePage,
  structureUrl,
} from '../../../scripts/lib/structure-page';

function structureOf(tree: StructureElement, rect: [number, number, number, number] = [10, 48, 800, 600]) {
  const structure: PageStructure = {
    format: 'kartra-auditor-structure',
    formatVersion: 2,
    tool: { name: 'Kartra Sequence Auditor', version: '9.9.9' },
    generatedAt: '2026-12-01T09:00:00.000Z',
    page: { path: '/marketing/sequences/edit/{id}', viewport: { width: 1400, height: 900 } },
    profile: { name: 'built-in' },
    root: { found: 'profile-root', rect },
    selectorMatches: {},
    counts: { elements: 0, texts: 0, truncated: false },
    tree,
  };
  return structure;
}

function render(tree: StructureElement): Document {
  const window = new Window({ url: 'https://app.kartra.com/' });
  const html = renderStructurePage(structureOf(tree), 'https://app.kartra.com/marketing/sequences/edit/7');
  window.document.write(html);
  return window.document as unknown as Document;
}

const card: StructureElement = {
  tag: 'div',
  classes: ['sequence_step', 'js_sequence_step'],
  rect: [100, 50, 250, 120],
  children: [
    { tag: 'span', classes: ['step_number'], rect: [110, 60, 20, 20], children: [{ text: '3' }] },
    {
      tag: 'div',
      classes: ['step_title'],
      rect: [110, 90, 200, 20],
      children: [{ text: 'xxxx', masked: true }],
    },
    {
      tag: 'div',
      classes: ['step_timing'],
      rect: [110, 120, 200, 20],
      children: [{ text: 'Wait 2 days <b>' }],
    },
    { tag: 'span', classes: ['step_inactive_label'], rect: [0, 0, 0, 0], children: [{ text: 'Inactive' }] },
  ],
};
const tree: StructureElement = {
  tag: 'main',
  id: 'builder_root',
  classes: ['js_sequence_builder', 'bad class"><script>'],
  attributes: ['data-v-1a2b3c', 'onclick', 'title'],
  rect: [0, 0, 800, 600],
  children: [
    card,
    { tag: 'script', rect: [0, 0, 10, 10], children: [{ text: 'window.__pwned = 1' }] },
    {
      tag: 'svg',
      classes: ['jtk-connector'],
      rect: [350, 100, 100, 40],
      children: [
        {
          tag: 'path',
          rect: [350, 100, 100, 40],
          d: 'M 0 0 C 30 10 70 30 100 40',
          transform: 'matrix(1, 0, 0, 1, 3, 3)',
        },
        { tag: 'path', rect: [0, 0, 0, 0], d: 'M 0 0 <script>' },
      ],
    },
  ],
};

describe('a structure export rendered back as a page', () => {
  const document = render(tree);
  const style = (selector: string) => document.querySelector(selector)?.getAttribute('style') ?? '';

  it('places every box where it was, relative to its parent, with its classes and id', () => {
    expect(style('main')).toContain('left:10px;top:48px;width:800px;height:600px');
    expect(style('.js_sequence_step')).toContain('left:100px;top:50px;width:250px;height:120px');
    expect(style('.step_number')).toContain('left:10px;top:10px;width:20px;height:20px');
    expect(document.querySelector('main')?.id).toBe('builder_root');
    expect(document.querySelector('main')?.getAttribute('class')).toBe('js_sequence_builder');
  });

  it('keeps the texts as text, and leaves out a field whose text was masked (a title)', () => {
    expect(document.querySelector('.step_number')?.textContent).toBe('3');
    expect(document.querySelector('.step_timing')?.textContent).toBe('Wait 2 days <b>');
    expect(document.querySelector('.step_timing b')).toBeNull();
    expect(document.querySelector('.step_title')).toBeNull();
  });

  it('keeps a box that had no size without size, so it reads as not shown', () => {
    expect(style('.step_inactive_label')).toContain('width:0px;height:0px;overflow:hidden');
  });

  it("draws the lines' paths at their places, and drops a path that is not geometry", () => {
    const svg = document.querySelector('svg.jtk-connector');
    expect(svg?.getAttribute('viewBox')).toBe('0 0 100 40');
    const paths = Array.from(document.querySelectorAll('svg path'));
    expect(paths.map((path) => path.getAttribute('d'))).toEqual(['M 0 0 C 30 10 70 30 100 40', null]);
    expect(paths[0]?.getAttribute('transform')).toBe('matrix(1, 0, 0, 1, 3, 3)');
    expect(paths[0]?.getAttribute('style')).toBeNull();
  });

  it('runs nothing: scripts become inert boxes, only data-* attribute names are kept, empty', () => {
    expect(document.querySelector('script')).toBeNull();
    const main = document.querySelector('main');
    expect(main?.getAttributeNames().sort()).toEqual(['class', 'data-v-1a2b3c', 'id', 'style']);
    expect(main?.getAttribute('data-v-1a2b3c')).toBe('');
    expect(document.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(
      'https://app.kartra.com/marketing/sequences/edit/7',
    );
  });

  it('scales an SVG’s own units by the zoom of the canvas it sits in', () => {
    const zoomed = render({
      tag: 'main',
      rect: [0, 0, 800, 600],
      children: [
        {
          tag: 'div',
          classes: ['js_builder_canvas'],
          rect: [0, 0, 800, 600],
          transform: 'matrix(0.5, 0, 0, 0.5, 0, 0)',
          children: [{ tag: 'svg', classes: ['jtk-connector'], rect: [10, 10, 50, 20] }],
        },
      ],
    });
    expect(zoomed.querySelector('svg')?.getAttribute('viewBox')).toBe('0 0 100 40');
  });
});

describe('reading a structure export file', () => {
  it('recognises one by its format, and names the field of one that does not validate', () => {
    const structure = structureOf(tree);
    expect(looksLikeStructure(structure)).toBe(true);
    expect(looksLikeStructure({ name: 'a profile' })).toBe(false);
    expect(parseStructure(JSON.parse(JSON.stringify(structure))).ok).toBe(true);
    const broken = parseStructure({ ...structure, tree: { ...tree, rect: [0, 0] } });
    expect(broken.ok ? [] : broken.problems).toEqual(['tree.rect: expected at least 4 items, found 2']);
  });

  it("is served at the export's path, with its id", () => {
    expect(structureUrl(structureOf(tree), 'structure')).toBe(
      'https://app.kartra.com/marketing/sequences/edit/structure',
    );
  });
});
