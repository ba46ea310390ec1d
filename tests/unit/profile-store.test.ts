import { Window } from 'happy-dom';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  interpretStoredProfile,
  loadActiveProfile,
  resetProfileOverride,
  saveProfileOverride,
  shapeMismatch,
  watchActiveProfile,
} from '../../lib/extension/profile-store';
import { validateProfileJson } from '../../lib/extension/profile-validation';
import { type KartraProfile, kartraProfile } from '../../lib/kartra/profile';
import { SELECTOR_PATHS, valueAt } from '../../lib/kartra/selector-paths';

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

  it('names a missing field, a wrong type, a wrong list length and a value outside the allowed set', () => {
    const problems = problemsOf(
      profileJson((p) => {
        delete at(p, 'editor').root;
        at(p, 'graph').node = 12;
        (at(p, 'words').months as string[]).pop();
        (at(p, 'card').kindIcons as Json[])[1] = { iconClass: 'fa-mobile', value: 'text message' };
      }),
    );
    expect(problems).toContain('editor.root: missing (expected a string)');
    expect(problems).toContain('graph.node: expected a string, found number 12');
    expect(problems).toContain('words.months: expected exactly 12 items, found 11');
    const kind = problems.find((p) => p.startsWith('card.kindIcons[1].value: expected one of'));
    expect(kind).toContain('"email"');
    expect(kind).toContain('found "text message"');
    expect(problems).toHaveLength(4);
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

  it('falls back to the built-in profile, saying why, when the stored value is not shaped like a profile', () => {
    const stored = JSON.parse(profileJson((p) => (at(p, 'card.fields').timing = 5)));
    const active = interpretStoredProfile(stored);
    expect(active.source).toBe('built-in');
    expect(active.profile).toBe(kartraProfile);
    expect(active.notice).toContain('card.fields.timing: expected a string, found number');
    expect(interpretStoredProfile('not a profile').notice).toContain(
      'profile: expected an object, found string',
    );
  });

  it('checks list items too', () => {
    const stored = JSON.parse(
      profileJson((p) => ((at(p, 'card').kindIcons as Json[])[2] = { iconClass: 3 })),
    );
    expect(shapeMismatch(kartraProfile, stored)).toBe(
      'card.kindIcons[2].iconClass: expected a string, found number',
    );
  });
});
