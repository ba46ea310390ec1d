import fc from 'fast-check';
import { kartraProfile } from '../../../lib/kartra/profile';
import {
  type Connection,
  DIAGNOSTIC_CODES,
  type Diagnostic,
  type ListRow,
  type PageModel,
  type SequenceModel,
  STARTING_RULE_TYPES,
  STEP_KINDS,
  type StartingRule,
  type Step,
  WEEKDAYS,
} from '../../../lib/model/model';
import type { Rect, Scene, SceneCard, SceneLine, SceneNode } from '../../../lib/reader/scene';
import type { Settings } from '../../../lib/settings/settings';
import { HOSTILE_STRINGS } from '../../fixtures/hostile/strings';

/**
 * Generators of schema-valid but adversarial inputs: models the reader could hand to the checks
 * (unknown kinds, nulls, unseen tabs, cycles, dangling lines, missing Go To targets) and scenes
 * the collector could read from a damaged page.
 */

const TABS = ['Main', 'A', 'B', 'C'] as const;
// A small pool makes duplicates, cycles and lines between existing steps likely.
const REF_POOL = [
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  '10',
  '11',
  'A1',
  'A2',
  'A3',
  'B1',
  'B2',
  'C1',
];

/** Hostile strings, plain words and arbitrary Unicode, mixed. */
export const textArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'Welcome', 'Buyers', 'Yes', 'No', 'start') },
);

const refArb = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...REF_POOL) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 6 }) },
);
const endArb = fc.oneof({ weight: 6, arbitrary: refArb }, { weight: 1, arbitrary: fc.constant('start') });

const two = (n: number) => String(n).padStart(2, '0');
const clockArb = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${two(h)}:${two(m)}`);
const dateTimeArb = fc
  .tuple(
    fc.integer({ min: 1990, max: 2090 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 31 }),
    clockArb,
  )
  .map(([y, mo, d, clock]) => `${y}-${two(mo)}-${two(d)}T${clock}`);

const delayArb: fc.Arbitrary<Step['delay']> = fc.option(
  fc.oneof(
    fc.constant({ type: 'immediate' as const }),
    fc.record({
      type: fc.constant('wait' as const),
      days: fc.nat({ max: 100_000 }),
      hours: fc.nat({ max: 100_000 }),
    }),
    fc.record({ type: fc.constant('date' as const), at: dateTimeArb }),
  ),
);

const windowArb: fc.Arbitrary<Step['window']> = fc.option(
  fc.oneof(
    fc.constant({ type: 'any' as const }),
    fc.record({
      type: fc.constant('hours' as const),
      days: fc.subarray([...WEEKDAYS]),
      from: clockArb,
      to: clockArb,
    }),
  ),
);

const stepArb: fc.Arbitrary<Step> = fc.record({
  ref: refArb,
  tab: fc.oneof(fc.constantFrom(...TABS), fc.string({ maxLength: 3 })),
  kind: fc.constantFrom(...STEP_KINDS, 'unknown' as const),
  active: fc.boolean(),
  title: fc.option(textArb),
  delay: delayArb,
  window: windowArb,
  recipients: fc.constantFrom('anyone' as const, 'filtered' as const, null),
  recipientsText: fc.option(textArb),
  versions: fc.array(
    fc.record({
      name: fc.oneof(fc.constantFrom('A', 'B', 'C'), textArb),
      percent: fc.double({ min: 0, max: 1e6, noNaN: true }),
    }),
    { maxLength: 4 },
  ),
  goto: fc.option(endArb),
  action: fc.constantFrom(
    'add' as const,
    'remove' as const,
    'subscribe' as const,
    'unsubscribe' as const,
    null,
  ),
  target: fc.option(textArb),
});

const connectionArb: fc.Arbitrary<Connection> = fc.record(
  { from: endArb, to: endArb, branch: fc.constantFrom('yes' as const, 'no' as const) },
  { requiredKeys: ['from', 'to'] },
);

const diagnosticArb: fc.Arbitrary<Diagnostic> = fc.record(
  {
    code: fc.constantFrom(...DIAGNOSTIC_CODES),
    where: textArb,
    expected: textArb,
    found: textArb,
    step: refArb,
  },
  { requiredKeys: ['code', 'where', 'expected'] },
);

const startingRuleArb: fc.Arbitrary<StartingRule> = fc.record({
  type: fc.constantFrom(...STARTING_RULE_TYPES, 'unknown' as const),
  label: textArb,
});

export const sequenceArb: fc.Arbitrary<SequenceModel> = fc.record({
  id: fc.oneof(fc.constantFrom('2231', '', '9999'), fc.string({ maxLength: 8 })),
  name: fc.option(textArb),
  publicName: fc.option(textArb),
  status: fc.constantFrom('active' as const, 'paused' as const, null),
  subscribers: fc.option(fc.nat({ max: 10_000_000 })),
  startingRules: fc.option(fc.array(startingRuleArb, { maxLength: 4 })),
  steps: fc.array(stepArb, { maxLength: 24 }),
  connections: fc.array(connectionArb, { maxLength: 30 }),
  tabs: fc.record({
    all: fc.subarray([...TABS]),
    seen: fc.subarray([...TABS]),
  }),
  diagnostics: fc.array(diagnosticArb, { maxLength: 3 }),
});

const listRowArb: fc.Arbitrary<ListRow> = fc.record({
  id: fc.oneof(fc.constantFrom('2231', '2232', ''), fc.string({ maxLength: 6 })),
  name: textArb,
  status: fc.constantFrom('active' as const, 'paused' as const, null),
  subscribers: fc.option(fc.nat()),
  completed: fc.option(fc.nat()),
});

const urlArb = fc.constantFrom(
  'https://app.kartra.com/marketing/sequences/edit/2231',
  'https://app.kartra.com/marketing/sequences',
  'https://app.kartra.com/dashboard',
  'not a url',
);

export const pageModelArb: fc.Arbitrary<PageModel> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({ kind: fc.constant('editor' as const), url: urlArb, sequence: sequenceArb }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('list' as const),
      url: urlArb,
      rows: fc.array(listRowArb, { maxLength: 8 }),
      diagnostics: fc.array(diagnosticArb, { maxLength: 2 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('other' as const), url: urlArb }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('unrecognised' as const),
      url: urlArb,
      diagnostics: fc.array(diagnosticArb, { maxLength: 3 }),
    }),
  },
);

const RULE_IDS = [
  'sequence-paused',
  'step-inactive',
  'step-not-connected',
  'start-not-connected',
  'path-without-ending',
  'too-many-emails',
  'email-burst',
  'instant-loop',
  'date-in-past',
  'not-a-rule',
];

export const settingsArb: fc.Arbitrary<Settings> = fc.record({
  version: fc.constant(2 as const),
  rules: fc.dictionary(
    fc.constantFrom(...RULE_IDS),
    fc.record(
      {
        enabled: fc.boolean(),
        severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const),
      },
      { requiredKeys: ['enabled'] },
    ),
    { maxKeys: 4 },
  ),
  ruleOptions: fc.record(
    {
      'too-many-emails': fc.record({ limit: fc.integer({ min: 1, max: 50 }) }),
      'path-without-ending': fc.record({
        ending: fc.constantFrom('either', 'complete', 'unsubscribe', 'never'),
      }),
      'email-burst': fc.record({ minGapMinutes: fc.integer({ min: -5, max: 2000 }) }),
    },
    { requiredKeys: [] },
  ),
  testAddress: fc.constantFrom('', 'owner@example.com', '=cmd|x@y.z'),
  inlineWarnings: fc.boolean(),
  accountTimeZone: fc.constantFrom(null, 'UTC', 'Australia/Sydney'),
  quietHours: fc.record({
    from: fc.integer({ min: 0, max: 23 }),
    to: fc.integer({ min: 0, max: 23 }),
    weekends: fc.boolean(),
  }),
  preparedBy: fc.constantFrom('', 'Jo <b>Bloggs</b> Agency', '=cmd|x'),
});

export const nowArb = fc.date({
  min: new Date('1995-01-01T00:00:00Z'),
  max: new Date('2095-01-01T00:00:00Z'),
  noInvalidDate: true,
});
export const timeZoneArb = fc.constantFrom(
  undefined,
  'UTC',
  'Europe/Paris',
  'Pacific/Kiritimati',
  'America/St_Johns',
  'Mars/Olympus',
);

// ---- Scenes -------------------------------------------------------------------------------

const coordinate = fc.double({ min: -1e5, max: 1e5, noNaN: true });
const rectArb: fc.Arbitrary<Rect> = fc.record({
  x: coordinate,
  y: coordinate,
  width: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 2000, noNaN: true })),
  height: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 2000, noNaN: true })),
});
const pointArb = fc.record({ x: coordinate, y: coordinate });

const iconClass = fc.constantFrom(
  ...kartraProfile.card.kindIcons.map((icon) => icon.iconClass),
  ...kartraProfile.startingRules.ruleIcons.map((icon) => icon.iconClass),
  'fa',
  'fa-pause',
  'fa-play',
  'text-success',
  'fa-question',
);
const classesArb = fc.array(fc.oneof(iconClass, fc.string({ maxLength: 10 })), { maxLength: 4 });

/** Texts the builder really shows, so that interpretation goes deep, mixed with junk. */
const kartraText = (real: readonly string[]) =>
  fc.option(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...real) }, { weight: 2, arbitrary: textArb }));

const cardArb: fc.Arbitrary<SceneCard> = fc.record({
  rect: rectArb,
  classes: fc.array(
    fc.constantFrom('sequence_step', 'js_sequence_step', 'step_inactive', 'jtk-connected', 'x'),
    {
      maxLength: 4,
    },
  ),
  kindIconClasses: fc.option(classesArb),
  fields: fc.record({
    number: kartraText(REF_POOL),
    kindLabel: kartraText(['Send email', 'Send SMS', 'Tag', 'Split', 'Go To', 'Complete']),
    title: fc.option(textArb),
    timing: kartraText([
      'Right after previous step',
      'Wait 2 days 3 hours',
      'Wait 1 day',
      'Wait 0 hours',
      'On Dec 24, 2030 at 10:00 AM',
      'On Feb 30, 2020 at 13:99 PM',
      'Wait -1 days',
    ]),
    window: kartraText([
      'Any day, any time',
      'Mon–Fri, 9:00 AM – 5:00 PM',
      'No days, 9:00 AM – 5:00 PM',
      'Every day, 5:00 PM – 9:00 AM',
      'Mon, Wed, Fri, 8:00 AM – 12:00 PM',
    ]),
    recipients: kartraText(['Anyone reaching this step', 'Filtered: only contacts matching filters']),
    goto: kartraText(['Go to A1', 'Go to 3', 'Go to', 'Go to start']),
    action: kartraText([
      'Add tag: Buyers',
      'Remove tag: X',
      'Subscribe to list: L',
      'Unsubscribe from sequence: S',
    ]),
    inactiveLabel: kartraText(['Inactive']),
    versions: fc.array(
      kartraText(['A: 50%', 'B: 50%', 'C: 0%', 'A: 1e309%', 'Z: -5%']).map((t) => t ?? ''),
      {
        maxLength: 3,
      },
    ),
  }),
  outputLabels: fc.array(fc.record({ text: kartraText(['Yes', 'No']).map((t) => t ?? ''), rect: rectArb }), {
    maxLength: 3,
  }),
});

const nodeArb: fc.Arbitrary<SceneNode> = fc.record({ rect: rectArb, linked: fc.boolean() });
const lineArb: fc.Arbitrary<SceneLine> = fc.record({ start: fc.option(pointArb), end: fc.option(pointArb) });

export const sceneArb: fc.Arbitrary<Scene> = fc.record({
  found: fc.record({ root: fc.boolean(), canvas: fc.boolean(), tabs: fc.boolean() }),
  toolbar: fc.record({
    name: fc.option(textArb),
    publicName: kartraText(['Public name: Not set', 'Public name: Free recipes', 'Public name:']),
    statusIconClasses: fc.option(classesArb),
    statusGlyphs: fc.option(fc.array(fc.constantFrom('⏸', '▶', '❚❚', '\uf04b', '•', ''))),
    subscribers: kartraText(['42 contacts', '1 contact', '0 contacts', '-3 contacts', '1e99 contacts']),
  }),
  tabs: fc.array(
    fc.record({ label: kartraText(['Main', 'A', 'B', '+ Add']).map((t) => t ?? ''), selected: fc.boolean() }),
    { maxLength: 5 },
  ),
  startingRules: fc.option(
    fc.record({
      rect: rectArb,
      rules: fc.array(fc.record({ iconClasses: classesArb, label: textArb }), { maxLength: 3 }),
    }),
  ),
  cards: fc.array(cardArb, { maxLength: 12 }),
  nodes: fc.array(nodeArb, { maxLength: 24 }),
  lines: fc.array(lineArb, { maxLength: 16 }),
  unreadDrawings: fc.array(fc.record({ kind: fc.constantFrom('canvas' as const, 'svg' as const) }), {
    maxLength: 2,
  }),
});
