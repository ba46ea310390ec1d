import type { Finding, Report } from '../../../lib/audit/report';
import { validateReport } from '../../../lib/audit/report';

/** Realistic reports, as the extension writes them, for the export tests. Each is schema-checked. */

const base = {
  schemaVersion: 1,
  tool: { name: 'Kartra Sequence Auditor', version: '0.1.0' },
  generatedAt: '2026-11-27T12:00:00.000Z',
  timing: { readMs: 3.1, checkMs: 0.4, renderMs: 1.2 },
} as const;

export const editorFindings: Finding[] = [
  {
    ruleId: 'sequence-paused',
    messageId: 'fixture',
    severity: 'error',
    kind: 'fail',
    message:
      'This sequence is paused: the green ▶ in the toolbar means "activate", so nothing is being sent.',
    fix: 'Press the green ▶ (Activate sequence) to run it. Remember: ⏸ means running, green ▶ means paused.',
    steps: [],
  },
  {
    ruleId: 'step-inactive',
    messageId: 'fixture',
    severity: 'error',
    kind: 'fail',
    message: 'Step 3 · Send email "Last call" is inactive, so contacts skip it.',
    fix: "Open the step's ⋮ menu and choose Activate, or delete the step if it is not needed.",
    steps: ['3'],
  },
  {
    ruleId: 'email-burst',
    messageId: 'fixture',
    severity: 'warning',
    kind: 'fail',
    message:
      'Step 1 · Send email "Welcome" and Step 2 · Send email "Your recipes" reach a contact at the same moment.',
    fix: 'Add a delay to step 2.',
    steps: ['1', '2'],
  },
  {
    ruleId: 'fresh-test-address',
    messageId: 'fixture',
    severity: 'info',
    kind: 'fail',
    message:
      'A contact can be in a sequence only once: test with a fresh address such as you+test1@example.com.',
    fix: 'Use a new plus-addressed e-mail for every test run.',
    steps: [],
  },
  {
    ruleId: 'tag-rule-retest',
    messageId: 'fixture',
    severity: 'info',
    kind: 'fail',
    message: 'Starting rule "Downloaded recipes" is a tag rule.',
    fix: 'When re-testing with the same contact, remove the tag and apply it again.',
    steps: ['start'],
  },
  {
    ruleId: 'subsequence-never-entered',
    messageId: 'fixture',
    severity: 'warning',
    kind: 'review',
    message: 'Tab B was not opened, so whether anyone enters sub-sequence B could not be checked.',
    fix: 'Open tab B in the builder to audit it.',
    steps: ['B1', 'B2'],
  },
];

export const editorReport: Report = validateReport({
  ...base,
  page: { url: 'https://app.kartra.com/marketing/sequences/edit/2231', kind: 'editor' },
  sequence: {
    id: '2231',
    name: 'Lead magnet follow-up',
    publicName: 'Free recipe pack',
    status: 'paused',
    subscribers: 42,
  },
  findings: editorFindings,
  runOrder: ['1', '3', '2'],
  counts: { error: 2, warning: 1, info: 2, review: 1 },
  coverage: {
    tabsAudited: ['Main', 'A'],
    tabsNotSeen: ['B'],
    notes: ['Tab B was not opened during this visit.'],
  },
});

export const listReport: Report = validateReport({
  ...base,
  page: { url: 'https://app.kartra.com/marketing/sequences', kind: 'list' },
  sequence: null,
  findings: [
    {
      ruleId: 'sequence-paused',
      messageId: 'fixture',
      severity: 'error',
      kind: 'fail',
      message: 'Sequence "Black Friday" is paused: its green ▶ means "activate", so nothing is being sent.',
      fix: 'Press the green ▶ (Activate sequence) to run it.',
      steps: [],
      sequenceId: '3120',
    },
    {
      ruleId: 'sequence-paused',
      messageId: 'fixture',
      severity: 'error',
      kind: 'review',
      message: 'Could not read whether sequence "Onboarding" is running or paused.',
      fix: 'Press the green ▶ (Activate sequence) to run it.',
      steps: [],
      sequenceId: '2231',
    },
  ],
  runOrder: [],
  counts: { error: 1, warning: 0, info: 0, review: 1 },
  coverage: { tabsAudited: [], tabsNotSeen: [], notes: [] },
});

export const unrecognisedReport: Report = validateReport({
  ...base,
  page: { url: 'https://app.kartra.com/marketing/sequences/edit/77', kind: 'unrecognised' },
  sequence: null,
  findings: [],
  runOrder: [],
  counts: { error: 0, warning: 0, info: 0, review: 1 },
  coverage: { tabsAudited: [], tabsNotSeen: [], notes: ['No step canvas found (.js_sequence_canvas).'] },
});

/** The editor report with `text` in every place page text can reach. */
export function withPageText(text: string, report: Report = editorReport): Report {
  const sequence = report.sequence ?? {
    id: '1',
    name: null,
    publicName: null,
    status: null,
    subscribers: null,
  };
  return {
    ...report,
    sequence: { ...sequence, name: text, publicName: text },
    findings: report.findings.map((finding) => ({ ...finding, message: text, fix: text })),
    runOrder: [text, ...report.runOrder],
    coverage: { tabsAudited: [text], tabsNotSeen: [text], notes: [text] },
  };
}

/** Strings a hostile or careless page could put in a step title or sequence name. */
export const HOSTILE = {
  script: '<script>alert(1)</script>',
  img: '<img src=x onerror="alert(document.cookie)">',
  mdLink: '[Click here](https://evil.example/steal) ![x](https://evil.example/p.png)',
  autolink: '<https://evil.example> www.evil.example https://evil.example you@evil.example',
  mdFormat: '**bold** _em_ `code` ~~gone~~ # not a heading | cell | $x$ &amp; &#60;b>',
  leading: '# Heading',
  list: '- item',
  ordered: '1. first',
  quote: '> quoted',
  newlines: 'ok\n# Injected heading\n- injected item\r\n<b>x</b>',
  rtl: 'مرحبا بالعالم שלום',
  bidiOverride: 'invoice\u202Egnp.exe',
  emoji: 'Welcome 🎉👩‍💻 🇫🇷',
  formula: '=HYPERLINK("https://evil.example","click")',
  long: `Long ${'x'.repeat(5000)}`,
  quotes: `He said "hi", it's fine`,
};
