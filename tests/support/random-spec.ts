import fc from 'fast-check';
import {
  type EditorSpec,
  parseSpec,
  SPEC_STEP_KINDS,
  type SpecConnection,
  type SpecStep,
  TERMINAL_KINDS,
} from '../replica/spec';

/**
 * Random but valid editor specs (fast-check), for property tests that render them: a Main tab
 * and sometimes sub-sequence tabs, every kind, active or not, lines that follow the steps in
 * order with some missing, and splits whose two outputs go to the next steps. `editorSpecArb` is
 * small (a Main tab of 1-7 steps, a tab A of 0-3); `corpusSpecArb` names steps as people do and
 * runs to 60 steps, for the generated corpus (tests/corpus/).
 */

const WORDS = ['Welcome', 'Last call', 'Buyers', 'Tips', 'Reminder', 'VIP', 'Webinar', ''];

/**
 * Titles as people write them: the step's own kind label ("Complete", "Send email"), numbers and
 * dates ("Top 10 tips", "2026", "Go to A1"), emoji, no title, and long ones.
 */
const HABITS = [
  'Send email',
  'Complete',
  'Unsubscribe from this sequence',
  'Tag',
  'Split',
  'Go To',
  'Top 10 tips',
  '2026',
  'Go to A1',
  'Step 3',
  'Dec 24 offer: 50% off',
  'Wait 2 days',
  '🎉 Launch day',
  '🔥🔥🔥',
  'Re: your question',
  'Day 1 of 5 — getting started',
  'A quick note before the webinar tomorrow at 10:00 AM (please read, it changes the schedule for everyone)',
  '',
];

const titleArb = (titles: readonly string[]) => fc.constantFrom(...titles);

const stepDraftArb = (titles: readonly string[]) =>
  fc.record({
    kind: fc.constantFrom(...SPEC_STEP_KINDS),
    active: fc.boolean(),
    title: titleArb(titles),
    wait: fc.option(fc.record({ days: fc.nat(5), hours: fc.nat(23) }), { nil: undefined }),
    weekdays: fc.boolean(),
    filtered: fc.boolean(),
    split: fc.boolean(),
    target: fc.constantFrom('Buyers', 'Leads', 'Newsletter'),
    /** Whether the line into this step is drawn (a missing line is what the auditor looks for). */
    linked: fc.double({ min: 0, max: 1, noNaN: true }),
  });
type StepDraft = ReturnType<typeof stepDraftArb> extends fc.Arbitrary<infer T> ? T : never;

function toStep(ref: string, draft: StepDraft, refs: string[]): SpecStep {
  const step: SpecStep = {
    ref,
    kind: draft.kind,
    active: draft.active,
    title: draft.title,
    delay: draft.wait ? { type: 'wait', ...draft.wait } : { type: 'immediate' },
    window: draft.weekdays ? { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' } : null,
  };
  if (draft.kind === 'email' || draft.kind === 'sms')
    step.recipients = draft.filtered ? 'filtered' : 'anyone';
  if (draft.kind === 'email' && draft.split)
    step.versions = [
      { name: 'A', percent: 50 },
      { name: 'B', percent: 50 },
    ];
  if (draft.kind === 'tag')
    Object.assign(step, { action: draft.filtered ? 'remove' : 'add', target: draft.target });
  if (draft.kind === 'list' || draft.kind === 'sequence')
    Object.assign(step, { action: draft.filtered ? 'unsubscribe' : 'subscribe', target: draft.target });
  if (draft.kind === 'goto') step.goto = refs[0] ?? ref;
  return step;
}

/** Lines along one tab's steps in order: each output to the next step, unless the draft drops it. */
function tabLines(steps: SpecStep[], drafts: StepDraft[], fromStart: boolean): SpecConnection[] {
  const lines: SpecConnection[] = [];
  const keep = (index: number) => (drafts[index]?.linked ?? 0) < 0.8;
  if (fromStart && steps[0] && keep(0)) lines.push({ from: 'start', to: steps[0].ref });
  steps.forEach((step, i) => {
    if (TERMINAL_KINDS.includes(step.kind)) return;
    const next = steps[i + 1];
    if (step.kind === 'split') {
      if (next && keep(i + 1)) lines.push({ from: step.ref, to: next.ref, branch: 'yes' });
      const other = steps[i + 2];
      if (other && keep(i + 2)) lines.push({ from: step.ref, to: other.ref, branch: 'no' });
    } else if (next && keep(i + 1)) lines.push({ from: step.ref, to: next.ref });
  });
  return lines;
}

interface SpecShape {
  titles: readonly string[];
  /** Steps on the Main tab; `long`: one spec in six has this many instead (fast-check keeps arrays short). */
  main: { minLength: number; maxLength: number; long?: { minLength: number; maxLength: number } };
  /** Sub-sequence tabs (A, B...) and the steps on each. */
  tabs: { maxLength: number; steps: { minLength: number; maxLength: number } };
}

function specArb(shape: SpecShape): fc.Arbitrary<EditorSpec> {
  const draft = stepDraftArb(shape.titles);
  return fc
    .record({
      id: fc.integer({ min: 100, max: 99_999 }),
      main: shape.main.long
        ? fc.oneof(
            { arbitrary: fc.array(draft, shape.main), weight: 5 },
            { arbitrary: fc.array(draft, { ...shape.main.long, size: 'max' }), weight: 1 },
          )
        : fc.array(draft, shape.main),
      tabs: fc.array(fc.array(draft, shape.tabs.steps), { maxLength: shape.tabs.maxLength }),
      paused: fc.boolean(),
      subscribers: fc.nat(500),
      rule: fc.boolean(),
    })
    .map(({ id, main, tabs, paused, subscribers, rule }) => {
      const subTabs = tabs.filter((steps) => steps.length > 0);
      const mainRefs = main.map((_, i) => String(i + 1));
      const tabRefs = subTabs.map((steps, t) =>
        steps.map((_, i) => `${String.fromCharCode(65 + t)}${i + 1}`),
      );
      const firstSub = tabRefs[0] ?? [];
      const mainSteps = main.map((d, i) =>
        toStep(mainRefs[i] as string, d, firstSub.length ? firstSub : mainRefs),
      );
      const subSteps = subTabs.map((steps, t) =>
        steps.map((d, i) => toStep(tabRefs[t]?.[i] as string, d, mainRefs)),
      );
      return parseSpec({
        id: String(id),
        name: `Random ${id}`,
        publicName: '',
        status: paused ? 'paused' : 'active',
        subscribers,
        startingRules: rule ? [{ type: 'tag', label: 'Signed up' }] : [],
        steps: [...mainSteps, ...subSteps.flat()],
        connections: [
          ...tabLines(mainSteps, main, true),
          ...subSteps.flatMap((steps, t) => tabLines(steps, subTabs[t] ?? [], false)),
        ],
      }) as EditorSpec;
    });
}

export const editorSpecArb: fc.Arbitrary<EditorSpec> = specArb({
  titles: WORDS,
  main: { minLength: 1, maxLength: 7 },
  tabs: { maxLength: 1, steps: { minLength: 0, maxLength: 3 } },
});

/** Sequences as people build and name them: 1 to 60 steps on Main, up to two sub-sequence tabs. */
export const corpusSpecArb: fc.Arbitrary<EditorSpec> = specArb({
  titles: [...HABITS, ...WORDS],
  main: { minLength: 1, maxLength: 20, long: { minLength: 21, maxLength: 60 } },
  tabs: { maxLength: 2, steps: { minLength: 1, maxLength: 6 } },
});
