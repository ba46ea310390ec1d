import { delayLengthMs } from '../time/timing';
import { plural } from './support';
import { defineRule, finding } from './types';

const meta = {
  id: 'pause-resets-delays',
  severity: 'warning',
  title: 'Pausing restarts delays',
  description:
    'This sequence has contacts in it and steps with a delay. Pausing it restarts the current delay from zero for everyone inside when it resumes.',
  fix: 'Avoid pausing a sequence with people in it; edit or deactivate individual steps instead.',
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx) => {
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
    return [
      finding(
        meta,
        'review',
        'Could not read how many contacts are in this sequence; if any are, pausing it restarts their delays from zero.',
        [],
      ),
    ];
  }
  if (delayed > 0) {
    return [
      finding(
        meta,
        'fail',
        `${plural(seq.subscribers, 'contact')} ${seq.subscribers === 1 ? 'is' : 'are'} in this sequence and ${plural(delayed, 'step has', 'steps have')} a delay: pausing restarts each person's current delay from zero.`,
        [],
      ),
    ];
  }
  if (unread > 0) {
    return [
      finding(
        meta,
        'review',
        `${plural(seq.subscribers, 'contact')} in this sequence; the delay of ${plural(unread, 'step')} could not be read, so pausing may restart delays.`,
        [],
      ),
    ];
  }
  return [];
});
