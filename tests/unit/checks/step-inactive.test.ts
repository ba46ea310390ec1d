import { rule } from '../../../lib/checks/step-inactive';
import type { Diagnostic } from '../../../lib/model/model';
import { chain, complete, email, goto, healthy, ruleTable, sequence, step, wait } from './model-builder';

/** What the reader notes of a card drawn greyed out with no "Inactive" label it reads. */
const drawnGreyedOut = (ref: string): Diagnostic => ({
  code: 'inactive-look-unread',
  where: `step ${ref}`,
  expected: 'the "Inactive" label on a step drawn greyed out',
  found: "drawn at 50% of the other steps' strength",
  step: ref,
});

ruleTable(rule, [
  {
    name: 'fires on an inactive step on the path',
    seq: healthy({ steps: [email('1'), email('2', { active: false, title: 'Last call' }), complete('3')] }),
    expect: [['fail', ['2'], 'inactive']],
    message: /^Step 2 · Send email "Last call" /,
  },
  { name: 'silent when every step is active', seq: healthy(), expect: [] },
  {
    name: 'fires on an inactive step reached only through a Go To',
    seq: sequence({
      steps: [email('1'), goto('2', 'A1'), step('A1', 'email', { active: false }), complete('A2')],
      connections: [...chain('start', '1', '2'), ...chain('A1', 'A2')],
    }),
    expect: [['fail', ['A1'], 'inactive']],
  },
  {
    name: 'silent on an inactive step nobody reaches (other rules report the island)',
    seq: sequence({
      steps: [email('1'), complete('2'), email('3', { active: false })],
      connections: chain('start', '1', '2'),
    }),
    expect: [],
  },
  {
    name: 'asks for review when an unseen tab may lead to the inactive step',
    seq: sequence({
      steps: [email('1', { delay: wait(1) }), complete('2'), email('A1', { active: false }), complete('A2')],
      connections: [...chain('start', '1', '2'), ...chain('A1', 'A2')],
      tabs: { all: ['Main', 'A', 'B'], seen: ['Main', 'A'] },
    }),
    expect: [['review', ['A1'], 'inactiveMaybeReached']],
  },
  {
    name: 'asks for review of an active step on the path drawn greyed out with no label it reads',
    seq: healthy({ diagnostics: [drawnGreyedOut('2')] }),
    expect: [['review', ['2'], 'looksInactive']],
  },
  {
    name: 'silent on a greyed-out step nobody reaches',
    seq: sequence({
      steps: [email('1'), complete('2'), email('3')],
      connections: chain('start', '1', '2'),
      diagnostics: [drawnGreyedOut('3')],
    }),
    expect: [],
  },
]);
