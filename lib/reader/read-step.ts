import type { KartraProfile } from '../kartra/profile';
import type { Diagnostic, DiagnosticCode, Step } from '../model/model';
import { isGotoLine, parseAction, parseGoto, parseRecipients, parseVersion } from './parse-fields';
import { iconValue } from './parse-icons';
import { parseTiming, type TimingPatterns, timingPatterns } from './parse-timing';
import { parseWindow } from './parse-window';
import type { SceneCard, SceneCardFields } from './scene';
import { collapse, samePhrase, saysSomething } from './text';

/**
 * One card's texts and icons as a step. A field the card does not show, or shows in words the
 * reader does not know, is null with a diagnostic; nothing is guessed.
 */

const MESSAGE_KINDS: ReadonlySet<Step['kind']> = new Set(['email', 'sms']);
const ACTION_KINDS: ReadonlySet<Step['kind']> = new Set(['tag', 'list', 'sequence']);

/** What a number bubble says: "3" on the main tab, "A1" on sub-sequence A. */
export const REF_PATTERN = /^[A-Z]?\d{1,4}$/;

export function cardWhere(card: SceneCard, index: number): string {
  const ref = card.fields.number === null ? '' : collapse(card.fields.number);
  return ref === '' ? `card ${index + 1}` : `step ${ref}`;
}

/**
 * The card's fields, those its selectors missed looked for among its visible texts by what
 * they say. Each text serves one field at most; the title is what is left, when exactly one
 * text is (a title cannot be told by its words).
 */
export function fieldsOf(
  card: SceneCard,
  profile: KartraProfile,
  timing: TimingPatterns = timingPatterns(profile.words),
): SceneCardFields {
  const pieces = card.pieces;
  if (!pieces || pieces.length === 0) return card.fields;
  const words = profile.words;
  const f = { ...card.fields };
  const free = pieces.map(collapse).filter((p) => p !== '');
  const take = (test: (piece: string) => boolean): string | null => {
    const i = free.findIndex(test);
    if (i === -1) return null;
    const [piece] = free.splice(i, 1);
    return piece ?? null;
  };
  const own = (value: string | null) => {
    if (value === null) return;
    const i = free.indexOf(collapse(value));
    if (i !== -1) free.splice(i, 1);
  };
  // What the selectors found is not up for grabs again.
  for (const value of [f.number, f.kindLabel, f.title, f.timing, f.window, f.recipients, f.goto, f.action])
    own(value);
  own(f.inactiveLabel);
  for (const v of f.versions) own(v);

  f.number ??= take((p) => REF_PATTERN.test(p));
  f.kindLabel ??= take((p) => profile.card.kindLabels.some((k) => samePhrase(p, k.label)));
  f.inactiveLabel ??= take((p) => samePhrase(p, words.inactive));
  f.timing ??= take((p) => parseTiming(p, timing) !== null);
  f.window ??= take((p) => parseWindow(p, words) !== null);
  f.recipients ??= take((p) => parseRecipients(p, words) !== null);
  // A line naming a step first; then, after the kind label was taken, a bare "Go to" left is the
  // line of a Go To naming no step (not a title).
  f.goto ??= take((p) => parseGoto(p, words) !== null) ?? take((p) => isGotoLine(p, words));
  f.action ??= take((p) => parseAction(p, words) !== null);
  if (f.versions.length === 0) {
    const versions: string[] = [];
    for (let v = take((p) => parseVersion(p) !== null); v !== null; v = take((p) => parseVersion(p) !== null))
      versions.push(v);
    f.versions = versions;
  }
  // Split output labels and the menu's glyph are not titles.
  const rest = free.filter((p) => saysSomething(p) && !samePhrase(p, words.yes) && !samePhrase(p, words.no));
  if (f.title === null && rest.length === 1) f.title = rest[0] ?? null;
  return f;
}

export function readStep(
  card: SceneCard,
  index: number,
  tab: string,
  profile: KartraProfile,
  diagnostics: Diagnostic[],
  timing: TimingPatterns = timingPatterns(profile.words),
): Step | null {
  const words = profile.words;
  const fields = fieldsOf(card, profile, timing);
  const ref = fields.number === null ? '' : collapse(fields.number);
  const where = ref === '' ? `card ${index + 1}` : `step ${ref}`;
  if (ref === '') {
    diagnostics.push({
      code: 'step-number-missing',
      where,
      expected: "the step's number bubble",
      ...(fields.number === null ? {} : { found: 'an empty bubble' }),
    });
    return null;
  }
  const note = (code: DiagnosticCode, expected: string, found: string | null) =>
    diagnostics.push({
      code,
      where,
      expected,
      step: ref,
      ...(found === null ? {} : { found: `"${found}"` }),
    });
  if (!REF_PATTERN.test(ref)) note('step-number-malformed', 'a number bubble such as "3" or "A1"', ref);

  // The icon decides; a card whose icon we do not know is read by its label, as a person would.
  const kind: Step['kind'] =
    iconValue(card.kindIconClasses, profile.card.kindIcons) ??
    profile.card.kindLabels.find(
      (entry) => fields.kindLabel !== null && samePhrase(fields.kindLabel, entry.label),
    )?.value ??
    'unknown';
  if (kind === 'unknown') {
    const icon =
      card.kindIconClasses === null ? '' : `icon classes ${card.kindIconClasses.join(' ') || '(none)'}`;
    const label = fields.kindLabel ? `labelled ${fields.kindLabel}` : '';
    note(
      'kind-unknown',
      'a step kind icon or label the reader knows',
      [icon, label].filter(Boolean).join(' ') || null,
    );
  }
  // The label is shown on inactive steps only, so its presence is what makes a step inactive.
  if (fields.inactiveLabel !== null && !samePhrase(fields.inactiveLabel, words.inactive))
    note('inactive-label-unknown', `the "${words.inactive}" label`, fields.inactiveLabel);

  const delay = parseTiming(fields.timing, timing);
  if (delay === null)
    note(
      'timing-unread',
      'a timing line ("Wait …", a date, or right after the previous step)',
      fields.timing,
    );
  const window = parseWindow(fields.window, words);
  if (window === null) note('window-unread', 'a day-and-time window line', fields.window);

  const title = fields.title === null ? null : collapse(fields.title);
  if (title === null) note('title-missing', "the step's title line", null);

  const recipientsText = fields.recipients === null ? null : collapse(fields.recipients);
  const recipients = parseRecipients(recipientsText, words);
  if (recipients === null && MESSAGE_KINDS.has(kind))
    note('recipients-unread', 'a recipients line', recipientsText);

  const versions: Step['versions'] = [];
  for (const text of fields.versions) {
    const v = parseVersion(text);
    if (v) versions.push(v);
    else note('version-unread', 'a version share such as "A: 50%"', text);
  }

  const goto = parseGoto(fields.goto, words);
  // A Go To line that names no step shows that the card has no target yet, not that the
  // profile missed it: a code of its own, so the fit can tell the two apart.
  if (goto === null && kind === 'goto')
    note(
      isGotoLine(fields.goto, words) ? 'goto-target-not-shown' : 'goto-unread',
      `a "${words.goto} …" line naming the target step`,
      fields.goto,
    );

  const action = parseAction(fields.action, words);
  if (action === null && ACTION_KINDS.has(kind))
    note('action-unread', 'an action line such as "Add tag: …"', fields.action);

  return {
    ref,
    tab,
    kind,
    active: fields.inactiveLabel === null,
    title,
    delay,
    window,
    recipients,
    recipientsText,
    versions,
    goto,
    action: action?.action ?? null,
    target: action?.target ?? null,
  };
}
