import type { SpecStep } from '../spec';
import { SPEC_WEEKDAYS, type SpecStepKind } from '../spec-shape';

/**
 * Kartra's words on the builder, as docs/replica-markup.md lists them. The replica is Kartra's
 * app, so it keeps its own copy of the words instead of reading our profile.
 */

export const KIND_DISPLAY: Record<SpecStepKind, { icon: string; label: string }> = {
  email: { icon: 'fa-envelope', label: 'Send email' },
  sms: { icon: 'fa-mobile', label: 'Send SMS' },
  tag: { icon: 'fa-tag', label: 'Tag' },
  list: { icon: 'fa-list', label: 'List' },
  sequence: { icon: 'fa-random', label: 'Sequence' },
  split: { icon: 'fa-code-fork', label: 'Split' },
  goto: { icon: 'fa-share', label: 'Go To' },
  complete: { icon: 'fa-flag-checkered', label: 'Complete' },
  unsubscribe: { icon: 'fa-sign-out', label: 'Unsubscribe from this sequence' },
};

export const STARTING_RULE_DISPLAY: Record<string, { icon: string; prefix: string }> = {
  optin: { icon: 'fa-wpforms', prefix: 'Opt-in form' },
  tag: { icon: 'fa-tag', prefix: 'Tag applied' },
  list: { icon: 'fa-list', prefix: 'Subscribed to list' },
  order: { icon: 'fa-shopping-cart', prefix: 'Product purchased' },
  page: { icon: 'fa-globe', prefix: 'Page visited' },
  sequence: { icon: 'fa-random', prefix: 'Completed sequence' },
  automation: { icon: 'fa-cogs', prefix: 'Automation' },
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAY_LABELS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** "09:00" -> "9:00 AM", "17:30" -> "5:30 PM", "00:15" -> "12:15 AM". */
export function clock12(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const hour = h % 12 === 0 ? 12 : h % 12;
  return `${hour}:${String(m).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The words of a skin's `wording`: Kartra's, or the same facts worded as no profile knows. */
export type Wording = 'kartra' | 'other';

export function timingText(delay: SpecStep['delay'], wording: Wording = 'kartra'): string {
  const other = wording === 'other';
  if (delay.type === 'immediate') return other ? 'Send right away' : 'Right after previous step';
  if (delay.type === 'wait') {
    const parts: string[] = [];
    if (delay.days > 0) parts.push(plural(delay.days, 'day', 'days'));
    if (delay.hours > 0 || delay.days === 0) parts.push(plural(delay.hours, 'hour', 'hours'));
    return `${other ? 'Delay of' : 'Wait'} ${parts.join(' ')}`;
  }
  // Wall-clock time in the account's zone: format the digits, never through Date's zone.
  const [date, time] = delay.at.split('T') as [string, string];
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  return `On ${MONTHS[mo - 1]} ${d}, ${y} at ${clock12(time)}`;
}

/** Runs of three or more consecutive days (Monday first) become "First–Last". */
export function daysText(days: readonly string[]): string {
  const set = new Set(days);
  if (set.size === 0) return 'No days';
  if (set.size === 7) return 'Every day';
  const parts: string[] = [];
  let i = 0;
  while (i < 7) {
    if (!set.has(SPEC_WEEKDAYS[i] as string)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < 7 && set.has(SPEC_WEEKDAYS[j + 1] as string)) j++;
    if (j - i >= 2) parts.push(`${WEEKDAY_LABELS[i]}–${WEEKDAY_LABELS[j]}`);
    else for (let k = i; k <= j; k++) parts.push(WEEKDAY_LABELS[k] as string);
    i = j + 1;
  }
  return parts.join(', ');
}

export function windowText(window: SpecStep['window'], wording: Wording = 'kartra'): string {
  if (window === null) return wording === 'other' ? 'Whenever' : 'Any day, any time';
  return `${daysText(window.days)}, ${clock12(window.from)} – ${clock12(window.to)}`;
}

export function recipientsText(recipients: 'anyone' | 'filtered', wording: Wording = 'kartra'): string {
  if (recipients === 'anyone') return wording === 'other' ? 'All contacts' : 'Anyone reaching this step';
  return 'Filtered: only contacts matching filters';
}

export function actionText(step: SpecStep): string {
  const target = step.target ?? '';
  if (step.kind === 'tag') return `${step.action === 'remove' ? 'Remove tag' : 'Add tag'}: ${target}`;
  const verb = step.action === 'unsubscribe' ? 'Unsubscribe from' : 'Subscribe to';
  return `${verb} ${step.kind === 'list' ? 'list' : 'sequence'}: ${target}`;
}

export function contactsText(n: number): string {
  return n === 1 ? '1 contact' : `${n} contacts`;
}
