import { delayLengthMs } from '../time/timing';
import { plural } from './support';
import { defineRule } from './types';

const meta = {
  id: 'pause-resets-delays',
  severity: 'warning',
  title: 'Pausing restarts delays',
  description:
    'This sequence has contacts in it and steps with a delay. Pausing it restarts the current delay from zero for everyone inside when it resumes.',
  fix: 'Avoid pausing a sequence with people in it; edit or deactivate individual steps instead.',
  messages: {
    delaysRestart:
      "{{contacts}} {{are}} in this sequence and {{delayed}} a delay: pausing restarts each person's current delay from zero.",
    delaysUnread:
      '{{contacts}} in this sequence; the delay of {{steps}} could not be read, so pausing may restart delays.',
    contactsUnread:
      'Could not read how many contacts are in this sequence; if any are, pausing it restarts their delays from zero.',
  },
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx, report) => {
  const seq = ctx.sequence;
  if (!seq) return [];
  let delayed = 0;
  let unread = 0;
  for (const step of ctx.graph.steps) {
    if (step.delay === null) unread++;
    else if (step.delay.type === 'date' || (delayLengthMs(step.delay) ?? 0) > 0) delayed++;
  }
  if (seq.subscribers === 0) return [];
  if (seq.subscribers === null) {
    if (delayed === 0 && unread === 0) return [];
    return [report('review', 'contactsUnread', [])];
  }
  const contacts = plural(seq.subscribers, 'contact');
  if (delayed > 0) {
    return [
      report('fail', 'delaysRestart', [], {
        contacts,
        are: seq.subscribers === 1 ? 'is' : 'are',
        delayed: plural(delayed, 'step has', 'steps have'),
      }),
    ];
  }
  if (unread > 0) return [report('review', 'delaysUnread', [], { contacts, steps: plural(unread, 'step') })];
  return [];
});
