import { plural } from './support';
import { defineRule } from './types';

const meta = {
  id: 'editing-live-sequence',
  severity: 'warning',
  title: 'Editing a live sequence',
  description:
    'The sequence has contacts in it. Edits apply to people already inside, changing what they get next.',
  fix: 'Avoid editing while people are inside: clone the sequence, edit the clone, and move people across.',
  messages: {
    liveContacts: '{{contacts}} {{are}} in this sequence: every edit changes what they get next.',
    contactsUnread: 'Could not read how many contacts are in this sequence.',
  },
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx, report) => {
  const seq = ctx.sequence;
  if (!seq) return [];
  if (seq.subscribers === null) return [report('review', 'contactsUnread', [])];
  if (seq.subscribers === 0) return [];
  const contacts = plural(seq.subscribers, 'contact');
  return [report('fail', 'liveContacts', [], { contacts, are: seq.subscribers === 1 ? 'is' : 'are' })];
});
