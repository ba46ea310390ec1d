import { plural } from './support';
import { defineRule, finding } from './types';

const meta = {
  id: 'editing-live-sequence',
  severity: 'warning',
  title: 'Editing a live sequence',
  description:
    'The sequence has contacts in it. Edits apply to people already inside, changing what they get next.',
  fix: 'Avoid editing while people are inside: clone the sequence, edit the clone, and move people across.',
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx) => {
  const seq = ctx.sequence;
  if (!seq) return [];
  if (seq.subscribers === null) {
    return [finding(meta, 'review', 'Could not read how many contacts are in this sequence.', [])];
  }
  if (seq.subscribers === 0) return [];
  return [
    finding(
      meta,
      'fail',
      `${plural(seq.subscribers, 'contact')} ${seq.subscribers === 1 ? 'is' : 'are'} in this sequence: every edit changes what they get next.`,
      [],
    ),
  ];
});
