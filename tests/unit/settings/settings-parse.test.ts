import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interpretStoredSettings } from '../../../lib/extension/storage/settings-store';
import { defaultSettings } from '../../../lib/settings/settings';
import { parseSettings, readSettingsStrict, settingsSchema } from '../../../lib/settings/settings-schema';

/** Stored values as storage gives them back (JSON), near the settings' shape so every branch is hit. */
const anyValue = fc.jsonValue({ maxDepth: 2 });
const ruleValue = fc.oneof(
  fc.record(
    {
      enabled: fc.oneof(fc.boolean(), anyValue),
      severity: fc.oneof(fc.constantFrom('error', 'warning', 'info', 'fatal'), anyValue),
    },
    { requiredKeys: [] },
  ),
  anyValue,
);
const storedSettings = fc.oneof(
  fc.record(
    {
      version: fc.oneof(fc.constant(1), fc.constant(2), anyValue),
      rules: fc.oneof(
        fc.dictionary(fc.constantFrom('step-inactive', 'date-in-past', 'x'), ruleValue),
        anyValue,
      ),
      tooManyEmailsLimit: fc.oneof(
        fc.integer({ min: -3, max: 40 }),
        fc.double(),
        fc.constant(2 ** 60),
        anyValue,
      ),
      testAddress: fc.oneof(fc.string(), fc.constant(' anna@example.com '), anyValue),
      inlineWarnings: fc.oneof(fc.boolean(), anyValue),
      preparedBy: fc.oneof(
        fc.string(),
        fc.constant(' Funnel Fixers '),
        fc.constant('x'.repeat(101)),
        anyValue,
      ),
      accountTimeZone: fc.oneof(
        fc.constantFrom('Europe/Berlin', 'Asia/Kolkata', 'UTC', 'Mars/Olympus', '', null),
        anyValue,
      ),
      extra: anyValue,
    },
    { requiredKeys: [] },
  ),
  anyValue,
);

describe('reading stored settings', () => {
  it('never fails on any stored value, and what it gives back is valid settings', () => {
    fc.assert(
      fc.property(storedSettings, (raw) => {
        const settings = parseSettings(raw);
        expect(settingsSchema.safeParse(settings).success).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps every field that reads when another does not, and gives valid settings back as they are', () => {
    fc.assert(
      fc.property(storedSettings, (raw) => {
        const strict = readSettingsStrict(raw);
        const lenient = parseSettings(raw);
        if (strict.ok) {
          expect(lenient).toEqual(strict.settings);
          return;
        }
        expect(strict.problem).toMatch(
          /^(settings|version|rules|ruleOptions|tooManyEmailsLimit|testAddress|inlineWarnings|accountTimeZone|quietHours|preparedBy)\b/,
        );
        if (typeof raw !== 'object' || raw === null || !('version' in raw ? raw.version === 2 : true)) return;
        for (const key of ['testAddress', 'inlineWarnings', 'preparedBy', 'rules'] as const) {
          const alone = settingsSchema.safeParse({ [key]: (raw as Record<string, unknown>)[key] });
          if (alone.success) expect(lenient[key], key).toEqual(alone.data[key]);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("migrates version 1's email limit into the too-many-emails house rule, losing nothing else", () => {
    const stored = {
      version: 1,
      tooManyEmailsLimit: 25,
      testAddress: 'me@example.com',
      inlineWarnings: false,
    };
    expect(readSettingsStrict(stored)).toEqual({
      ok: true,
      settings: {
        ...defaultSettings(),
        ruleOptions: { 'too-many-emails': { limit: 25 } },
        testAddress: 'me@example.com',
        inlineWarnings: false,
      },
    });
    // Settings stored with no version are version 1's.
    expect(parseSettings({ tooManyEmailsLimit: 12 }).ruleOptions).toEqual({
      'too-many-emails': { limit: 12 },
    });
    const current = { ...defaultSettings(), ruleOptions: { 'path-without-ending': { ending: 'complete' } } };
    expect(parseSettings(current)).toEqual(current);
  });

  it('names the field it could not read and uses its default', () => {
    const loaded = interpretStoredSettings({ tooManyEmailsLimit: 0, testAddress: 'me@example.com' });
    expect(loaded.notice).toContain('tooManyEmailsLimit');
    expect(loaded.settings.ruleOptions).toEqual(defaultSettings().ruleOptions);
    expect(loaded.settings.testAddress).toBe('me@example.com');

    const rule = interpretStoredSettings({ rules: { 'step-inactive': { enabled: 'no' } } });
    expect(rule.notice).toContain('rules.step-inactive.enabled: expected true or false, found "no"');
  });

  it('says what each field expects, in words', () => {
    const problem = (raw: unknown) => {
      const read = readSettingsStrict(raw);
      return read.ok ? null : read.problem;
    };
    expect(problem({ tooManyEmailsLimit: 0 })).toBe(
      'tooManyEmailsLimit: expected at least 1, found number 0',
    );
    expect(problem({ tooManyEmailsLimit: 2.5 })).toBe(
      'tooManyEmailsLimit: expected a whole number, found number 2.5',
    );
    expect(problem({ version: 3 })).toBe('version: expected 2, found number 3');
    expect(problem({ rules: { x: { enabled: true, severity: 'fatal' } } })).toBe(
      'rules.x.severity: expected one of "error", "warning", "info", found "fatal"',
    );
    expect(problem({ testAddress: 7 })).toBe('testAddress: expected a string, found number 7');
    expect(problem('nonsense')).toBe('settings: expected an object, found "nonsense"');
    expect(problem({ rules: [] })).toBe('rules: expected an object, found a list');
  });

  it('keeps the rule settings that read when another in the same record does not', () => {
    const loaded = interpretStoredSettings({
      rules: { 'step-inactive': { enabled: false }, broken: { enabled: 'yes' } },
    });
    expect(loaded.settings.rules).toEqual({ 'step-inactive': { enabled: false } });
    expect(loaded.notice).toContain('rules.broken.enabled');
  });

  it('keeps an account time zone that exists; a made-up one is named and falls back to the browser', () => {
    expect(interpretStoredSettings({ accountTimeZone: 'America/Sao_Paulo' }).settings.accountTimeZone).toBe(
      'America/Sao_Paulo',
    );
    expect(defaultSettings().accountTimeZone).toBeNull();
    const wrong = interpretStoredSettings({ accountTimeZone: 'Europe/Atlantis' });
    expect(wrong.notice).toContain('accountTimeZone');
    expect(wrong.settings.accountTimeZone).toBeNull();
    const problem = readSettingsStrict({ accountTimeZone: 'Europe/Atlantis' });
    expect(problem.ok === false && problem.problem).toMatch(/time zone name such as Europe\/Berlin/);
  });

  it('keeps quiet hours that are hours of the day, and says what is wrong with others', () => {
    expect(defaultSettings().quietHours).toEqual({ from: 21, to: 8, weekends: true });
    const saved = { from: 22, to: 6, weekends: false };
    expect(interpretStoredSettings({ quietHours: saved }).settings.quietHours).toEqual(saved);
    // Settings saved before quiet hours existed read with the default.
    expect(interpretStoredSettings({ testAddress: 'me@example.com' }).settings.quietHours).toEqual({
      from: 21,
      to: 8,
      weekends: true,
    });
    const problem = (quietHours: unknown) => {
      const read = readSettingsStrict({ quietHours });
      return read.ok ? null : read.problem;
    };
    expect(problem({ from: 24, to: 8, weekends: true })).toBe(
      'quietHours.from: expected at most 23, found number 24',
    );
    expect(problem({ from: 21, to: -1, weekends: true })).toBe(
      'quietHours.to: expected at least 0, found number -1',
    );
    expect(problem({ from: 21.5, to: 8, weekends: true })).toBe(
      'quietHours.from: expected a whole number, found number 21.5',
    );
    expect(problem({ from: 21, to: 8 })).toBe('quietHours.weekends: missing (expected true or false)');
    // One broken field falls back to the default; the others stay.
    const loaded = interpretStoredSettings({
      quietHours: { from: 99, to: 8, weekends: false },
      testAddress: 'a@b.c',
    });
    expect(loaded.notice).toContain('quietHours.from');
    expect(loaded.settings.quietHours).toEqual(defaultSettings().quietHours);
    expect(loaded.settings.testAddress).toBe('a@b.c');
  });

  it('keeps "Prepared by" trimmed, and names one too long for the cover', () => {
    expect(defaultSettings().preparedBy).toBe('');
    expect(interpretStoredSettings({ preparedBy: ' Funnel Fixers ' }).settings.preparedBy).toBe(
      'Funnel Fixers',
    );
    const long = interpretStoredSettings({ preparedBy: 'x'.repeat(101), testAddress: 'a@b.c' });
    expect(long.notice).toContain('preparedBy');
    expect(long.settings.preparedBy).toBe('');
    expect(long.settings.testAddress).toBe('a@b.c');
  });

  it('reads valid settings as saved, without a notice', () => {
    const saved = {
      version: 2,
      rules: { 'date-in-past': { enabled: true, severity: 'warning' } },
      inlineWarnings: false,
    };
    const loaded = interpretStoredSettings(saved);
    expect(loaded.notice).toBeNull();
    expect(loaded.settings).toEqual({ ...defaultSettings(), ...saved });
    expect(interpretStoredSettings(null)).toEqual({ settings: defaultSettings(), notice: null });
  });
});
