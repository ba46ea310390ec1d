import { useState } from 'preact/hooks';
import { type CauseGroup, causeSentence } from '@/lib/checks/causes';
import { kartraProfile } from '@/lib/kartra/profile';
import { MEANINGS, type PhraseMeaning, suggestedMeaning } from '@/lib/kartra/teach-words';

/**
 * Reviews that rest on the same unread words, as one item: the words, the steps, what could not
 * be checked because of them, and (where the words can be taught) what the phrase means.
 */

const stepLabel = (ref: string) => (ref === 'start' ? 'Starting Rules' : `step ${ref}`);
/** Steps offered as "Show step N" before the rest are left to the builder. */
const STEPS_SHOWN = 6;

interface CauseItemProps {
  group: CauseGroup;
  /** The rules' titles by id, once loaded (their ids until then). */
  ruleTitles: ReadonlyMap<string, string> | null;
  onLocate?: (ref: string) => void;
  /** Absent where the user cannot teach words (an export's view). */
  onTeach?: Teaching['teach'];
}

export function CauseItem({ group, ruleTitles, onLocate, onTeach }: CauseItemProps) {
  const rules = [...new Set(group.findings.map((f) => ruleTitles?.get(f.ruleId) ?? f.ruleId))];
  const phrase = group.examples[0];
  const meanings = MEANINGS[group.cause.code] ?? [];
  return (
    <li class="finding finding--review cause">
      <p class="finding__message">{causeSentence(group)}.</p>
      <p class="cause__rules">
        Not checked on {group.steps.length === 1 ? 'it' : 'them'}: {rules.join('; ')}.
      </p>
      {onLocate && (
        <p class="finding__actions">
          {group.steps.slice(0, STEPS_SHOWN).map((ref) => (
            <button key={ref} type="button" class="link-button" onClick={() => onLocate(ref)}>
              Show {stepLabel(ref)}
            </button>
          ))}
        </p>
      )}
      {phrase !== undefined && meanings.length > 0 && onTeach && (
        <TeachPhrase code={group.cause.code} phrase={phrase} onTeach={onTeach} />
      )}
    </li>
  );
}

type Taught = { kind: 'saved'; before: unknown; text: string } | { kind: 'problem'; text: string } | null;

export interface Teaching {
  taught: Taught;
  teach(code: string, phrase: string, meaning: PhraseMeaning): Promise<void>;
  undo(): Promise<void>;
}

/**
 * What the user taught last, kept above the findings: once the page is read again with the words,
 * the review that offered to teach them is gone, and its Undo must not go with it.
 */
export function useTeaching(): Teaching {
  const [taught, setTaught] = useState<Taught>(null);
  const teach = async (code: string, phrase: string, meaning: PhraseMeaning) => {
    // Loaded on the click: the profile's schema is not needed to paint the report.
    const [{ teachWords }, store, { mergeOverride, validateProfileOverride }] = await Promise.all([
      import('@/lib/kartra/teach-words'),
      import('@/lib/extension/storage/profile-store'),
      import('@/lib/kartra/profile-validation'),
    ]);
    // Added to the words pages are read with now: the built-in ones, under any stored override.
    const { profile } = await store.loadActiveProfile();
    const teaching = teachWords(profile.words, phrase, meaning);
    if (!teaching.ok) return setTaught({ kind: 'problem', text: teaching.problem });
    const before = await store.profileOverrideItem.getValue();
    const checked = validateProfileOverride(mergeOverride(before ?? {}, teaching.override));
    if (!checked.ok) return setTaught({ kind: 'problem', text: checked.problems.join('; ') });
    await store.saveProfileOverride(checked.override);
    const label = MEANINGS[code]?.find((m) => m.meaning === meaning)?.label ?? meaning;
    setTaught({
      kind: 'saved',
      before,
      text: `Saved: "${phrase}" means ${label}. The page is read again with it; the options page shows your words and can reset them.`,
    });
  };
  const undo = async () => {
    if (taught?.kind !== 'saved') return;
    const store = await import('@/lib/extension/storage/profile-store');
    if (taught.before === null || taught.before === undefined) await store.resetProfileOverride();
    else await store.saveProfileOverride(taught.before);
    setTaught(null);
  };
  return { taught, teach, undo };
}

/** What the last teaching did, with its Undo; nothing before the user teaches. */
export function TaughtNotice({ teaching }: { teaching: Teaching }) {
  const { taught } = teaching;
  if (taught === null) return null;
  if (taught.kind === 'problem')
    return (
      <p class="notice" role="alert">
        {taught.text}
      </p>
    );
  return (
    <p class="notice taught" role="status">
      {taught.text}{' '}
      <button type="button" class="link-button" onClick={() => void teaching.undo()}>
        Undo
      </button>
    </p>
  );
}

/** "This phrase means…", offered with the meaning its words suggest. */
function TeachPhrase({
  code,
  phrase,
  onTeach,
}: {
  code: string;
  phrase: string;
  onTeach: Teaching['teach'];
}) {
  const meanings = MEANINGS[code] ?? [];
  const [meaning, setMeaning] = useState<PhraseMeaning>(
    suggestedMeaning(code, phrase, kartraProfile.words) ?? meanings[0]?.meaning ?? 'immediate',
  );
  const id = `teach-${code}`;
  return (
    <p class="teach">
      <label for={id}>"{phrase}" means</label>{' '}
      <select id={id} value={meaning} onChange={(e) => setMeaning(e.currentTarget.value as PhraseMeaning)}>
        {meanings.map((m) => (
          <option key={m.meaning} value={m.meaning}>
            {m.label}
          </option>
        ))}
      </select>{' '}
      <button type="button" onClick={() => void onTeach(code, phrase, meaning)}>
        Teach
      </button>
    </p>
  );
}
