import { z } from 'zod';

/**
 * The user's settings, stored by the extension. Versioned so a later format can migrate an
 * older one; anything unreadable falls back to the defaults rather than breaking the audit.
 */

export const severitySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof severitySchema>;

export const ruleSettingSchema = z.object({
  enabled: z.boolean(),
  severity: severitySchema.optional(),
});
export type RuleSetting = z.infer<typeof ruleSettingSchema>;

export const DEFAULT_TOO_MANY_EMAILS_LIMIT = 10;

export const settingsSchema = z.object({
  version: z.literal(1).default(1),
  /** Per rule id; a rule missing here runs enabled, at its own severity. */
  rules: z.record(z.string(), ruleSettingSchema).default({}),
  tooManyEmailsLimit: z.number().int().min(1).default(DEFAULT_TOO_MANY_EMAILS_LIMIT),
  /** The user's own address, used to offer a fresh plus-addressed test address. */
  testAddress: z.string().default(''),
  /** Show warnings on the builder's cards, not only in the popup. */
  inlineWarnings: z.boolean().default(true),
});
export type Settings = z.infer<typeof settingsSchema>;

/** A fresh object each time: callers may change it. */
export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}

/** Accepts stored settings of any age or shape; fields that do not parse take their default. */
export function parseSettings(raw: unknown): Settings {
  const base = defaultSettings();
  if (typeof raw !== 'object' || raw === null) return base;
  const record = raw as Record<string, unknown>;
  if (record.version !== undefined && record.version !== 1) return base;
  const rules = z.record(z.string(), z.unknown()).safeParse(record.rules);
  const cleanRules: Record<string, RuleSetting> = {};
  if (rules.success) {
    for (const [id, value] of Object.entries(rules.data)) {
      const parsed = ruleSettingSchema.safeParse(value);
      if (parsed.success) cleanRules[id] = parsed.data;
    }
  }
  const limit = settingsSchema.shape.tooManyEmailsLimit.safeParse(record.tooManyEmailsLimit);
  const testAddress = settingsSchema.shape.testAddress.safeParse(record.testAddress);
  const inline = settingsSchema.shape.inlineWarnings.safeParse(record.inlineWarnings);
  return {
    version: 1,
    rules: cleanRules,
    tooManyEmailsLimit: limit.success ? limit.data : base.tooManyEmailsLimit,
    testAddress: testAddress.success ? testAddress.data.trim() : base.testAddress,
    inlineWarnings: inline.success ? inline.data : base.inlineWarnings,
  };
}

export function isRuleEnabled(settings: Settings, ruleId: string): boolean {
  return settings.rules[ruleId]?.enabled ?? true;
}

export function effectiveSeverity(settings: Settings, ruleId: string, fallback: Severity): Severity {
  return settings.rules[ruleId]?.severity ?? fallback;
}
