import type { EditorSpec, SpecConnection, SpecStep } from '../../tests/replica/spec';

/**
 * Sequence specs of any size for the benchmark: every step kind, splits with side branches,
 * sub-sequences on tabs A and B (entered by Go To steps), inactive steps, waits, dates and
 * windows, texts like a real owner's. Positions are explicit on a grid so the replica's automatic
 * layout does not dominate the page's setup, and the same size always gives the same spec.
 */

const COLUMNS = 20;
const CELL = { x: 330, y: 260 };
/** The Starting Rules module sits at the top-left corner (the replica places it there). */
const ORIGIN = { x: 370, y: 40 };

const SUBJECTS = [
  'Welcome! Here is your free recipe pack',
  'Did you get a chance to look inside?',
  'The 3 mistakes that cost new owners money',
  'Quick question about your goals',
  'Case study: how Maria doubled her list',
  'Your checklist for the first week',
  'Last chance: the workshop starts tomorrow',
  'Doors close at midnight',
  'A short story about a failed launch',
  'Here is the replay you asked for',
  'Can I send you something useful?',
  'Your 20% discount is waiting',
  'What our members say after 30 days',
  'Behind the scenes of our best month',
  'Before you go: one last tip',
];
const SMS_TEXTS = [
  'Reminder: the live class starts in 1 hour',
  'Your download link is in your inbox',
  'Doors close tonight, reply STOP to opt out',
  'We are live now! Join here',
];
const TAGS = ['Clicked offer', 'Attended webinar', 'Hot lead', 'Downloaded guide', 'Buyer 2026'];
const LISTS = ['Newsletter', 'Workshop waitlist', 'VIP customers'];
const SEQUENCES = ['Post-purchase onboarding', 'Re-engagement', 'Webinar replay'];
const SPLITS = [
  'Opened the previous email?',
  'Has tag "Buyer 2026"?',
  'Clicked the sales page link?',
  'Subscribed to list "VIP customers"?',
];

const pick = <T>(items: readonly T[], i: number): T => items[i % items.length] as T;

function position(index: number, rowOffset: number): { x: number; y: number } {
  return {
    x: ORIGIN.x + (index % COLUMNS) * CELL.x,
    y: ORIGIN.y + (rowOffset + Math.floor(index / COLUMNS)) * CELL.y,
  };
}

/** The body of one step of a given kind; `i` varies texts, timings and windows. */
function stepOf(ref: string, kind: SpecStep['kind'], i: number, gotoTarget = 'A1'): SpecStep {
  const step: SpecStep = {
    ref,
    kind,
    // Every 29th step is switched off, as owners leave steps they are still writing.
    active: i % 29 !== 5,
    title: '',
    delay: { type: 'immediate' },
    window: null,
  };
  if (i % 3 === 1) step.delay = { type: 'wait', days: 1 + (i % 4), hours: i % 2 ? 0 : 6 };
  if (i % 97 === 11) step.delay = { type: 'date', at: `2031-0${1 + (i % 9)}-1${i % 10}T10:00` };
  if (i % 5 === 2) step.window = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' };
  switch (kind) {
    case 'email':
      step.title = `${pick(SUBJECTS, i)}${i >= SUBJECTS.length ? ` (part ${Math.floor(i / SUBJECTS.length) + 1})` : ''}`;
      step.recipients = i % 11 === 3 ? 'filtered' : 'anyone';
      if (i % 7 === 4)
        step.versions = [
          { name: 'A', percent: 50 },
          { name: 'B', percent: 50 },
        ];
      break;
    case 'sms':
      step.title = pick(SMS_TEXTS, i);
      step.recipients = 'anyone';
      break;
    case 'tag':
      step.title = 'Tag the contact';
      step.action = i % 4 === 0 ? 'remove' : 'add';
      step.target = pick(TAGS, i);
      break;
    case 'list':
      step.title = 'Update lists';
      step.action = 'subscribe';
      step.target = pick(LISTS, i);
      break;
    case 'sequence':
      step.title = 'Move to the next sequence';
      step.action = 'subscribe';
      step.target = pick(SEQUENCES, i);
      break;
    case 'split':
      step.title = pick(SPLITS, i);
      break;
    case 'goto':
      step.title = 'Jump';
      step.goto = gotoTarget;
      break;
    case 'complete':
      step.title = 'Sequence complete';
      break;
    case 'unsubscribe':
      step.title = 'Unsubscribe from this sequence';
      break;
  }
  return step;
}

/** The kinds along the main path, before splits are inserted: mostly emails, as real sequences. */
const TRUNK_KINDS: readonly SpecStep['kind'][] = [
  'email',
  'email',
  'tag',
  'email',
  'sms',
  'email',
  'email',
  'list',
  'email',
  'email',
  'sequence',
];
const SPLIT_EVERY = 12;

/**
 * One editor spec with `total` steps: about 94% on the Main tab (what the reader sees), the rest
 * on sub-sequence tabs A and B. The Main tab is a path with a split every twelve steps whose "No"
 * branch runs two steps to an ending (Sequence complete, Unsubscribe, or a Go To into A or B).
 */
export function generateSpec(total: number): EditorSpec {
  if (!Number.isInteger(total) || total < 20) throw new Error(`expected at least 20 steps (got ${total})`);
  const subCount = Math.max(4, Math.round(total * 0.06));
  const mainCount = total - subCount;
  const steps: SpecStep[] = [];
  const connections: SpecConnection[] = [];
  let ref = 0;
  const add = (kind: SpecStep['kind'], gotoTarget?: string): string => {
    ref++;
    const id = String(ref);
    steps.push({ ...stepOf(id, kind, ref, gotoTarget), ...position(ref - 1, 0) });
    return id;
  };
  const link = (from: string, to: string, branch?: 'yes' | 'no') =>
    connections.push(branch ? { from, to, branch } : { from, to });

  let prev = 'start';
  let branch: 'yes' | undefined;
  let trunk = 0;
  let endings = 0;
  while (ref < mainCount - 1) {
    const left = mainCount - ref;
    if (ref % SPLIT_EVERY === SPLIT_EVERY - 1 && left > 4) {
      const split = add('split');
      link(prev, split, branch);
      const side = add('email');
      link(split, side, 'no');
      const ending = pick(['complete', 'goto', 'unsubscribe', 'goto'] as const, endings);
      const end = add(ending, endings % 4 === 1 ? 'A1' : 'B1');
      endings++;
      link(side, end);
      prev = split;
      branch = 'yes';
      continue;
    }
    const step = add(pick(TRUNK_KINDS, trunk++));
    link(prev, step, branch);
    prev = step;
    branch = undefined;
  }
  link(prev, add('complete'), branch);

  // Sub-sequences: two short chains below the main grid's rows, on their own tabs.
  const mainRows = Math.ceil(mainCount / COLUMNS);
  const halves = [Math.ceil(subCount / 2), Math.floor(subCount / 2)];
  ['A', 'B'].forEach((letter, t) => {
    const count = halves[t] as number;
    for (let n = 1; n <= count; n++) {
      const id = `${letter}${n}`;
      const kind = n === count ? 'complete' : n % 3 === 0 ? 'sms' : 'email';
      steps.push({ ...stepOf(id, kind, n + t * 7), ...position(n - 1, mainRows + 1) });
      if (n > 1) link(`${letter}${n - 1}`, id);
    }
  });

  return {
    page: 'editor',
    id: `bench${total}`,
    name: `Launch ${total} steps`,
    publicName: 'Spring workshop launch',
    status: 'active',
    subscribers: 1342,
    startingRules: [
      { type: 'optin', label: 'Workshop signup form' },
      { type: 'tag', label: 'Webinar registrant' },
    ],
    steps,
    connections,
  };
}

/** How many of a spec's steps the builder shows on its Main tab (the reader's visible canvas). */
export function mainTabSteps(spec: EditorSpec): number {
  return spec.steps.filter((step) => /^\d/.test(step.ref)).length;
}
