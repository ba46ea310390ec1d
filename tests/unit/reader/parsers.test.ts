import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kartraProfile } from '../../../lib/kartra/profile';
import type { StepWindow } from '../../../lib/model/model';
import {
  parseAction,
  parseCount,
  parseGoto,
  parsePublicName,
  parseRecipients,
  parseVersion,
} from '../../../lib/reader/parse-fields';
import { iconValue, statusFromIcon } from '../../../lib/reader/parse-icons';
import { parseTiming, timingPatterns } from '../../../lib/reader/parse-timing';
import { parseWindow } from '../../../lib/reader/parse-window';
import { windowProblem } from '../../../lib/time/timing';

const words = kartraProfile.words;
const timing = timingPatterns(words);

describe('timing line', () => {
  it.each([
    ['Right after previous step', { type: 'immediate' }],
    ['  right after   previous step ', { type: 'immediate' }],
    ['Wait 2 days 3 hours', { type: 'wait', days: 2, hours: 3 }],
    ['Wait 1 day', { type: 'wait', days: 1, hours: 0 }],
    ['Wait 5 hours', { type: 'wait', days: 0, hours: 5 }],
    ['Wait 1 hour', { type: 'wait', days: 0, hours: 1 }],
    ['Wait 0 hours', { type: 'wait', days: 0, hours: 0 }],
    ['Wait 30 days', { type: 'wait', days: 30, hours: 0 }],
    ['On Dec 24, 2030 at 10:00 AM', { type: 'date', at: '2030-12-24T10:00' }],
    ['On Jan 1, 2031 at 12:05 AM', { type: 'date', at: '2031-01-01T00:05' }],
    ['On Feb 29, 2028 at 12:30 PM', { type: 'date', at: '2028-02-29T12:30' }],
    ['On Jul 4, 2030 at 11:59 PM', { type: 'date', at: '2030-07-04T23:59' }],
  ])('reads %j', (text, expected) => {
    expect(parseTiming(text, timing)).toEqual(expected);
  });

  it.each([
    '',
    'Wait',
    'Wait days',
    'Wait 2 weeks',
    'Wait 3 hours 2 days',
    'Wait -1 days',
    'Right after',
    'On Dec 32, 2030 at 10:00 AM',
    'On Feb 29, 2030 at 10:00 AM',
    'On Dec 24, 2030 at 13:00 PM',
    'On Dec 24, 2030 at 10:00',
    'On Foo 24, 2030 at 10:00 AM',
    'Execute on a specific date',
  ])('gives null for %j', (text) => {
    expect(parseTiming(text, timing)).toBeNull();
  });

  it('gives null for missing text', () => {
    expect(parseTiming(null, timing)).toBeNull();
    expect(parseTiming(undefined, timing)).toBeNull();
  });
});

describe('window line', () => {
  const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  it.each([
    ['Any day, any time', { type: 'any' }],
    ['Mon–Fri, 9:00 AM – 5:00 PM', { type: 'hours', days: weekdays.slice(0, 5), from: '09:00', to: '17:00' }],
    [
      'Mon, Wed, Fri, 8:00 AM – 12:00 PM',
      { type: 'hours', days: ['mon', 'wed', 'fri'], from: '08:00', to: '12:00' },
    ],
    ['Every day, 9:00 AM – 5:00 PM', { type: 'hours', days: weekdays, from: '09:00', to: '17:00' }],
    ['No days, 9:00 AM – 5:00 PM', { type: 'hours', days: [], from: '09:00', to: '17:00' }],
    ['Mon, Tue, 12:00 AM – 11:30 PM', { type: 'hours', days: ['mon', 'tue'], from: '00:00', to: '23:30' }],
    [
      'Mon–Wed, Fri–Sun, 6:15 PM – 6:15 PM',
      { type: 'hours', days: ['mon', 'tue', 'wed', 'fri', 'sat', 'sun'], from: '18:15', to: '18:15' },
    ],
    ['Mon-Fri, 9:00 AM - 5:00 PM', { type: 'hours', days: weekdays.slice(0, 5), from: '09:00', to: '17:00' }],
    // An end of 12:00 AM is midnight at the END of the day, as lib/time/timing.ts reads "24:00".
    [
      'Mon–Fri, 9:00 AM – 12:00 AM',
      { type: 'hours', days: weekdays.slice(0, 5), from: '09:00', to: '24:00' },
    ],
    ['Every day, 12:00 AM – 12:00 AM', { type: 'hours', days: weekdays, from: '00:00', to: '24:00' }],
    // An overnight window reads as shown; whether it opens is the timing's (and the rule's) call.
    ['Mon, 10:00 PM – 6:00 AM', { type: 'hours', days: ['mon'], from: '22:00', to: '06:00' }],
  ])('reads %j', (text, expected) => {
    expect(parseWindow(text, words)).toEqual(expected);
  });

  it.each([
    '',
    'Any day',
    'Mon–Fri',
    'Fri–Mon, 9:00 AM – 5:00 PM',
    'Mon, Funday, 9:00 AM – 5:00 PM',
    'Mon, 9:00 – 5:00',
    'Mon, 13:00 AM – 5:00 PM',
    ', 9:00 AM – 5:00 PM',
    'Mon–Tue–Wed, 9:00 AM – 5:00 PM',
  ])('gives null for %j', (text) => {
    expect(parseWindow(text, words)).toBeNull();
  });
});

describe('window line and timing agree', () => {
  it.each([
    ['Mon–Fri, 9:00 AM – 12:00 AM', null],
    ['Every day, 12:00 AM – 12:00 AM', null],
    ['Mon–Fri, 12:00 AM – 9:00 AM', null],
    ['Mon–Fri, 9:00 AM – 9:00 AM', 'empty'],
    ['No days, 9:00 AM – 5:00 PM', 'no-days'],
    ['Mon, 10:00 PM – 6:00 AM', 'overnight'],
  ])('%j is judged %s', (text, problem) => {
    const window = parseWindow(text, words);
    expect(window).not.toBeNull();
    expect(windowProblem(window as StepWindow)).toBe(problem);
  });
});

describe('card and toolbar texts', () => {
  it('reads recipients: only the default wording means anyone', () => {
    expect(parseRecipients('Anyone reaching this step', words)).toBe('anyone');
    expect(parseRecipients('Filtered: only contacts matching filters', words)).toBe('filtered');
    // Wording the profile does not know is not read as a filter (nor as anyone).
    expect(parseRecipients('Tagged VIP only', words)).toBeNull();
    expect(parseRecipients('filtered: VIP', words)).toBe('filtered');
    expect(parseRecipients('', words)).toBeNull();
    expect(parseRecipients(null, words)).toBeNull();
  });

  it.each([
    ['A: 50%', { name: 'A', percent: 50 }],
    ['B: 0%', { name: 'B', percent: 0 }],
    ['C : 12.5 %', { name: 'C', percent: 12.5 }],
  ])('reads version %j', (text, expected) => {
    expect(parseVersion(text)).toEqual(expected);
  });

  it.each(['A', 'A: 50', ': 50%', 'A: x%', ''])('gives no version for %j', (text) => {
    expect(parseVersion(text)).toBeNull();
  });

  it('reads a Go To target', () => {
    expect(parseGoto('Go to A1', words)).toBe('A1');
    expect(parseGoto('go to  12', words)).toBe('12');
    expect(parseGoto('Go to ', words)).toBeNull();
    expect(parseGoto('Go to somewhere', words)).toBeNull();
    expect(parseGoto('Jump to 3', words)).toBeNull();
  });

  it.each([
    ['Add tag: Buyers', { action: 'add', target: 'Buyers' }],
    ['Remove tag: Lead: cold', { action: 'remove', target: 'Lead: cold' }],
    ['Subscribe to list: Newsletter', { action: 'subscribe', target: 'Newsletter' }],
    ['Unsubscribe from list: Newsletter', { action: 'unsubscribe', target: 'Newsletter' }],
    ['Subscribe to sequence: Onboarding', { action: 'subscribe', target: 'Onboarding' }],
    ['Unsubscribe from sequence: Onboarding', { action: 'unsubscribe', target: 'Onboarding' }],
  ])('reads action %j', (text, expected) => {
    expect(parseAction(text, words)).toEqual(expected);
  });

  it.each(['Add tag:', 'Add tag', 'Tag: Buyers', ''])('gives no action for %j', (text) => {
    expect(parseAction(text, words)).toBeNull();
  });

  it.each([
    ['42 contacts', 42],
    ['1 contact', 1],
    ['0 contacts', 0],
    ['1,204 contacts', 1204],
    ['7', 7],
  ])('counts %j', (text, expected) => {
    expect(parseCount(text)).toBe(expected);
  });

  it.each(['', 'contacts', 'many contacts', '-3 contacts', '4.5 contacts', '12,34 contacts'])(
    'gives no count for %j',
    (text) => {
      expect(parseCount(text)).toBeNull();
    },
  );

  it('reads the public name, "Not set" meaning empty', () => {
    expect(parsePublicName('Public name: Free recipe pack', kartraProfile.editor)).toBe('Free recipe pack');
    expect(parsePublicName('Public name: Not set', kartraProfile.editor)).toBe('');
    expect(parsePublicName('Public name:', kartraProfile.editor)).toBe('');
    expect(parsePublicName('Free recipe pack', kartraProfile.editor)).toBeNull();
    expect(parsePublicName(null, kartraProfile.editor)).toBeNull();
  });
});

describe('icons', () => {
  it('reads the status the inverted way Kartra shows it', () => {
    expect(statusFromIcon(['fa', 'fa-pause'], kartraProfile.status)).toBe('active');
    expect(statusFromIcon(['fa', 'fa-play', 'text-success'], kartraProfile.status)).toBe('paused');
    expect(statusFromIcon(['fa'], kartraProfile.status)).toBeNull();
    expect(statusFromIcon(['fa-play', 'fa-pause'], kartraProfile.status)).toBeNull();
    expect(statusFromIcon(null, kartraProfile.status)).toBeNull();
  });

  it('reads every step kind and starting rule type by its icon', () => {
    for (const { iconClass, value } of kartraProfile.card.kindIcons)
      expect(iconValue(['fa', iconClass, 'step_kind_icon'], kartraProfile.card.kindIcons)).toBe(value);
    for (const { iconClass, value } of kartraProfile.startingRules.ruleIcons)
      expect(iconValue(['starting_rule', 'fa', iconClass], kartraProfile.startingRules.ruleIcons)).toBe(
        value,
      );
    expect(iconValue(['fa', 'fa-question'], kartraProfile.card.kindIcons)).toBeNull();
  });
});

describe('garbage in', () => {
  it('never throws and reads nothing from random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const results = [
          parseTiming(text, timing),
          parseWindow(text, words),
          parseVersion(text),
          parseGoto(text, words),
          parseAction(text, words),
          parseCount(text),
          parsePublicName(text, kartraProfile.editor),
          parseRecipients(text, words),
        ];
        expect(results).toHaveLength(8);
      }),
      { numRuns: 500 },
    );
  });

  it('rejects garbage that merely resembles a timing or window', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^(Wait|On) [a-z ]{1,12}$/), (text) => {
        expect(parseTiming(text, timing)).toBeNull();
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z]{4,9}, [0-9:]{1,5} – [0-9:]{1,5}$/), (text) => {
        expect(parseWindow(text, words)).toBeNull();
      }),
    );
  });

  it('round-trips every waiting time and window the builder can show', () => {
    fc.assert(
      fc.property(fc.nat(400), fc.nat(23), (days, hours) => {
        const parts = [];
        if (days > 0) parts.push(`${days} ${days === 1 ? 'day' : 'days'}`);
        if (hours > 0 || days === 0) parts.push(`${hours} ${hours === 1 ? 'hour' : 'hours'}`);
        expect(parseTiming(`Wait ${parts.join(' ')}`, timing)).toEqual({ type: 'wait', days, hours });
      }),
    );
  });
});
