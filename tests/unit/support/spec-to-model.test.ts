import { describe, expect, it } from 'vitest';
import { listRowSchema, sequenceModelSchema } from '../../../lib/model/model';
import type { Severity } from '../../../lib/settings/settings';
import {
  type ExpectedFile,
  FIXTURE_AUDIT_TIME,
  fixtureNames,
  loadFixtures,
  readFixtureJson,
} from '../../fixtures/sequences/fixtures';
import { type EditorSpec, editorSpecSchema, listSpecSchema, parseSpec } from '../../replica/spec';
import { listSpecToRows, specAfterEdits, specToModel } from '../../support/spec-to-model';

const editor = (json: unknown): EditorSpec => editorSpecSchema.parse(json);

/** A small sequence with every field the converter treats specially. */
const sample = editor({
  id: '2231',
  name: 'Lead magnet follow-up',
  publicName: 'Free recipe pack',
  status: 'active',
  subscribers: 42,
  startingRules: [{ type: 'tag', label: 'Downloaded recipes' }],
  steps: [
    { ref: '1', kind: 'email', active: true, title: 'Your free recipe pack is here' },
    {
      ref: '2',
      kind: 'email',
      active: false,
      title: '',
      delay: { type: 'wait', days: 2 },
      window: { days: ['mon', 'fri'], from: '09:00', to: '17:00' },
      recipients: 'filtered',
      versions: [
        { name: 'A', percent: 70 },
        { name: 'B', percent: 30 },
      ],
    },
    {
      ref: '3',
      kind: 'split',
      active: true,
      title: 'Clicked  the\n link',
      delay: { type: 'date', at: '2030-12-24T10:00' },
    },
    { ref: '4', kind: 'tag', active: true, title: 'Tag buyers', action: 'add', target: 'Buyers' },
    { ref: '5', kind: 'goto', active: true, goto: 'B1' },
    { ref: 'B1', kind: 'sms', active: true, title: 'Doors close tonight' },
    { ref: 'B2', kind: 'complete', active: true },
    { ref: 'A1', kind: 'email', active: true, title: 'Orphan draft' },
  ],
  connections: [
    { from: 'start', to: '1' },
    { from: '1', to: '2' },
    { from: '2', to: '3' },
    { from: '3', to: '4', branch: 'yes' },
    { from: '3', to: '5', branch: 'no' },
    { from: 'B1', to: 'B2' },
  ],
});

const stepOf = (model: ReturnType<typeof specToModel>, ref: string) => {
  const step = model.steps.find((s) => s.ref === ref);
  if (!step) throw new Error(`no step ${ref} in the model`);
  return step;
};

describe('specToModel', () => {
  const model = specToModel(sample);

  it('produces a model the checks accept', () => {
    expect(sequenceModelSchema.safeParse(model).success).toBe(true);
  });

  it('keeps the toolbar facts and starting rules as the page shows them', () => {
    expect(model).toMatchObject({
      id: '2231',
      name: 'Lead magnet follow-up',
      publicName: 'Free recipe pack',
      status: 'active',
      subscribers: 42,
      startingRules: [{ type: 'tag', label: 'Downloaded recipes' }],
      diagnostics: [],
    });
  });

  it('puts numbered steps on Main and lettered steps on their tab, tabs listed Main first then by letter', () => {
    expect(model.steps.map((s) => [s.ref, s.tab])).toEqual([
      ['1', 'Main'],
      ['2', 'Main'],
      ['3', 'Main'],
      ['4', 'Main'],
      ['5', 'Main'],
      ['B1', 'B'],
      ['B2', 'B'],
      ['A1', 'A'],
    ]);
    expect(model.tabs).toEqual({ all: ['Main', 'A', 'B'], seen: ['Main', 'A', 'B'] });
  });

  it('reads a missing window as "any day, any time" and keeps a given one', () => {
    expect(stepOf(model, '1').window).toEqual({ type: 'any' });
    expect(stepOf(model, '2').window).toEqual({
      type: 'hours',
      days: ['mon', 'fri'],
      from: '09:00',
      to: '17:00',
    });
  });

  it('keeps delays, filling the defaults the builder shows', () => {
    expect(stepOf(model, '1').delay).toEqual({ type: 'immediate' });
    expect(stepOf(model, '2').delay).toEqual({ type: 'wait', days: 2, hours: 0 });
    expect(stepOf(model, '3').delay).toEqual({ type: 'date', at: '2030-12-24T10:00' });
  });

  it('keeps an empty email subject empty and collapses whitespace as read text does', () => {
    expect(stepOf(model, '2').title).toBe('');
    expect(stepOf(model, '3').title).toBe('Clicked the link');
    expect(stepOf(model, 'B2').title).toBe('');
  });

  it('gives messages their recipients (anyone by default) and other kinds none', () => {
    expect(stepOf(model, '1')).toMatchObject({
      recipients: 'anyone',
      recipientsText: 'Anyone reaching this step',
    });
    expect(stepOf(model, '2').recipients).toBe('filtered');
    expect(stepOf(model, '2').recipientsText).toMatch(/^Filtered/);
    expect(stepOf(model, 'B1').recipients).toBe('anyone');
    expect(stepOf(model, '4')).toMatchObject({ recipients: null, recipientsText: null });
  });

  it('carries versions, goto, action and target only where given, null or [] otherwise', () => {
    expect(stepOf(model, '2').versions).toEqual([
      { name: 'A', percent: 70 },
      { name: 'B', percent: 30 },
    ]);
    expect(stepOf(model, '1').versions).toEqual([]);
    expect(stepOf(model, '5')).toMatchObject({ goto: 'B1', action: null, target: null });
    expect(stepOf(model, '4')).toMatchObject({ goto: null, action: 'add', target: 'Buyers' });
    expect(stepOf(model, '1')).toMatchObject({ goto: null, action: null, target: null });
    expect(stepOf(model, '2').active).toBe(false);
  });

  it('keeps lines with their split branch, and no branch key on plain lines', () => {
    expect(model.connections).toContainEqual({ from: '3', to: '4', branch: 'yes' });
    expect(model.connections).toContainEqual({ from: 'start', to: '1' });
    expect(model.connections.find((c) => c.from === '1')).not.toHaveProperty('branch');
  });

  it('leaves out what was on tabs the reader did not see', () => {
    const partial = specToModel(sample, { tabsSeen: ['Main', 'A'] });
    expect(partial.tabs).toEqual({ all: ['Main', 'A', 'B'], seen: ['Main', 'A'] });
    expect(partial.steps.map((s) => s.ref)).not.toContain('B1');
    expect(partial.connections).not.toContainEqual({ from: 'B1', to: 'B2' });
    expect(partial.startingRules).toEqual([{ type: 'tag', label: 'Downloaded recipes' }]);

    const onlyB = specToModel(sample, { tabsSeen: ['B'] });
    expect(onlyB.startingRules).toBeNull();
    expect(onlyB.steps.map((s) => s.ref)).toEqual(['B1', 'B2']);
    expect(onlyB.connections).toEqual([{ from: 'B1', to: 'B2' }]);
    expect(sequenceModelSchema.safeParse(onlyB).success).toBe(true);
  });

  it('lists only Main for a sequence without sub-sequences', () => {
    const plain = specToModel(editor({ id: '9', name: 'x', status: 'paused', steps: [] }));
    expect(plain.tabs).toEqual({ all: ['Main'], seen: ['Main'] });
    expect(plain).toMatchObject({ publicName: '', status: 'paused', subscribers: 0, startingRules: [] });
  });
});

describe('listSpecToRows', () => {
  it('gives one row per sequence with its status and counts', () => {
    const rows = listSpecToRows(
      listSpecSchema.parse({
        page: 'list',
        sequences: [
          { id: '2231', name: 'Lead magnet follow-up', status: 'paused', subscribers: 42, completed: 7 },
          { id: '2240', name: 'Buyers', status: 'active' },
        ],
      }),
    );
    expect(rows).toEqual([
      { id: '2231', name: 'Lead magnet follow-up', status: 'paused', subscribers: 42, completed: 7 },
      { id: '2240', name: 'Buyers', status: 'active', subscribers: 0, completed: 0 },
    ]);
    for (const row of rows) expect(listRowSchema.safeParse(row).success).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// The fixture set: valid specs, one firing and one passing fixture per rule, and expectations
// that agree with what can be read straight off each spec.

/** The rule catalog (docs/rules/README.md): id and severity. */
const CATALOG: Record<string, Severity> = {
  'sequence-paused': 'error',
  'step-inactive': 'error',
  'step-not-connected': 'error',
  'start-not-connected': 'error',
  'no-starting-rule': 'info',
  'tag-rule-retest': 'info',
  'rules-not-retroactive': 'info',
  'fresh-test-address': 'info',
  'path-without-ending': 'warning',
  'step-numbers-not-order': 'info',
  'recipients-filtered': 'info',
  'public-name-weak': 'warning',
  'pause-resets-delays': 'warning',
  'editing-live-sequence': 'warning',
  'too-many-emails': 'info',
  'date-specific-step': 'warning',
  'date-in-past': 'error',
  'step-unreachable': 'error',
  'split-branch-open': 'error',
  'goto-target-missing': 'error',
  'instant-loop': 'error',
  'subsequence-never-entered': 'warning',
  'version-split-invalid': 'warning',
  'version-draft': 'info',
  'window-never-opens': 'error',
  'email-burst': 'warning',
  'email-no-subject': 'error',
  'changes-not-saved': 'warning',
  'complete-blocks-reentry': 'info',
  'date-step-reached-late': 'warning',
};

const fixtures = loadFixtures();
const editorFixtures = fixtures.filter((f) => f.page === 'editor');

const rulesIn = (expected: ExpectedFile) => new Set(expected.findings.map((f) => f.ruleId));
const stepsFor = (expected: ExpectedFile, ruleId: string) =>
  expected.findings
    .filter((f) => f.ruleId === ruleId)
    .flatMap((f) => f.steps)
    .sort();
const sorted = (refs: string[]) => [...refs].sort();

describe('fixture set', () => {
  it('has a fixture for every rule that fires and a near-identical one that passes', () => {
    for (const ruleId of Object.keys(CATALOG)) {
      const fires = fixtures.find((f) => f.name === `${ruleId}.fires`);
      const passes = fixtures.find((f) => f.name === `${ruleId}.passes`);
      expect(fires, `${ruleId}.fires.json`).toBeDefined();
      expect(passes, `${ruleId}.passes.json`).toBeDefined();
      expect(rulesIn(fires?.expected ?? { findings: [] }).has(ruleId), `${ruleId}.fires lists it`).toBe(true);
      expect(rulesIn(passes?.expected ?? { findings: [] }).has(ruleId), `${ruleId}.passes omits it`).toBe(
        false,
      );
    }
  });

  it('names each variant after a catalog rule and expects that rule only where the name says it fires', () => {
    for (const { name, expected } of fixtures) {
      if (name === 'launch-sequence') continue;
      const [ruleId] = name.split('.');
      expect(Object.keys(CATALOG), name).toContain(ruleId);
      // ".review": the page does not show enough, and the rule says so.
      expect(rulesIn(expected).has(ruleId as string), name).toBe(/\.(fires|review)$/.test(name));
    }
  });

  it('validates every fixture against the spec schema', () => {
    for (const name of fixtureNames()) {
      const json = readFixtureJson(name);
      const schema = (json as { page?: string }).page === 'list' ? listSpecSchema : editorSpecSchema;
      const result = schema.safeParse(json);
      expect(result.success, `${name}: ${result.error?.message}`).toBe(true);
    }
  });

  it('passes the replica’s own spec checks, so the replica can render every fixture', () => {
    for (const name of fixtureNames()) expect(() => parseSpec(readFixtureJson(name)), name).not.toThrow();
  });

  it('converts every editor fixture to a valid model and every list fixture to valid rows', () => {
    for (const fixture of fixtures) {
      if (fixture.page === 'editor') {
        const result = sequenceModelSchema.safeParse(specToModel(fixture.spec));
        expect(result.success, `${fixture.name}: ${result.error?.message}`).toBe(true);
      } else {
        for (const row of listSpecToRows(fixture.spec))
          expect(listRowSchema.safeParse(row).success).toBe(true);
      }
    }
  });

  it('uses each rule’s catalog severity, real step refs and the report’s finding shape', () => {
    for (const { name, page, spec, expected } of fixtures) {
      const refs = new Set(page === 'editor' ? spec.steps.map((s) => s.ref) : []);
      for (const finding of expected.findings) {
        expect(CATALOG[finding.ruleId], `${name}: ${finding.ruleId}`).toBe(finding.severity);
        for (const ref of finding.steps) {
          expect(ref === 'start' || refs.has(ref), `${name}: ${finding.ruleId} step ${ref}`).toBe(true);
        }
        // A finding is a review only on a ".review" fixture (the page shows too little to decide)
        // or where the fixture says its truth is uncertain ("a fixture whose truth is uncertain says so").
        if (finding.kind === 'review' && !name.endsWith('.review'))
          expect(spec.description ?? '', name).toMatch(/uncertain/);
      }
    }
  });

  it('expects on list pages only the paused rows, each named by its sequence id', () => {
    for (const fixture of fixtures) {
      if (fixture.page !== 'list') continue;
      const paused = fixture.spec.sequences.filter((s) => s.status === 'paused').map((s) => s.id);
      expect(fixture.expected.findings.map((f) => f.ruleId).every((id) => id === 'sequence-paused')).toBe(
        true,
      );
      expect(fixture.expected.findings.map((f) => f.sequenceId).sort(), fixture.name).toEqual(paused.sort());
    }
  });

  // The rules a spec shows directly (no graph walk): their expectations must match the spec exactly.
  it('expects the sequence-wide rules exactly where the spec shows their cause', () => {
    for (const fixture of editorFixtures) {
      if (fixture.page !== 'editor') continue;
      const { spec, expected, name } = fixture;
      const rules = rulesIn(expected);
      const hasWait = spec.steps.some((s) => s.delay.type === 'wait');
      expect(rules.has('sequence-paused'), name).toBe(spec.status === 'paused');
      expect(rules.has('editing-live-sequence'), name).toBe(spec.subscribers > 0);
      expect(rules.has('pause-resets-delays'), name).toBe(spec.subscribers > 0 && hasWait);
      expect(rules.has('no-starting-rule'), name).toBe(spec.startingRules.length === 0);
      expect(rules.has('rules-not-retroactive'), name).toBe(spec.startingRules.length > 0);
      expect(rules.has('tag-rule-retest'), name).toBe(spec.startingRules.some((r) => r.type === 'tag'));
      expect(rules.has('fresh-test-address'), name).toBe(true);
      expect(rules.has('start-not-connected'), name).toBe(!spec.connections.some((c) => c.from === 'start'));
      expect(rules.has('too-many-emails'), name).toBe(
        spec.steps.filter((s) => s.kind === 'email').length > 10,
      );
      const plumbing = /newsletter|list|sequence|test|copy|untitled|v2|\d/i;
      const weak =
        spec.publicName.trim() === '' ||
        spec.publicName.trim().toLowerCase() === spec.name.trim().toLowerCase() ||
        plumbing.test(spec.publicName);
      expect(rules.has('public-name-weak'), `${name}: "${spec.publicName}"`).toBe(weak);
    }
  });

  it('expects the per-step rules on exactly the steps whose card shows the cause', () => {
    // Fixtures audit in UTC; a date step is past once its reported 2-hour firing window closed.
    const windowClosedBy = new Date(FIXTURE_AUDIT_TIME.getTime() - 2 * 3_600_000).toISOString().slice(0, 16);
    for (const fixture of editorFixtures) {
      if (fixture.page !== 'editor') continue;
      const { expected, name } = fixture;
      // The cards as they show once the fixture's edits were made on the canvas.
      const spec = specAfterEdits(fixture.spec);
      const refs = new Set(spec.steps.map((s) => s.ref));
      const where = (pick: (s: EditorSpec['steps'][number]) => boolean) =>
        sorted(spec.steps.filter(pick).map((s) => s.ref));
      const outputs = new Set(spec.connections.map((c) => (c.branch ? `${c.from}:${c.branch}` : c.from)));
      const cases: [string, string[]][] = [
        ['step-inactive', where((s) => !s.active)],
        ['recipients-filtered', where((s) => s.kind === 'email' && s.recipients === 'filtered')],
        ['email-no-subject', where((s) => s.kind === 'email' && s.title.trim() === '')],
        ['date-specific-step', where((s) => s.delay.type === 'date')],
        ['date-in-past', where((s) => s.delay.type === 'date' && s.delay.at < windowClosedBy)],
        ['goto-target-missing', where((s) => s.kind === 'goto' && !refs.has(s.goto ?? ''))],
        [
          'split-branch-open',
          where((s) => s.kind === 'split' && !(outputs.has(`${s.ref}:yes`) && outputs.has(`${s.ref}:no`))),
        ],
        [
          'window-never-opens',
          // An end of 00:00 (12:00 AM) is midnight at the end of the day; an end before the start
          // (overnight) is listed too, as a review.
          where(
            (s) =>
              s.window !== null &&
              (s.window.days.length === 0 || (s.window.to !== '00:00' && s.window.to <= s.window.from)),
          ),
        ],
        [
          'version-split-invalid',
          where((s) => {
            const versions = s.versions ?? [];
            const total = versions.reduce((sum, v) => sum + v.percent, 0);
            return total > 100;
          }),
        ],
        ['version-draft', where((s) => (s.versions ?? []).some((v) => v.name !== 'A' && v.percent === 0))],
      ];
      for (const [ruleId, steps] of cases)
        expect(stepsFor(expected, ruleId), `${name}: ${ruleId}`).toEqual(steps);
    }
  });

  it('keeps every step connected in the fixtures that are not about connections', () => {
    const connectionRules = ['step-not-connected', 'start-not-connected', 'subsequence-never-entered'];
    for (const fixture of editorFixtures) {
      if (fixture.page !== 'editor') continue;
      const { spec, expected, name } = fixture;
      const entered = new Set([
        ...spec.connections.map((c) => c.to),
        // An inactive Go To is skipped: it leads nobody in.
        ...spec.steps.filter((s) => s.active).flatMap((s) => s.goto ?? []),
      ]);
      const headless = sorted(spec.steps.filter((s) => !entered.has(s.ref)).map((s) => s.ref));
      if (connectionRules.some((r) => rulesIn(expected).has(r))) {
        expect(headless.length, name).toBeGreaterThan(0);
        continue;
      }
      expect(headless, name).toEqual([]);
    }
  });

  it('lists an unentered sub-sequence as all of its steps', () => {
    for (const fixture of editorFixtures) {
      if (fixture.page !== 'editor') continue;
      for (const finding of fixture.expected.findings.filter(
        (f) => f.ruleId === 'subsequence-never-entered',
      )) {
        const letter = finding.steps[0]?.[0] ?? '';
        const tabSteps = fixture.spec.steps.filter((s) => s.ref.startsWith(letter)).map((s) => s.ref);
        expect(sorted(finding.steps), fixture.name).toEqual(sorted(tabSteps));
      }
    }
  });
});
