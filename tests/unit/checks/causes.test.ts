import { describe, expect, it } from 'vitest';
import { audit } from '../../../lib/audit/audit';
import { causeSentence, groupReviewsByCause } from '../../../lib/checks/causes';
import { kartraProfile } from '../../../lib/kartra/profile';
import type { KartraProfile } from '../../../lib/kartra/profile-types';
import { mergeOverride, validateProfileOverride } from '../../../lib/kartra/profile-validation';
import { teachWords } from '../../../lib/kartra/teach-words';
import { interpretScene } from '../../../lib/reader/interpret';
import { buildScene, type GenStep } from '../reader/scene-builder';

const URL = 'https://app.kartra.com/marketing/sequences/edit/12';
const NOW = new Date('2026-11-27T12:00:00Z');

/** Fourteen steps in a row, the last a Complete, each card's timing and window as given. */
function reportOf(
  profile: KartraProfile,
  timing: (i: number) => string,
  window = (_: number) => 'Any day, any time',
) {
  const steps: GenStep[] = Array.from({ length: 14 }, (_, i) => ({
    ref: String(i + 1),
    kind: i === 13 ? 'complete' : 'email',
  }));
  const lines = [
    { from: 'start', to: '1' },
    ...steps.slice(1).map((s, i) => ({ from: String(i + 1), to: s.ref })),
  ];
  const scene = buildScene(steps, lines, {
    orientation: 'horizontal',
    zoom: 1,
    scrollX: 0,
    scrollY: 0,
    columns: 5,
  });
  for (const [i, card] of scene.cards.entries()) {
    card.fields.timing = timing(i);
    card.fields.window = window(i);
  }
  const page = interpretScene(scene, profile, URL);
  return { page, report: audit(page, { now: NOW, tool: { name: 'test', version: '0' } }) };
}

const delayOf = (i: number) => `Delay of ${(i % 3) + 1} ${i % 3 === 0 ? 'day' : 'days'}`;

describe('reviews that rest on words this version does not read', () => {
  it('are one review per rule naming the words and the steps, not one per step per rule', () => {
    const { report } = reportOf(kartraProfile, delayOf);
    const dated = report.findings.filter((f) => f.ruleId === 'date-in-past');
    expect(dated).toHaveLength(1);
    expect(dated[0]?.kind).toBe('review');
    expect(dated[0]?.steps).toEqual(Array.from({ length: 14 }, (_, i) => String(i + 1)));
    expect(dated[0]?.message).toContain('not checked on 14 steps');
    expect(dated[0]?.message).toContain('"Delay of 1 day", "Delay of 2 days", "Delay of 3 days"');
    // Before: 28 per-step reviews from the two date rules alone.
    expect(report.counts.review).toBeLessThanOrEqual(5);
  });

  it('group across rules into one cause the popup shows as one item', () => {
    const { report } = reportOf(kartraProfile, delayOf, (i) => (i < 3 ? 'Whenever' : 'Any day, any time'));
    const { groups, rest } = groupReviewsByCause(report.findings);
    const sentences = groups.map(causeSentence);
    expect(sentences[0]).toMatch(/^14 steps show a timing this version does not read \("Delay of 1 day"/);
    expect(sentences).toContain('3 steps show a day-and-time window this version does not read ("Whenever")');
    const timing = groups.find((g) => g.cause.code === 'timing-unread');
    expect(new Set(timing?.findings.map((f) => f.ruleId))).toEqual(
      new Set(['date-in-past', 'date-specific-step']),
    );
    // A review of a run of messages names the messages, not the steps that show the words.
    expect(rest.map((f) => f.ruleId)).toContain('email-burst');
    expect(rest.every((f) => f.cause === undefined)).toBe(true);
  });

  it("one wording on one step stays the rule's own sentence", () => {
    const { report } = reportOf(kartraProfile, (i) => (i === 4 ? 'Delay of 2 days' : 'Wait 1 day'));
    const dated = report.findings.filter((f) => f.ruleId === 'date-in-past');
    expect(dated.map((f) => f.steps)).toEqual([['5']]);
    expect(dated[0]?.messageId).toBe('timingUnread');
    expect(dated[0]?.message).toContain('Step 5 ·');
    expect(dated[0]?.cause).toEqual({ code: 'timing-unread', shown: 'Delay of 2 days' });
  });

  it('are gone once the user teaches what the words mean, and the waits read as days', () => {
    const taught = teachWords(kartraProfile.words, 'Delay of 2 days', 'wait-days');
    if (!taught.ok) throw new Error(taught.problem);
    const checked = validateProfileOverride(mergeOverride({}, taught.override));
    if (!checked.ok) throw new Error(checked.problems.join('; '));
    const { page, report } = reportOf(checked.profile, delayOf);
    expect(report.findings.filter((f) => f.kind === 'review')).toEqual([]);
    if (page.kind !== 'editor') throw new Error(`read as ${page.kind}`);
    const steps = page.sequence.steps;
    expect(steps.slice(0, 3).map((s) => s.delay)).toEqual([
      { type: 'wait', days: 1, hours: 0 },
      { type: 'wait', days: 2, hours: 0 },
      { type: 'wait', days: 3, hours: 0 },
    ]);
  });
});
