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
 * of 1-7 steps and sometimes a tab A of 1-3, every kind, active or not, lines that follow the
 * steps in order with some missing, and splits whose two outputs go to the next steps.
 */

const WORDS = ['Welcome', 'Last call', 'Buyers', 'Tips', 'Reminder', 'VIP', 'Webinar', ''];

const stepDraft = fc.record({
  kind: fc.constantFrom(...SPEC_STEP_KINDS),
  active: fc.boolean(),
  title: fc.constantFrom(...WORDS),
  wait: fc.option(fc.record({ days: fc.nat(5), hours: fc.nat(23) }), { nil: undefined }),
  weekdays: fc.boolean(),
  filtered: fc.boolean(),
  split: fc.boolean(),
  target: fc.constantFrom('Buyers', 'Leads', 'Newsletter'),
  /** Whether the line into this step is drawn (a missing line is what the auditor looks for). */
  linked: fc.double({ min: 0, max: 1, noNaN: true }),
});
type StepDraft = typeof stepDraft extends fc.Arbitrary<infer T> ? T : never;

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

export const editorSpecArb: fc.Arbitrary<EditorSpec> = fc
  .record({
    id: fc.integer({ min: 100, max: 99_999 }),
    main: fc.array(stepDraft, { minLength: 1, maxLength: 7 }),
    tabA: fc.array(stepDraft, { maxLength: 3 }),
    paused: fc.boolean(),
    subscribers: fc.nat(500),
    rule: fc.boolean(),
  })
  .map(({ id, main, tabA, paused, subscribers, rule }) => {
    const mainRefs = main.map((_, i) => String(i + 1));
    const aRefs = tabA.map((_, i) => `A${i + 1}`);
    const mainSteps = main.map((draft, i) =>
      toStep(mainRefs[i] as string, draft, aRefs.length ? aRefs : mainRefs),
    );
    const aSteps = tabA.map((draft, i) => toStep(aRefs[i] as string, draft, mainRefs));
    return parseSpec({
      id: String(id),
      name: `Random ${id}`,
      publicName: '',
      status: paused ? 'paused' : 'active',
      subscribers,
      startingRules: rule ? [{ type: 'tag', label: 'Signed up' }] : [],
      steps: [...mainSteps, ...aSteps],
      connections: [...tabLines(mainSteps, main, true), ...tabLines(aSteps, tabA, false)],
    }) as EditorSpec;
  });
