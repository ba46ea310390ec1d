import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { type KartraProfile, kartraProfile } from '../../../lib/kartra/profile';
import { SELECTOR_PATHS } from '../../../lib/kartra/selector-paths';
import {
  exportStructure,
  keepId,
  type PageStructure,
  pathGeometry,
  placeholderFor,
  REMOVED,
  type StructureElement,
  structureFileName,
} from '../../../lib/structure/export';
import { HOSTILE_STRINGS } from '../../fixtures/hostile/strings';

const TOOL = { name: 'Kartra Sequence Auditor', version: '9.9.9' };
const URL_ = 'https://app.kartra.com/marketing/sequences/edit/4410?contact=jane%40example.com#step-3';

function documentOf(body: string): Document {
  const window = new Window({ url: 'https://app.kartra.com/' });
  window.document.body.innerHTML = body;
  return window.document as unknown as Document;
}

function elements(node: StructureElement): StructureElement[] {
  const children = (node.children ?? []).filter((child): child is StructureElement => 'tag' in child);
  return [node, ...children.flatMap(elements)];
}

function texts(node: StructureElement): string[] {
  return (node.children ?? []).flatMap((child) => ('tag' in child ? texts(child) : [child.text]));
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

/** A builder region holding account data everywhere the app could put it. */
function builderWith(data: readonly string[]): string {
  const cards = data
    .map((text, i) => {
      const safe = escapeHtml(text);
      return `<div class="sequence_step js_sequence_step" id="step_${i}" title="${safe}" data-name="${safe}">
        <span class="step_number">${i + 1}</span>
        <div class="step_title" aria-label="${safe}">${safe}</div>
        <a class="step_link" href="https://x.example/${encodeURIComponent(text)}">${safe}</a>
        <input class="step_field" value="${safe}" placeholder="${safe}">
        <svg class="jtk-connector"><path d="M 10.26 20 C 30 40, 50 60, 70.04 80" /></svg>
      </div>`;
    })
    .join('');
  return `<header><a>Dashboard of Jane Doe</a></header>
    <main class="sequence_builder js_sequence_builder" id="builder_root">
      <h1 class="js_sequence_name">Zqxname Welcome series</h1>
      <div id="step_Welcome">x</div>
      <div id="jane.doe@example.com">x</div>
      <div class="builder_canvas js_builder_canvas">${cards}</div>
      <script>var secret = "Zqxscript";</script>
      <kartra-auditor-ui><p>our own UI</p></kartra-auditor-ui>
    </main>`;
}

describe('the text placeholders', () => {
  it('keep only the length class of a text', () => {
    expect(['a', 'abc'].map(placeholderFor)).toEqual(['x', 'x']);
    expect(['abcd', 'a'.repeat(10)].map(placeholderFor)).toEqual(['xxxx', 'xxxx']);
    expect([11, 40].map((n) => placeholderFor('a'.repeat(n)))).toEqual(['x'.repeat(11), 'x'.repeat(11)]);
    expect([41, 5000].map((n) => placeholderFor('a'.repeat(n)))).toEqual(['x'.repeat(41), 'x'.repeat(41)]);
  });

  it('count characters, not UTF-16 units (an emoji is one character)', () => {
    expect(placeholderFor('🚀🚀🚀')).toBe('x');
  });
});

describe('ids', () => {
  const pageWords = new Set(['welcome', 'series', 'jane']);
  it('are kept when they look like app identifiers', () => {
    expect(keepId('builder_root', pageWords)).toBe(true);
    expect(keepId('jsPlumb_1_23', pageWords)).toBe(true);
    expect(keepId('5b714b0d-77c2-434b-808a', pageWords)).toBe(true);
  });
  it('are removed when they repeat a word of the page or hold anything but letters, digits, _ and -', () => {
    expect(keepId('step_Welcome', pageWords)).toBe(false);
    expect(keepId('contactJane', pageWords)).toBe(false);
    expect(keepId('jane.doe@example.com', new Set())).toBe(false);
    expect(keepId('Welcome series', new Set())).toBe(false);
    expect(keepId('x'.repeat(41), new Set())).toBe(false);
  });
});

describe('SVG path geometry', () => {
  it('keeps the commands and the numbers, rounded to one decimal', () => {
    expect(pathGeometry('M 10.26 20 C 30 40, 50 60, 70.04 80')).toBe('M 10.3 20 C 30 40 50 60 70 80');
    expect(pathGeometry('M0,0L-5.5e1,3')).toBe('M 0 0 L -55 3');
  });
  it('drops a d attribute that holds anything else', () => {
    expect(pathGeometry('M 0 0 <script>')).toBeNull();
    expect(pathGeometry('M 0 0 Jane')).toBeNull();
  });
});

describe('exporting the page structure', () => {
  const document = documentOf(builderWith(HOSTILE_STRINGS));
  const structure: PageStructure = exportStructure(document, kartraProfile, {
    url: URL_,
    tool: TOOL,
    now: new Date('2026-11-27T12:00:00Z'),
    skipTag: 'kartra-auditor-ui',
  });
  const json = JSON.stringify(structure);
  const all = elements(structure.tree);

  it("starts at the profile's builder root, and leaves out scripts and the extension's own UI", () => {
    expect(structure.root.found).toBe('profile-root');
    expect(structure.tree.classes).toEqual(['sequence_builder', 'js_sequence_builder']);
    expect(all.some((e) => e.tag === 'script' || e.tag === 'kartra-auditor-ui')).toBe(false);
    expect(json).not.toContain('Zqxscript');
    expect(json).not.toContain('our own UI');
  });

  it('keeps tags, class names and attribute names, and counts what each profile selector matches', () => {
    const card = all.find((e) => e.classes?.includes('js_sequence_step'));
    expect(card?.tag).toBe('div');
    expect(card?.attributes).toEqual(['title', 'data-name']);
    expect(structure.selectorMatches['card.root']).toBe(HOSTILE_STRINGS.length);
    expect(structure.selectorMatches['editor.root']).toBe(1);
    expect(structure.selectorMatches['list.root']).toBe(0);
    expect(structure.counts.elements).toBe(all.length);
  });

  it('replaces the text of a field taken for data (here the titles) by one placeholder', () => {
    const titles = all.filter((e) => e.classes?.includes('step_title'));
    expect(titles[0]?.children).toEqual([{ text: placeholderFor(HOSTILE_STRINGS[0] ?? ''), masked: true }]);
    expect(new Set(titles.flatMap(texts))).toEqual(new Set(['xxxx', 'x'.repeat(11), 'x'.repeat(41)]));
  });

  it('keeps no hostile string with a word in it, no word of the account data, and no attribute value', () => {
    // Digits and punctuation are kept by design ("+1+1" is not a word): only strings with a
    // word in them must go.
    for (const text of HOSTILE_STRINGS.filter((hostile) => /\p{L}/u.test(hostile))) {
      expect(json).not.toContain(text);
      expect(json).not.toContain(JSON.stringify(text).slice(1, -1));
    }
    for (const word of [
      'Zqxname',
      'Welcome',
      'Supercalifragilistic',
      'pwned',
      'onerror',
      'HYPERLINK',
      'script',
      'img',
      'Jane',
      'jane',
      'example',
    ]) {
      expect(json, word).not.toContain(word);
    }
    expect(json).not.toContain('https://');
    expect(json).not.toContain('?');
  });

  it('keeps app-like ids and removes the ones that could carry data', () => {
    expect(structure.tree.id).toBe('builder_root');
    expect(all.filter((e) => e.id === REMOVED)).toHaveLength(2);
    expect(all.some((e) => e.id === 'step_0')).toBe(true);
  });

  it('keeps the lines as geometry', () => {
    const paths = all.filter((e) => e.tag === 'path');
    expect(paths).toHaveLength(HOSTILE_STRINGS.length);
    expect(paths[0]?.d).toBe('M 10.3 20 C 30 40 50 60 70 80');
  });

  it('reduces the URL to its path words, and says which tool and version made it', () => {
    expect(structure.page.path).toBe('/marketing/sequences/edit/{id}');
    expect(structure.tool).toEqual(TOOL);
    expect(structure.profile.name).toBe(kartraProfile.name);
    expect(structure.generatedAt).toBe('2026-11-27T12:00:00.000Z');
  });

  it('falls back to <main>, then <body>, when the profile does not find the builder', () => {
    const other = { ...kartraProfile, editor: { ...kartraProfile.editor, root: '.not_there' } };
    const fromMain = exportStructure(document, other, { url: URL_, tool: TOOL });
    expect(fromMain.root.found).toBe('main');
    const noMain = documentOf('<div class="app"><p>Hello Jane</p></div>');
    const fromBody = exportStructure(noMain, other, { url: URL_, tool: TOOL });
    expect(fromBody.root.found).toBe('body');
    expect(fromBody.tree.tag).toBe('body');
    expect(JSON.stringify(fromBody)).not.toContain('Jane');
  });

  it('survives an invalid selector in an override profile', () => {
    const broken = { ...kartraProfile, editor: { ...kartraProfile.editor, root: '[[' } };
    const result = exportStructure(document, broken, { url: URL_, tool: TOOL });
    expect(result.root.found).toBe('main');
    expect(result.selectorMatches['editor.root']).toBe(-1);
  });

  it('is downloaded as kartra-structure-<date>.json', () => {
    expect(structureFileName(new Date(2026, 10, 7))).toBe('kartra-structure-2026-11-07.json');
  });
});

describe("the interface's own words, kept so that a profile's words can be corrected", () => {
  interface CardText {
    title: string;
    timing: string;
    window?: string;
    action?: string;
    extra?: string;
  }
  const card = (ref: string, kind: string, texts: CardText) => `
    <div class="sequence_step js_sequence_step">
      <div class="step_header"><span class="step_number">${ref}</span><span class="step_kind_label">${kind}</span></div>
      <div class="step_body">
        <div class="step_title">${texts.title}</div>
        ${texts.action ? `<div class="step_action">${texts.action}</div>` : ''}
        <div class="step_timing"><i class="fa fa-clock-o"></i>${texts.timing}</div>
        <div class="step_window">${texts.window ?? 'Any day, any time'}</div>
        ${texts.extra ? `<div class="step_sends">${texts.extra}</div>` : ''}
      </div>
    </div>`;
  const page = `<main class="js_sequence_builder">
    <h1 class="js_sequence_name">Anna's recipe club</h1>
    <span class="js_sequence_public_name">Public name: Not set</span>
    <span class="js_sequence_subscribers">42 contacts</span>
    <div class="js_builder_canvas">
      <div class="js_starting_rules"><div class="module_title">Starting Rules</div>
        <ul><li class="starting_rule"><span class="starting_rule_label">Tag applied: Recipe fans</span></li></ul></div>
      ${card('1', 'Send email', { title: 'Welcome to the club', timing: 'Right after previous step', extra: 'Sends to everyone' })}
      ${card('2', 'Send email', { title: 'Your first recipe 🍝', timing: 'Wait 2 days', window: 'Mon–Fri, 9:00 AM – 5:00 PM', extra: 'Sends to everyone' })}
      ${card('3', 'Tag', { title: 'Mark as fan', timing: 'On Dec 24, 2030 at 10:00 AM', action: 'Add tag: Buyers', extra: 'Sends to everyone' })}
      ${card('A1', 'Go To', { title: 'Back to the club', timing: 'Wait 1 day', extra: 'Skips Buyers' })}
      ${card('4', 'Send email', { title: 'Call jane@example.com', timing: 'Wait 3 hours' })}
    </div></main>`;
  const structure = exportStructure(documentOf(page), kartraProfile, { url: URL_, tool: TOOL });
  const all = elements(structure.tree);
  const textOf = (cls: string) => all.filter((e) => e.classes?.includes(cls)).map((e) => texts(e).join('|'));

  it("keeps the profile's words, kind labels, digits, times, dates and reference numbers", () => {
    expect(textOf('step_kind_label')).toEqual(['Send email', 'Send email', 'Tag', 'Go To', 'Send email']);
    expect(textOf('step_number')).toEqual(['1', '2', '3', 'A1', '4']);
    expect(textOf('step_timing')).toEqual([
      'Right after previous step',
      'Wait 2 days',
      'On Dec 24, 2030 at 10:00 AM',
      'Wait 1 day',
      'Wait 3 hours',
    ]);
    expect(textOf('step_window')[1]).toBe('Mon–Fri, 9:00 AM – 5:00 PM');
    expect(textOf('js_sequence_public_name')).toEqual(['Public name: Not set']);
    expect(textOf('js_sequence_subscribers')).toEqual(['42 xxxx']);
  });

  it('keeps a label the profile does not know when it stands in the same place on most cards', () => {
    // "Sends to everyone" is on 3 of 5 cards; "Skips" only on one, and "Buyers" is a tag's name.
    expect(textOf('step_sends')).toEqual([
      'Sends to everyone',
      'Sends to everyone',
      'Sends to everyone',
      'xxxx xxxx',
    ]);
  });

  it('masks every word of a name, subject, tag or rule, keeping only the known prefix', () => {
    expect(textOf('js_sequence_name')).toEqual(['xxxxxxxxxxx']);
    expect(textOf('step_title')).toEqual([
      'xxxxxxxxxxx',
      'xxxxxxxxxxx',
      'xxxxxxxxxxx',
      'xxxxxxxxxxx',
      'xxxxxxxxxxx',
    ]);
    expect(textOf('step_action')).toEqual(['Add tag: xxxx']);
    expect(textOf('starting_rule_label')).toEqual(['Tag applied: xxxxxxxxxxx']);
    const json = JSON.stringify(structure);
    for (const word of ['Anna', 'recipe', 'club', 'Welcome', 'Buyers', 'fans', 'jane', 'example', '🍝'])
      expect(json, word).not.toContain(word);
  });

  it('finds the cards of a builder the profile does not know by their repeated boxes', () => {
    const foreign = `<main>${['Welcome', 'Recipes', 'Offer', 'Goodbye']
      .map(
        (title, i) =>
          `<div class="node-card"><span class="node-ref">${i + 1}</span><b class="node-name">${title} from Anna</b><em class="node-delay">Delay: ${i} days</em></div>`,
      )
      .join('')}</main>`;
    const other = exportStructure(documentOf(foreign), kartraProfile, { url: URL_, tool: TOOL });
    const found = elements(other.tree);
    const of = (cls: string) => found.filter((e) => e.classes?.includes(cls)).map((e) => texts(e).join('|'));
    expect(of('node-delay')).toEqual(['Delay: 0 days', 'Delay: 1 days', 'Delay: 2 days', 'Delay: 3 days']);
    // "from Anna" stands on every card too: without the profile's title field, a word repeated
    // in every title is kept; the varying words are not.
    expect(of('node-name').map((text) => text.startsWith('xxxx '))).toEqual([true, true, true, true]);
    expect(JSON.stringify(other)).not.toMatch(/Welcome|Recipes|Offer|Goodbye/);
  });
});

describe("the account's texts made of the interface's words", () => {
  // Everything the owner typed here is made of the interface's words, each where the account writes.
  const TYPED = {
    name: 'Send email',
    publicName: 'Main list',
    rules: ['Subscribed to list: Main list', 'Tag applied: Complete', 'Completed sequence: Not set'],
    titles: ['Send email', 'Tag', 'Wait', 'Complete', 'Right after previous step'],
    actions: ['Add tag: Main list', 'Subscribe to list: Wait 1 day'],
    versions: ['A: 40%', 'Main: 30%', 'Complete: 30%'],
  };
  const KINDS = ['Send email', 'Tag', 'List', 'Complete', 'Send email'];
  const TIMINGS = ['Right after previous step', 'Wait 1 day', 'Wait 2 days', 'Wait 3 hours', 'Wait 1 day'];

  /** The builder, with every class renamed by `cls` (a build of the app the profile does not know). */
  const builder = (cls: (name: string) => string) => {
    const c = (...names: string[]) => names.map(cls).join(' ');
    const cards = KINDS.map((kind, i) => {
      const action = TYPED.actions[i - 1];
      const versions =
        i === 0
          ? `<div class="${c('step_versions')}">${TYPED.versions.map((v) => `<span class="${c('step_version')}">${v}</span>`).join('')}</div>`
          : '';
      return `<div class="${c('sequence_step', 'js_sequence_step')}">
        <div class="${c('step_header')}"><span class="${c('step_number')}">${i + 1}</span><span class="${c('step_kind_label')}">${kind}</span></div>
        <div class="${c('step_body')}"><div class="${c('step_title')}">${TYPED.titles[i]}</div>
          ${action ? `<div class="${c('step_action')}">${action}</div>` : ''}
          <div class="${c('step_timing')}">${TIMINGS[i]}</div>${versions}</div></div>`;
    }).join('');
    return `<main class="${c('js_sequence_builder')}">
      <h1 class="${c('js_sequence_name')}">${TYPED.name}</h1>
      <span class="${c('js_sequence_public_name')}">Public name: ${TYPED.publicName}</span>
      <div class="${c('tabs')}"><button class="${c('js_subsequence_tab', 'active')}">Main</button><button class="${c('js_subsequence_tab')}">+ Add</button></div>
      <div class="${c('js_builder_canvas')}">
        <div class="${c('js_starting_rules')}"><div class="${c('module_title')}">Starting Rules</div><ul>
          ${TYPED.rules.map((rule) => `<li class="${c('starting_rule')}"><span class="${c('starting_rule_label')}">${rule}</span></li>`).join('')}
        </ul></div>${cards}</div></main>`;
  };

  const renamed = (name: string) => `kb-${name}`;
  /** The profile of that build: every selector of the built-in one with its classes renamed. */
  const renamedProfile = (): KartraProfile => {
    const profile = structuredClone(kartraProfile);
    for (const path of SELECTOR_PATHS) {
      const keys = path.split('.');
      const last = keys.pop() as string;
      const holder = keys.reduce<Record<string, unknown>>(
        (at, key) => at[key] as Record<string, unknown>,
        profile as unknown as Record<string, unknown>,
      );
      const selector = holder[last];
      if (typeof selector === 'string')
        holder[last] = selector.replace(/\.([A-Za-z_][\w-]*)/g, (_, n: string) => `.${renamed(n)}`);
    }
    return profile;
  };

  const exportOf = (cls: (name: string) => string, readWith?: KartraProfile) =>
    exportStructure(documentOf(builder(cls)), kartraProfile, { url: URL_, tool: TOOL, readWith });
  /** Every text of the export, and the texts of the elements carrying the (unrenamed) class `name`. */
  const textsOf = (structure: PageStructure, cls: (name: string) => string) => {
    const all = elements(structure.tree);
    return {
      all: texts(structure.tree),
      of: (name: string) => all.filter((e) => e.classes?.includes(cls(name))).map((e) => texts(e).join('|')),
    };
  };
  /** How often each typed text stands as a whole text of the export beside the interface's own uses. */
  const standing = (all: readonly string[]) => ({
    'Send email': all.filter((t) => t === 'Send email').length,
    Tag: all.filter((t) => t === 'Tag').length,
    Complete: all.filter((t) => t === 'Complete').length,
    Wait: all.filter((t) => t === 'Wait').length,
    'Right after previous step': all.filter((t) => t === 'Right after previous step').length,
    'Main list': all.filter((t) => t.includes('Main list')).length,
    'a version name': all.filter((t) => /^(Main|Complete):/.test(t)).length,
  });
  // Only the interface's own: two email cards' kind labels, one tag's, one Complete's, the first timing.
  const INTERFACE_ONLY = {
    'Send email': 2,
    Tag: 1,
    Complete: 1,
    Wait: 0,
    'Right after previous step': 1,
    'Main list': 0,
    'a version name': 0,
  };

  it('masks every field the owner types, even one whose words are all the interface’s', () => {
    const same = (name: string) => name;
    const { of } = textsOf(exportOf(same), same);
    expect(of('js_sequence_name')).toEqual(['xxxx']);
    expect(of('js_sequence_public_name')).toEqual(['Public name: xxxx']);
    expect(of('starting_rule_label')).toEqual([
      'Subscribed to list: xxxx',
      'Tag applied: xxxx',
      'Completed sequence: xxxx',
    ]);
    expect(of('step_title')).toEqual(['xxxx', 'x', 'xxxx', 'xxxx', 'x'.repeat(11)]);
    expect(of('step_action')).toEqual(['Add tag: xxxx', 'Subscribe to list: xxxx']);
    // The share of a version still reads; its name goes, unless it is Kartra's letter.
    expect(of('step_version')).toEqual(['A: 40%', 'xxxx: 30%', 'xxxx: 30%']);
  });

  it("keeps the interface's own words beside them: kind labels, timing lines, tabs, the module's title", () => {
    const same = (name: string) => name;
    const structure = exportOf(same);
    const { all, of } = textsOf(structure, same);
    expect(of('step_kind_label')).toEqual(KINDS);
    expect(of('step_timing')).toEqual(TIMINGS);
    expect(of('js_subsequence_tab')).toEqual(['Main', '+ Add']);
    expect(of('module_title')).toEqual(['Starting Rules']);
    expect(standing(all)).toEqual(INTERFACE_ONLY);
  });

  it('keeps the public name’s own "Not set" after its prefix, and nowhere else', () => {
    const page = `<main class="js_sequence_builder"><h1 class="js_sequence_name">Not set</h1>
      <span class="js_sequence_public_name">Public name: Not set</span>
      <ul><li class="starting_rule"><span class="starting_rule_label">Tag applied: Not set</span></li></ul></main>`;
    const structure = exportStructure(documentOf(page), kartraProfile, { url: URL_, tool: TOOL });
    const { of } = textsOf(structure, (name) => name);
    expect(of('js_sequence_public_name')).toEqual(['Public name: Not set']);
    expect(of('js_sequence_name')).toEqual(['xxxx']);
    expect(of('starting_rule_label')).toEqual(['Tag applied: xxxx']);
  });

  it('on markup the profile does not know, masks the texts that open with a prefix, wherever they stand', () => {
    const { all, of } = textsOf(exportOf(renamed), renamed);
    expect(of('js_sequence_public_name')).toEqual(['Public name: xxxx']);
    expect(of('starting_rule_label')).toEqual([
      'Subscribed to list: xxxx',
      'Tag applied: xxxx',
      'Completed sequence: xxxx',
    ]);
    expect(of('step_action')).toEqual(['Add tag: xxxx', 'Subscribe to list: xxxx']);
    expect(all.filter((t) => t.includes('Main list'))).toEqual([]);
  });

  it('with the profile the page was read with, masks the titles, names and versions it found there too', () => {
    const structure = exportOf(renamed, renamedProfile());
    const { all, of } = textsOf(structure, renamed);
    expect(of('js_sequence_name')).toEqual(['xxxx']);
    expect(of('step_title')).toEqual(['xxxx', 'x', 'xxxx', 'xxxx', 'x'.repeat(11)]);
    expect(of('step_version')).toEqual(['A: 40%', 'xxxx: 30%', 'xxxx: 30%']);
    expect(of('step_kind_label')).toEqual(KINDS);
    expect(of('step_timing')).toEqual(TIMINGS);
    expect(standing(all)).toEqual(INTERFACE_ONLY);
    // What the export reports of the selectors is still the active profile's.
    expect(structure.selectorMatches['card.root']).toBe(0);
  });
});
