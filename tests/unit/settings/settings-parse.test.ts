import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interpretStoredSettings } from '../../../lib/extension/settings-store';
import { defaultSettings, parseSettings, readSettingsStrict } from '../../../lib/settings';
import { settingsSchema } from '../../../lib/settings-schema';

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

describe('reading stored settings without zod (the content script)', () => {
  it('accepts and rejects exactly what the zod schema does, with the same result', () => {
    fc.assert(
      fc.property(storedSettings, (raw) => {
        const zod = settingsSchema.safeParse(raw);
        const own = readSettingsStrict(raw);
        expect(own.ok).toBe(zod.success);
        if (own.ok && zod.success) expect(own.settings).toEqual(zod.data);
      }),
      { numRuns: 2000 },
    );
  });

  it('never fails on any stored value, keeping each field that reads', () => {
    fc.assert(
      fc.property(storedSettings, (raw) => {
        const settings = parseSettings(raw);
        expect(settingsSchema.safeParse(settings).success).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('names the field it could not read and uses its default', () => {
    const loaded = interpretStoredSettings({ tooManyEmailsLimit: 0, testAddress: 'me@example.com' });
    expect(loaded.notice).toContain('tooManyEmailsLimit');
    expect(loaded.settings.tooManyEmailsLimit).toBe(defaultSettings().tooManyEmailsLimit);
    expect(loaded.settings.testAddress).toBe('me@example.com');

    const rule = interpretStoredSettings({ rules: { 'step-inactive': { enabled: 'no' } } });
    expect(rule.notice).toContain('rules.step-inactive.enabled');
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
    expect(problem.ok === false && problem.problem.message).toMatch(/time zone name such as Europe\/Berlin/);
  });

  it('reads valid settings as saved, without a notice', () => {
    const saved = {
      version: 1,
      rules: { 'date-in-past': { enabled: true, severity: 'warning' } },
      inlineWarnings: false,
    };
    const loaded = interpretStoredSettings(saved);
    expect(loaded.notice).toBeNull();
    expect(loaded.settings).toEqual({ ...defaultSettings(), ...saved });
    expect(interpretStoredSettings(null)).toEqual({ settings: defaultSettings(), notice: null });
  });
});
