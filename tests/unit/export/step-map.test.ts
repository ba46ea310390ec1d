import { describe, expect, it } from 'vitest';
import { audit } from '../../../lib/audit/audit';
import type { Report } from '../../../lib/audit/report';
import {
  renderStepMapCsv,
  renderStepMapMarkdown,
  type StepMapRow,
  stepMapFileName,
  stepMapRows,
} from '../../../lib/export/step-map';
import {
  compareStepMaps,
  type LastStepMap,
  type StepPrint,
  sinceLastAudit,
  stepPrints,
} from '../../../lib/export/step-map-since';
import type { PageModel, SequenceModel } from '../../../lib/model/model';
import { defaultSettings } from '../../../lib/settings/settings';
import { withTimeline } from '../../../lib/timeline/report-timeline';
import { FORMULA_STARTERS, HOSTILE_STRINGS } from '../../fixtures/hostile/strings';
import { FIXTURE_AUDIT_TIME, loadEditorSpec } from '../../fixtures/sequences/fixtures';
import type { EditorSpec } from '../../replica/spec';
import { withStepDeleted } from '../../support/delete-step';
import { parseCsv } from '../../support/parse-csv';
import { type SpecToModelOptions, specToModel } from '../../support/spec-to-model';

const TOOL = { name: 'Kartra Sequence Auditor', version: '0.1.0' };
/** No earlier audit of the sequence in the history. */
const FIRST: LastStepMap = { at: null };
const LAST_AUDIT = '2026-11-20T09:30:00.000Z';

/** The report (with its timeline, as the popup asks for it) and the model of one audit. */
function audited(sequence: SequenceModel): { report: Report; sequence: SequenceModel } {
  const page: PageModel = {
    kind: 'editor',
    url: `https://app.kartra.com/marketing/sequences/edit/${sequence.id}`,
    sequence,
  };
  const settings = defaultSettings();
  const report = audit(page, { now: FIXTURE_AUDIT_TIME, tool: TOOL, settings, timeZone: 'UTC' });
  return { report: withTimeline(report, page, settings, 'UTC'), sequence };
}

const auditedSpec = (spec: EditorSpec, options?: SpecToModelOptions) => audited(specToModel(spec, options));

function fixture(name: string, options?: SpecToModelOptions) {
  return auditedSpec(loadEditorSpec(name), options);
}

/** box → [tab, position, runs]: what someone wiring an integration reads off the map. */
function byBox(rows: readonly StepMapRow[]): Record<string, [string, number | null, string]> {
  return Object.fromEntries(rows.map((row) => [row.box, [row.tab, row.position, row.runs]]));
}

describe('stepMapRows on the launch sequence', () => {
  const { report, sequence } = fixture('launch-sequence');
  const rows = stepMapRows(report, sequence);

  it('lists every card by box number, Main first, then each sub-sequence tab', () => {
    expect(rows.map((row) => row.box)).toEqual([
      ...['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13'],
      ...['A1', 'A2', 'A3'],
    ]);
    expect(rows.filter((row) => row.tab === 'A').map((row) => row.box)).toEqual(['A1', 'A2', 'A3']);
    expect(rows.filter((row) => row.tab === 'Main')).toHaveLength(13);
  });

  it('gives the run order position a contact meets each step in, and whether it runs', () => {
    // Buyers jump from 7 into tab A before the No branch (8 onwards) is walked.
    expect(byBox(rows)).toEqual({
      '1': ['Main', 1, 'yes'],
      '2': ['Main', 2, 'yes'],
      '3': ['Main', 3, 'yes'],
      '4': ['Main', 4, 'yes'],
      '5': ['Main', 5, 'yes'],
      '6': ['Main', 6, 'yes'],
      '7': ['Main', 7, 'yes'],
      A1: ['A', 8, 'yes'],
      A2: ['A', 9, 'yes'],
      A3: ['A', 10, 'yes'],
      '8': ['Main', 11, 'no: inactive'],
      '9': ['Main', 12, 'yes'],
      '10': ['Main', 13, 'yes'],
      '11': ['Main', 14, 'yes'],
      '12': ['Main', 15, 'yes'],
      // The replay email whose line in was never drawn.
      '13': ['Main', null, 'no: not reachable'],
    });
  });

  it("agrees with the popup's real order", () => {
    const ordered = rows
      .filter((row) => row.position !== null)
      .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
      .map((row) => row.box);
    expect(ordered).toEqual(report.runOrder);
  });

  it("names the kind as the builder's palette does and keeps the title as text", () => {
    const row = (box: string) => rows.find((r) => r.box === box);
    expect(row('4')).toMatchObject({
      kind: 'Send SMS',
      title: 'Doors open tomorrow at 9 AM. Watch your inbox!',
    });
    expect(row('6')).toMatchObject({ kind: 'Split', title: 'Has tag: Bought Spring Cohort' });
    expect(row('7')).toMatchObject({ kind: 'Go To', title: 'Start buyer onboarding' });
    expect(row('A3')).toMatchObject({ kind: 'Complete', title: 'Buyer onboarding finished' });
  });
});

describe('stepMapRows never claims what was not read', () => {
  it('a step no path seen reaches may still run while a tab is unopened', () => {
    const { report, sequence } = fixture('launch-sequence', { tabsSeen: ['Main'] });
    const rows = byBox(stepMapRows(report, sequence));
    expect(Object.keys(rows)).not.toContain('A1');
    expect(rows['13']).toEqual(['Main', null, "can't tell: tab A not opened yet"]);
    // What was read still counts: step 8 is on the path and inactive.
    expect(rows['8']).toEqual(['Main', 8, 'no: inactive']);
  });

  it('an island of steps with no way in from Starting Rules does not run', () => {
    const { report, sequence } = fixture('step-unreachable.fires');
    expect(byBox(stepMapRows(report, sequence))).toEqual({
      '1': ['Main', 1, 'yes'],
      '2': ['Main', null, 'no: not reachable'],
      '3': ['Main', null, 'no: not reachable'],
      '4': ['Main', 2, 'yes'],
      '5': ['Main', 3, 'yes'],
    });
  });

  it('two cards showing one number get no position and no verdict', () => {
    const base = specToModel(loadEditorSpec('step-unreachable.fires'));
    const copy = { ...(base.steps[1] as SequenceModel['steps'][number]), title: 'Second card numbered 2' };
    const { report, sequence } = audited({ ...base, steps: [...base.steps, copy] });
    const twos = stepMapRows(report, sequence).filter((row) => row.box === '2');
    expect(twos.map((row) => [row.title, row.position, row.runs])).toEqual([
      ['The question every hiring manager asks', null, "can't tell: 2 cards show the number 2"],
      ['Second card numbered 2', null, "can't tell: 2 cards show the number 2"],
    ]);
  });

  it('an Inactive label it could not read leaves whether the step runs open; an unknown kind says so', () => {
    const base = specToModel(loadEditorSpec('step-unreachable.fires'));
    const steps = base.steps.map((step) => (step.ref === '4' ? { ...step, kind: 'unknown' as const } : step));
    const { report, sequence } = audited({
      ...base,
      steps,
      diagnostics: [
        {
          code: 'inactive-label-unknown',
          where: 'step 1',
          expected: 'the "Inactive" label',
          found: '"Paused"',
          step: '1',
        },
      ],
    });
    const rows = stepMapRows(report, sequence);
    expect(rows.find((row) => row.box === '1')?.runs).toBe("can't tell: whether it is active was not read");
    expect(rows.find((row) => row.box === '4')).toMatchObject({ kind: 'not read', runs: 'yes' });
  });

  it('without the report saying the whole flow was read, an unreached step is not called unreachable', () => {
    const { report, sequence } = fixture('step-unreachable.fires');
    const { timeline: _timeline, ...withoutTimeline } = report;
    const rows = byBox(stepMapRows(withoutTimeline, sequence));
    expect(rows['2']?.[2]).toMatch(/^can't tell: /);
    expect(rows['1']).toEqual(['Main', 1, 'yes']);
  });
});

describe('renderStepMapCsv', () => {
  const { report, sequence } = fixture('launch-sequence');

  it('writes the header and one row per step, with the sequence id and provenance', () => {
    const [header, ...rows] = parseCsv(renderStepMapCsv(report, sequence, FIRST));
    expect(header?.join(',')).toBe(
      'box,tab,kind,title,position,runs,sequenceId,tool,generatedAt,sinceLastAudit',
    );
    expect(rows).toHaveLength(16);
    expect(rows.find((row) => row[0] === '8')).toEqual([
      '8',
      'Main',
      'Send email',
      'Last call: doors close tonight',
      '11',
      'no: inactive',
      '4410',
      'Kartra Sequence Auditor 0.1.0',
      FIXTURE_AUDIT_TIME.toISOString(),
      // The first audit: nothing to compare with.
      '',
    ]);
    expect(rows.find((row) => row[0] === '13')?.slice(4, 6)).toEqual(['', 'no: not reachable']);
  });

  it('keeps hostile titles as inert text: no formula runs, no row breaks, nothing lost', () => {
    const base = specToModel(loadEditorSpec('launch-sequence'));
    const steps = base.steps.map((step, index) => ({
      ...step,
      title: HOSTILE_STRINGS[index % HOSTILE_STRINGS.length] ?? '',
    }));
    const hostile = audited({ ...base, steps });
    const [, ...rows] = parseCsv(renderStepMapCsv(hostile.report, hostile.sequence, FIRST));
    expect(rows).toHaveLength(steps.length);
    for (const row of rows) {
      expect(row).toHaveLength(10);
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    const titles = rows.map((row) => row[3]);
    for (const formula of FORMULA_STARTERS) expect(titles).toContain(`'${formula}`);
    expect(titles).toContain('<script>window.__pwned=1</script>');
    // Bidi overrides and control characters never reach the file.
    expect(titles.join('')).not.toMatch(/[\u202A-\u202E\u2066-\u2069]|\p{Cc}/u);
  });
});

/** A table row's cells, split on the pipes that are not escaped. */
function tableCells(line: string): string[] {
  return line.replace(/\\./g, '__').split('|').slice(1, -1);
}

describe('renderStepMapMarkdown', () => {
  it('is a table of every step with its box, tab, kind, title, position and whether it runs', () => {
    const { report, sequence } = fixture('launch-sequence');
    const markdown = renderStepMapMarkdown(report, sequence, FIRST);
    expect(markdown.split('\n')[0]).toBe('# Kartra step map: Spring cohort launch');
    expect(markdown).toContain('- Sequence id: `4410`');
    expect(markdown).toContain(
      '| 8 | Main | Send email | Last call: doors close tonight | 11 | no: inactive |',
    );
    expect(markdown).toContain(
      '| A1 | A | Send email | Welcome to the Spring Cohort! Start here | 8 | yes |',
    );
    expect(markdown).toContain(
      '| 13 | Main | Send email | Replay: the free training is up for 48 hours |  | no: not reachable |',
    );
    expect(markdown).not.toContain('Not listed');
  });

  it('says which steps it could not list', () => {
    const spec = loadEditorSpec('launch-sequence');
    const base = specToModel(spec, { tabsSeen: ['Main'] });
    const { report, sequence } = audited({
      ...base,
      diagnostics: [{ code: 'step-number-missing', where: 'card 3', expected: "the step's number bubble" }],
    });
    const markdown = renderStepMapMarkdown(report, sequence, FIRST);
    expect(markdown).toContain('> Not listed: the steps of tab A, not opened yet.');
    expect(markdown).toContain('> Not listed: 1 card whose number bubble could not be read');
  });

  it('escapes hostile titles so each stays text in its own cell', () => {
    const base = specToModel(loadEditorSpec('launch-sequence'));
    const steps = base.steps.map((step, index) => ({
      ...step,
      title: HOSTILE_STRINGS[index % HOSTILE_STRINGS.length] ?? '',
    }));
    const { report, sequence } = audited({ ...base, steps });
    const markdown = renderStepMapMarkdown(report, sequence, FIRST);
    const tableLines = markdown.split('\n').filter((line) => line.startsWith('| '));
    // The header, its rule and one line per step: no title broke out of its row or added one.
    expect(tableLines).toHaveLength(2 + steps.length);
    for (const line of tableLines) expect(tableCells(line)).toHaveLength(6);
    // Markup only as escaped text ("\\<script"), never as a tag a renderer would parse.
    expect(markdown).not.toMatch(/(^|[^\\])<(script|img|svg)/im);
    expect(markdown).not.toMatch(/(^|[^\\])\]\(javascript:/m);
  });
});

describe('stepMapFileName', () => {
  it('names the file by sequence id and the report day', () => {
    const { report } = fixture('launch-sequence');
    expect(stepMapFileName(report, 'csv')).toBe('kartra-step-map-4410-2026-11-27.csv');
    expect(stepMapFileName(report, 'md')).toBe('kartra-step-map-4410-2026-11-27.md');
  });

  it('keeps page text that is not an id out of the name', () => {
    const { report } = fixture('launch-sequence');
    const odd = { ...report, sequence: report.sequence && { ...report.sequence, id: '../../x y' } };
    expect(stepMapFileName(odd, 'csv')).toBe('kartra-step-map-x-y-2026-11-27.csv');
    expect(stepMapFileName({ ...report, sequence: null }, 'md')).toBe(
      'kartra-step-map-sequence-2026-11-27.md',
    );
  });
});

/** What the history kept of an audit of `spec`: its step map as prints, made at LAST_AUDIT. */
function lastAuditOf(spec: EditorSpec): LastStepMap {
  const { report, sequence } = auditedSpec(spec);
  const made = stepPrints(report, sequence);
  if (!('prints' in made)) throw new Error(made.reason);
  return { at: LAST_AUDIT, prints: made.prints };
}

const print = (box: string, title: string, kind: StepPrint[1] = 'email'): StepPrint => [box, kind, title];
const verdicts = (now: StepPrint[], then: StepPrint[]) => {
  const { byBox, missing } = compareStepMaps(now, then);
  return { byBox: Object.fromEntries(byBox), missing: missing.map(({ box, since }) => [box, since]) };
};

describe('compareStepMaps, box by box by kind and title', () => {
  it('says which boxes hold what they held, which steps moved to another number, which are new and which are missing', () => {
    const then = [
      print('1', 'welcome'),
      print('2', 'reminder'),
      print('3', 'offer'),
      print('4', 'done', 'complete'),
    ];
    const now = [
      print('1', 'welcome'),
      print('2', 'offer'),
      print('3', 'done', 'complete'),
      print('4', 'bonus'),
    ];
    expect(verdicts(now, then)).toEqual({
      byBox: { '1': 'same', '2': 'renumbered from 3', '3': 'renumbered from 4', '4': 'new' },
      missing: [['2', 'deleted']],
    });
  });

  it('tells steps apart by kind as well as title', () => {
    const then = [print('1', 'Buyers', 'tag')];
    const now = [print('1', 'Buyers', 'list')];
    expect(verdicts(now, then)).toEqual({ byBox: { '1': 'new' }, missing: [['1', 'deleted']] });
  });

  it('a step that moved to another tab is renumbered from its old box', () => {
    expect(verdicts([print('5', 'onboarding')], [print('A1', 'onboarding')])).toEqual({
      byBox: { '5': 'renumbered from A1' },
      missing: [],
    });
  });

  it('says it cannot tell when steps share a kind and title and one of them moved, rather than guess', () => {
    const then = [print('1', 'Reminder'), print('2', 'x'), print('3', 'Reminder')];
    const now = [print('1', 'Reminder'), print('2', 'Reminder')];
    expect(verdicts(now, then)).toEqual({
      byBox: { '1': 'same', '2': "can't tell: 2 steps share this kind and title" },
      missing: [
        ['2', 'deleted'],
        ['3', "can't tell: 2 steps share this kind and title"],
      ],
    });
  });

  it('repeated titles that stayed in their boxes are the same, and one more of them is new', () => {
    const then = [print('1', 'Reminder'), print('2', 'Reminder')];
    const now = [print('1', 'Reminder'), print('2', 'Reminder'), print('3', 'Reminder')];
    expect(verdicts(now, then)).toEqual({ byBox: { '1': 'same', '2': 'same', '3': 'new' }, missing: [] });
  });
});

describe('stepPrints: only a map read whole is compared', () => {
  const spec = loadEditorSpec('launch-sequence');

  it('keeps each box with its kind and a fingerprint of its title, not the title', () => {
    const { report, sequence } = auditedSpec(spec);
    const made = stepPrints(report, sequence);
    expect('prints' in made && made.prints.map(([box, kind]) => `${box} ${kind}`)).toContain('8 email');
    expect(JSON.stringify(made)).not.toContain('doors close');
    // Eleven characters at most, whatever the title's length.
    const long = { ...sequence, steps: sequence.steps.map((s) => ({ ...s, title: 'x'.repeat(100_000) })) };
    const longMade = stepPrints(report, long);
    expect(
      'prints' in longMade && Math.max(...longMade.prints.map(([, , t]) => t.length)),
    ).toBeLessThanOrEqual(11);
  });

  it('says why an audit cannot be compared: a tab not opened, a number or kind not read, a number on two cards', () => {
    const partly = auditedSpec(spec, { tabsSeen: ['Main'] });
    expect(stepPrints(partly.report, partly.sequence)).toEqual({ reason: 'not every tab was opened' });

    const { report, sequence } = auditedSpec(spec);
    const unknown = {
      ...sequence,
      steps: sequence.steps.map((s) => (s.ref === '4' ? { ...s, kind: 'unknown' as const } : s)),
    };
    expect(stepPrints(report, unknown)).toEqual({ reason: 'the kind of step 4 was not read' });
    const unnumbered = {
      ...sequence,
      diagnostics: [
        { code: 'step-number-missing' as const, where: 'card 3', expected: "the step's number bubble" },
      ],
    };
    expect(stepPrints(report, unnumbered)).toEqual({ reason: "not every card's number bubble was read" });
    const twice = {
      ...sequence,
      steps: [...sequence.steps, { ...(sequence.steps[1] as SequenceModel['steps'][number]) }],
    };
    expect(stepPrints(report, twice)).toEqual({ reason: 'more than one card shows the number 2' });
  });
});

describe('sinceLastAudit', () => {
  const spec = loadEditorSpec('step-inactive.fires');
  const { report, sequence } = auditedSpec(spec);

  it('compares only with an earlier audit that kept its map, and only an audit read whole', () => {
    expect(sinceLastAudit(report, sequence, { at: null })).toEqual({
      at: null,
      reason: 'no earlier audit of this sequence that opened every tab is kept in this browser',
    });
    expect(sinceLastAudit(report, sequence, { at: LAST_AUDIT, prints: null })).toMatchObject({
      at: null,
      reason: expect.stringMatching(/^the last audit \(2026-11-20 09:30 UTC\) kept no step map/),
    });
    const launch = loadEditorSpec('launch-sequence');
    const partly = auditedSpec(launch, { tabsSeen: ['Main'] });
    expect(sinceLastAudit(partly.report, partly.sequence, lastAuditOf(launch))).toEqual({
      at: null,
      reason: 'in this audit, not every tab was opened',
    });
  });
});

describe('the step map since the last audit', () => {
  // Step 2 deleted: steps 3 and 4 are now boxes 2 and 3.
  const spec = loadEditorSpec('step-inactive.fires');
  const last = lastAuditOf(spec);
  const { report, sequence } = auditedSpec(withStepDeleted(spec, '2'));

  it('CSV: each box says how it compares in the last column, and the deleted box follows with no position', () => {
    const [header, ...rows] = parseCsv(renderStepMapCsv(report, sequence, last));
    expect(header?.at(-1)).toBe('sinceLastAudit');
    expect(rows.map((row) => [row[0], row[2], row[4], row.at(-1)])).toEqual([
      ['1', 'Send email', '1', 'same'],
      ['2', 'Send email', '2', 'renumbered from 3'],
      ['3', 'Complete', '3', 'renumbered from 4'],
      ['2', 'Send email', '', 'deleted'],
    ]);
    // What is known of a deleted step: its box, tab and kind, and where the row is from.
    expect(rows.at(-1)?.slice(0, 9)).toEqual([
      '2',
      'Main',
      'Send email',
      '',
      '',
      '',
      spec.id,
      'Kartra Sequence Auditor 0.1.0',
      FIXTURE_AUDIT_TIME.toISOString(),
    ]);
  });

  it('Markdown: says which audit it compared with, adds the column and lists the deleted boxes apart', () => {
    const markdown = renderStepMapMarkdown(report, sequence, last);
    expect(markdown).toContain('- Since last audit: compared with the audit of 2026-11-20 09:30 UTC');
    expect(markdown).toContain('| Box | Tab | Kind | Title | Run order | Runs | Since last audit |');
    expect(markdown).toContain(
      '| 2 | Main | Send email | Your bonus workbook (and one last tip) | 2 | yes | renumbered from 3 |',
    );
    const missing = markdown.slice(markdown.indexOf('## Boxes of the last audit not found'));
    expect(missing).toContain('| 2 | Main | Send email | deleted |');
  });

  it('says why it did not compare, and then has no comparison column', () => {
    const markdown = renderStepMapMarkdown(report, sequence, { at: null });
    expect(markdown).toContain(
      '- Since last audit: not compared: no earlier audit of this sequence that opened every tab is kept in this browser.',
    );
    expect(markdown).not.toContain('Since last audit |');
    expect(markdown).not.toContain('## Boxes of the last audit');
    const [, ...rows] = parseCsv(renderStepMapCsv(report, sequence, { at: null }));
    expect(rows.map((row) => row.at(-1))).toEqual(['', '', '']);
  });

  it('keeps hostile titles in their own cells with the comparison column', () => {
    const hostile = (s: EditorSpec) => ({
      ...s,
      steps: s.steps.map((step, index) => ({
        ...step,
        title: HOSTILE_STRINGS[index % HOSTILE_STRINGS.length] ?? '',
      })),
    });
    const launch = hostile(loadEditorSpec('launch-sequence'));
    const now = auditedSpec(withStepDeleted(launch, '3'));
    const markdown = renderStepMapMarkdown(now.report, now.sequence, lastAuditOf(launch));
    expect(markdown).toContain('## Boxes of the last audit not found');
    const tableLines = markdown.split('\n').filter((line) => line.startsWith('| '));
    // The main table's 7 columns, the boxes not found's 4: no title broke out of its cell.
    for (const line of tableLines) expect([7, 4]).toContain(tableCells(line).length);
    expect(markdown).not.toMatch(/(^|[^\\])<(script|img|svg)/im);
  });
});
