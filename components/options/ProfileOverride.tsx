import { useEffect, useState } from 'preact/hooks';
import {
  type ActiveProfile,
  interpretStoredProfile,
  profileOverrideItem,
  resetProfileOverride,
  saveProfileOverride,
  watchActiveProfile,
} from '@/lib/extension/storage/profile-store';
import { type KartraProfile, kartraProfile } from '@/lib/kartra/profile';
import { validateProfileJson } from '@/lib/kartra/profile-validation';
import { forgetWord, taughtWords } from '@/lib/kartra/teach-words';

/** Throws a SyntaxError for an invalid selector, as the reader's querySelector would. */
const parseSelector = (selector: string) => {
  document.createDocumentFragment().querySelector(selector);
};

/** A whole profile by its name; a partial one without a name as changes to the built-in one. */
function appliedName(override: unknown, profile: KartraProfile): string {
  const named = typeof override === 'object' && override !== null && 'name' in override;
  return named ? `"${profile.name}"` : `your changes over "${profile.name}"`;
}

/**
 * Advanced: change the built-in profile (selectors, icons, words) with a JSON override, whole or
 * holding only what differs, for when Kartra changes its builder before the extension is
 * updated. Applies at once.
 */
export function ProfileOverride() {
  const [active, setActive] = useState<ActiveProfile | null>(null);
  const [stored, setStored] = useState<unknown>(null);
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [status, setStatus] = useState('');

  useEffect(() => {
    void profileOverrideItem.getValue().then(
      (raw) => {
        setStored(raw);
        setActive(interpretStoredProfile(raw));
      },
      () => setActive(interpretStoredProfile(null)),
    );
    const stopWatching = watchActiveProfile(setActive);
    const stopStored = profileOverrideItem.watch(setStored);
    return () => {
      stopWatching();
      stopStored();
    };
  }, []);

  const taught = taughtWords(stored, kartraProfile.words);
  const forget = async (key: (typeof taught)[number]['key']) => {
    const next = forgetWord(stored, key);
    try {
      if (next === null) await resetProfileOverride();
      else await saveProfileOverride(next);
      setStatus(`Forgot your words for ${key}. Open builder tabs read the page again without them now.`);
    } catch (error) {
      setStatus(`Not forgotten: ${String(error)}`);
    }
  };

  const apply = async () => {
    setStatus('');
    setWarnings([]);
    const result = validateProfileJson(text, parseSelector);
    if (!result.ok) {
      setProblems(result.problems);
      setStatus('Not applied: fix the problems listed above.');
      return;
    }
    setProblems([]);
    try {
      await saveProfileOverride(result.override);
      setWarnings(result.warnings);
      setStatus(
        `Applied ${appliedName(result.override, result.profile)}. Open builder tabs read the page again with it now.`,
      );
    } catch (error) {
      setStatus(`Not applied: ${String(error)}`);
    }
  };

  const reset = async () => {
    try {
      await resetProfileOverride();
      setProblems([]);
      setWarnings([]);
      setStatus('Back to the built-in profile. Open builder tabs read the page again with it now.');
    } catch (error) {
      setStatus(`Not reset: ${String(error)}`);
    }
  };

  const loadFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setText(await file.text());
    setProblems([]);
    setStatus(`Loaded ${file.name}; press "Apply profile" to use it.`);
  };

  return (
    <section class="profile-override" aria-labelledby="advanced-title">
      <h2 id="advanced-title">Advanced</h2>
      <h3>Page profile</h3>
      <p class="help">
        The profile tells the auditor how Kartra's builder looks (selectors, icons, words). If Kartra changes
        its builder, the maintainers can send you a corrected profile to use here until the next version: a
        whole profile, or only the fields that differ from the built-in one (for example{' '}
        <code>{'{"card": {"fields": {"timing": ".step_delay"}}}'}</code>).
      </p>
      <p class="active-profile">
        Active profile: <strong>{active ? active.profile.name : '…'}</strong>{' '}
        {active && (active.source === 'override' ? '(your override)' : '(built-in)')}
      </p>
      {taught.length > 0 && (
        <>
          <h3>Words you taught</h3>
          <p class="help">
            Phrases of your builder the auditor did not know, as you told it from the popup's "Needs review".
          </p>
          <ul class="taught-words">
            {taught.map((word) => (
              <li key={word.key}>
                <code>{word.key}</code>: "{word.value}"{' '}
                <button type="button" onClick={() => void forget(word.key)}>
                  Forget<span class="visually-hidden"> {word.key}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {active?.notice && (
        <p class="notice" role="alert">
          {active.notice}
        </p>
      )}
      <label for="profile-json">Profile JSON</label>
      <textarea
        id="profile-json"
        rows={10}
        spellcheck={false}
        style={{ display: 'block', width: '100%', fontFamily: 'monospace', fontSize: '12px' }}
        value={text}
        aria-invalid={problems.length > 0 ? 'true' : 'false'}
        aria-describedby="profile-problems"
        onInput={(event) => setText(event.currentTarget.value)}
      />
      <p>
        <label for="profile-file">Or load a file: </label>
        <input
          id="profile-file"
          type="file"
          accept=".json,application/json"
          onChange={(event) => void loadFile(event.currentTarget)}
        />
      </p>
      <div role="alert">
        <ul id="profile-problems" class="problems">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      </div>
      {warnings.length > 0 && (
        <ul class="warnings">
          {warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      <p>
        <button type="button" onClick={apply}>
          Apply profile
        </button>{' '}
        <button type="button" onClick={reset}>
          Reset to the built-in profile
        </button>{' '}
        <button type="button" onClick={() => setText(JSON.stringify(kartraProfile, null, 2))}>
          Copy the built-in profile into the box
        </button>
      </p>
      <p class="status-line" role="status">
        {status}
      </p>
    </section>
  );
}
