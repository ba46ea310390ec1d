import { Window } from 'happy-dom';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  interpretStoredProfile,
  loadActiveProfile,
  resetProfileOverride,
  saveProfileOverride,
  watchActiveProfile,
} from '../../../../lib/extension/storage/profile-store';
import { type KartraProfile, kartraProfile } from '../../../../lib/kartra/profile';
import { mergeOverride, validateProfileJson } from '../../../../lib/kartra/profile-validation';
import { SELECTOR_PATHS, valueAt } from '../../../../lib/kartra/selector-paths';

const page = new Window();
/** The browser's own selector parser (throws on an invalid selector), as the options page uses. */
const parseSelector = (selector: string) => {
  page.document.createDocumentFragment().querySelector(selector);
};

type Json = Record<string, unknown>;

/** The built-in profile as JSON text after `change` edits a copy of it. */
function profileJson(change: (copy: Json) => void = () => {}): string {
  const copy = structuredClone(kartraProfile) as unknown as Json;
  change(copy);
  return JSON.stringify(copy);
}

const at = (object: Json, path: string): Json => valueAt(object, path) as Json;

function problemsOf(text: string): string[] {
  const result = validateProfileJson(text, parseSelector);
  if (result.ok) throw new Error('expected the profile to be rejected');
  return result.problems;
}

describe('validating a profile on the options page', () => {
  it('accepts the built-in profile, and an edited one, as they are', () => {
    const result = validateProfileJson(
      profileJson((p) => {
        at(p, 'editor').root = '.new_builder_root';
        p.name = 'Fixed for the June builder';
      }),
      parseSelector,
    );
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.profile.editor.root).toBe('.new_builder_root');
      expect(result.profile.name).toBe('Fixed for the June builder');
      expect(result.warnings).toEqual([]);
    }
  });

  it('names the field and the problem: an empty selector', () => {
    expect(problemsOf(profileJson((p) => (at(p, 'card.fields').timing = '')))).toEqual([
      'card.fields.timing: expected a non-empty string',
    ]);
  });

  it('names a wrong type, a wrong list length and a value outside the allowed set', () => {
    const problems = problemsOf(
      profileJson((p) => {
        at(p, 'editor').root = null;
        at(p, 'graph').node = 12;
        (at(p, 'words').months as string[]).pop();
        (at(p, 'card').kindIcons as Json[])[1] = { iconClass: 'fa-mobile', value: 'text message' };
      }),
    );
    expect(problems).toContain('editor.root: expected a string, found null');
    expect(problems).toContain('graph.node: expected a string, found number 12');
    expect(problems).toContain('words.months: expected exactly 12 items, found 11');
    const kind = problems.find((p) => p.startsWith('card.kindIcons[1].value: expected one of'));
    expect(kind).toContain('"email"');
    expect(kind).toContain('found "text message"');
    expect(problems).toHaveLength(4);
  });

  it('takes a field missing from a whole profile from the built-in one', () => {
    const result = validateProfileJson(
      profileJson((p) => delete at(p, 'editor').root),
      parseSelector,
    );
    expect(result.ok && result.profile.editor.root).toBe(kartraProfile.editor.root);
  });

  it('rejects a selector the browser cannot parse and a URL pattern that is not a regular expression', () => {
    const problems = problemsOf(
      profileJson((p) => {
        at(p, 'card.fields').title = '.step_title >';
        at(p, 'urls').editorPath = '^/edit/(';
      }),
    );
    expect(problems).toContain('card.fields.title: ".step_title >" is not a valid CSS selector');
    expect(problems.some((p) => p.startsWith('urls.editorPath: not a valid regular expression'))).toBe(true);
  });

  it('says where the JSON itself is broken', () => {
    const [problem] = problemsOf('{ "name": "x", }');
    expect(problem).toMatch(/^Not valid JSON: /);
    expect(problem).toMatch(/position|line|column/);
  });

  it('warns about fields it ignores, such as a misspelt one', () => {
    const result = validateProfileJson(
      profileJson((p) => (at(p, 'card').feilds = {})),
      parseSelector,
    );
    expect(result.ok && result.warnings).toEqual(['card.feilds: not a profile field, ignored']);
  });

  it('accepts an override holding only what differs, merged over the built-in profile', () => {
    const result = validateProfileJson(
      '{ "card": { "fields": { "timing": ".step_delay" } } }',
      parseSelector,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.profile.card.fields.timing).toBe('.step_delay');
    expect({ ...result.profile.card.fields, timing: kartraProfile.card.fields.timing }).toEqual(
      kartraProfile.card.fields,
    );
    expect({ ...result.profile, card: kartraProfile.card }).toEqual(kartraProfile);
    // What is stored is the override as given, so a later built-in fix still applies under it.
    expect(result.override).toEqual({ card: { fields: { timing: '.step_delay' } } });
    expect(result.warnings).toEqual([]);
  });

  it("replaces a list of the built-in profile with the override's list, item for item", () => {
    const result = validateProfileJson(
      JSON.stringify({ card: { kindLabels: [{ label: 'Email', value: 'email' }] } }),
      parseSelector,
    );
    expect(result.ok && result.profile.card.kindLabels).toEqual([{ label: 'Email', value: 'email' }]);
    expect(result.ok && result.profile.card.kindIcons).toEqual(kartraProfile.card.kindIcons);
  });

  it('validates a partial override as a whole, naming the field', () => {
    expect(problemsOf('{ "card": { "fields": { "timing": "" } } }')).toEqual([
      'card.fields.timing: expected a non-empty string',
    ]);
    expect(problemsOf('{ "words": { "months": ["Jan"] } }')).toEqual([
      'words.months: expected exactly 12 items, found 1',
    ]);
    expect(problemsOf('{ "graph": null }')).toEqual(['graph: expected an object, found null']);
    expect(problemsOf('["a list"]')).toEqual(['profile: expected an object, found a list']);
    expect(problemsOf('{ "card": { "fields": { "title": ".step_title >" } } }')).toEqual([
      'card.fields.title: ".step_title >" is not a valid CSS selector',
    ]);
  });

  it('warns about a misspelt field in a partial override too', () => {
    const result = validateProfileJson('{ "card": { "fields": { "timming": ".x" } } }', parseSelector);
    expect(result.ok && result.warnings).toEqual(['card.fields.timming: not a profile field, ignored']);
  });

  it('merges objects key by key and lets anything else replace', () => {
    expect(mergeOverride({ a: { b: 1, c: 2 }, d: [1, 2] }, { a: { c: 3 }, d: [9] })).toEqual({
      a: { b: 1, c: 3 },
      d: [9],
    });
    expect(mergeOverride({ a: { b: 1 } }, { a: 'x' })).toEqual({ a: 'x' });
    expect(mergeOverride({ a: 1 }, 'x')).toBe('x');
  });

  it('knows where every selector of the profile is, and each parses', () => {
    for (const path of SELECTOR_PATHS) {
      const selector = valueAt(kartraProfile, path);
      expect(typeof selector, path).toBe('string');
      expect(() => parseSelector(selector as string), path).not.toThrow();
    }
  });
});

describe('the profile the content script uses', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is the built-in profile while no override is stored', async () => {
    expect(interpretStoredProfile(null)).toEqual({
      profile: kartraProfile,
      source: 'built-in',
      notice: null,
    });
    expect((await loadActiveProfile()).source).toBe('built-in');
  });

  it('is the override once saved, and the built-in one again after a reset; watchers hear both', async () => {
    const override: KartraProfile = {
      ...structuredClone(kartraProfile),
      name: 'Override for the new builder',
    };
    const heard: string[] = [];
    const unwatch = watchActiveProfile((active) => heard.push(`${active.source}:${active.profile.name}`));
    await saveProfileOverride(override);
    const loaded = await loadActiveProfile();
    expect(loaded.source).toBe('override');
    expect(loaded.profile.name).toBe('Override for the new builder');
    await resetProfileOverride();
    expect((await loadActiveProfile()).source).toBe('built-in');
    await new Promise((resolve) => setTimeout(resolve, 0));
    unwatch();
    expect(heard).toEqual(['override:Override for the new builder', `built-in:${kartraProfile.name}`]);
  });

  it('falls back to the built-in profile, saying why, when the stored value does not validate', () => {
    const stored = JSON.parse(profileJson((p) => (at(p, 'card.fields').timing = 5)));
    const active = interpretStoredProfile(stored);
    expect(active.source).toBe('built-in');
    expect(active.profile).toBe(kartraProfile);
    expect(active.notice).toContain('card.fields.timing: expected a string, found number 5');
    expect(interpretStoredProfile('not a profile').notice).toContain(
      'profile: expected an object, found "not a profile"',
    );
    expect(interpretStoredProfile({ card: { fields: { timing: '' } } }).notice).toContain(
      'card.fields.timing: expected a non-empty string',
    );
  });

  it('checks list items too', () => {
    const stored = JSON.parse(
      profileJson((p) => ((at(p, 'card').kindIcons as Json[])[2] = { iconClass: 3 })),
    );
    const notice = interpretStoredProfile(stored).notice ?? '';
    expect(notice).toContain('card.kindIcons[2].iconClass: expected a string, found number 3');
    expect(notice).toContain('card.kindIcons[2].value: missing (expected one of');
  });

  it('reads a stored partial override merged over the built-in profile', async () => {
    await saveProfileOverride({ card: { fields: { timing: '.step_delay' } } });
    const active = await loadActiveProfile();
    expect(active).toMatchObject({ source: 'override', notice: null });
    expect(active.profile.card.fields.timing).toBe('.step_delay');
    expect(active.profile.card.fields.title).toBe(kartraProfile.card.fields.title);
    expect(active.profile.name).toBe(kartraProfile.name);
  });
});
