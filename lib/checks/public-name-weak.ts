import { defineRule } from './types';

const meta = {
  id: 'public-name-weak',
  severity: 'warning',
  title: 'Public name is weak',
  description:
    'Contacts see the public name when they manage or leave their subscriptions, and can unsubscribe themselves there. An empty name, the internal name, or a name that reads like plumbing gives them no reason to stay.',
  fix: 'Set a public name (up to 80 characters) that describes something people want to receive, such as "Weekly recipes from Anna".',
  messages: {
    notSet: 'The public name is not set: contacts who manage their subscriptions see no name they recognise.',
    internalName:
      'The public name is the internal name ("{{name}}"): contacts see your working title when they manage their subscriptions.',
    plumbing:
      'The public name "{{name}}" reads like plumbing ({{reason}}); contacts see it when they manage their subscriptions.',
    nameUnread: 'Could not read the public name of this sequence.',
  },
  pages: ['editor'],
} as const;

/** Words that mark a working name rather than one written for subscribers. */
const PLUMBING_ANYWHERE = new Set([
  'test',
  'testing',
  'copy',
  'untitled',
  'draft',
  'tmp',
  'temp',
  'clone',
  'old',
]);
/** Generic words: a name made only of these (and numbers) says nothing. */
const GENERIC = new Set([
  'newsletter',
  'list',
  'sequence',
  'sequences',
  'seq',
  'email',
  'emails',
  'campaign',
  'series',
  'new',
  'my',
  'the',
  'main',
  'of',
]);
const VERSION = /^v\d+$/;
// Five or more digits, "#12", "seq_2231", "list-12", or a hex hash; a year such as 2026 is not an id.
const ID_LIKE = /^(\d{5,}|#\d+|[a-z]+[_-]\d+|(?=[a-f]*\d)[0-9a-f]{8,})$/;

/** Why a public name reads like plumbing, or null when it reads like a name for people. */
export function plumbingReason(name: string): string | null {
  const tokens = name
    .toLowerCase()
    .split(/[\s_\-–—:.,/()[\]]+/)
    .filter(Boolean);
  const marker = tokens.find((t) => PLUMBING_ANYWHERE.has(t) || VERSION.test(t));
  if (marker) return `contains "${marker}"`;
  const id = name
    .toLowerCase()
    .split(/[\s:.,/()[\]]+/)
    .find((t) => ID_LIKE.test(t));
  if (id) return `contains what looks like an id ("${id}")`;
  if (tokens.every((t) => GENERIC.has(t) || /^\d+$/.test(t))) return 'says only what kind of thing it is';
  return null;
}

export const rule = defineRule(meta, (ctx, report) => {
  const seq = ctx.sequence;
  if (!seq) return [];
  if (seq.publicName === null) return [report('review', 'nameUnread', [])];
  const name = seq.publicName.trim();
  if (name === '') return [report('fail', 'notSet', [])];
  if (seq.name !== null && name.toLowerCase() === seq.name.trim().toLowerCase()) {
    return [report('fail', 'internalName', [], { name })];
  }
  const reason = plumbingReason(name);
  if (reason) return [report('fail', 'plumbing', [], { name, reason })];
  return [];
});
