import type { KartraProfile } from '../kartra/profile';
import type { Diagnostic, Step } from '../model';
import { parseAction, parseGoto, parseRecipients, parseVersion } from './parse-fields';
import { iconValue } from './parse-icons';
import { parseTiming } from './parse-timing';
import { parseWindow } from './parse-window';
import type { SceneCard } from './scene';
import { collapse, samePhrase } from './text';

/**
 * One card's texts and icons as a step. A field the card does not show, or shows in words the
 * reader does not know, is null with a diagnostic; nothing is guessed.
 */

const MESSAGE_KINDS: ReadonlySet<Step['kind']> = new Set(['email', 'sms']);
const ACTION_KINDS: ReadonlySet<Step['kind']> = new Set(['tag', 'list', 'sequence']);

export function cardWhere(card: SceneCard, index: number): string {
  const ref = card.fields.number === null ? '' : collapse(card.fields.number);
  return ref === '' ? `card ${index + 1}` : `step ${ref}`;
}

export function readStep(
  card: SceneCard,
  index: number,
  tab: string,
  profile: KartraProfile,
  diagnostics: Diagnostic[],
): Step | null {
  const words = profile.words;
  const fields = card.fields;
  const ref = fields.number === null ? '' : collapse(fields.number);
  const where = cardWhere(card, index);
  if (ref === '') {
    diagnostics.push({
      where,
      expected: `the step's number bubble (${profile.card.fields.number})`,
      found: fields.number === null ? undefined : 'an empty bubble',
    });
    return null;
  }
  const note = (expected: string, found: string | null) =>
    diagnostics.push({ where, expected, step: ref, ...(found === null ? {} : { found: `"${found}"` }) });

  // The icon decides; a card whose icon we do not know is read by its label, as a person would.
  const kind: Step['kind'] =
    iconValue(card.kindIconClasses, profile.card.kindIcons) ??
    profile.card.kindLabels.find(
      (entry) => fields.kindLabel !== null && samePhrase(fields.kindLabel, entry.label),
    )?.value ??
    'unknown';
  if (kind === 'unknown') {
    note(
      'a step kind icon or label the reader knows',
      card.kindIconClasses === null
        ? null
        : `icon classes ${card.kindIconClasses.join(' ') || '(none)'}${fields.kindLabel ? ` labelled ${fields.kindLabel}` : ''}`,
    );
  }
  // The label is shown on inactive steps only, so its presence is what makes a step inactive.
  if (fields.inactiveLabel !== null && !samePhrase(fields.inactiveLabel, words.inactive))
    note(`the "${words.inactive}" label`, fields.inactiveLabel);

  const delay = parseTiming(fields.timing, words);
  if (delay === null)
    note('a timing line ("Wait …", a date, or right after the previous step)', fields.timing);
  const window = parseWindow(fields.window, words);
  if (window === null) note('a day-and-time window line', fields.window);

  const title = fields.title === null ? null : collapse(fields.title);
  if (title === null) note(`the step's title line (${profile.card.fields.title})`, null);

  const recipientsText = fields.recipients === null ? null : collapse(fields.recipients);
  const recipients = parseRecipients(recipientsText, words);
  if (recipients === null && MESSAGE_KINDS.has(kind)) note('a recipients line', recipientsText);

  const versions: Step['versions'] = [];
  for (const text of fields.versions) {
    const v = parseVersion(text);
    if (v) versions.push(v);
    else note('a version share such as "A: 50%"', text);
  }

  const goto = parseGoto(fields.goto, words);
  if (goto === null && kind === 'goto') note(`a "${words.goto} …" line naming the target step`, fields.goto);

  const action = parseAction(fields.action, words);
  if (action === null && ACTION_KINDS.has(kind)) note('an action line such as "Add tag: …"', fields.action);

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
