import * as z from 'zod/mini';
import { describeIssue } from '../issue-message';
import { DEFAULT_QUIET_HOURS } from '../time/quiet-hours';
import { isValidTimeZone } from '../time/timing';
import { defaultSettings, MAX_PREPARED_BY, SEVERITIES, type Settings } from './settings';

/**
 * The one validation of stored settings (zod/mini), for the options page, the popup, the report
 * schema and the background, which hands the content script validated settings.
 */

export const TIME_ZONE_PROBLEM =
  "expected a time zone name such as Europe/Berlin or America/New_York, or nothing for the browser's zone";

/** An hour of the day on the wall clock: 0 (midnight) to 23. */
const hourSchema = z.int().check(z.gte(0), z.lte(23));

export const severitySchema = z.enum(SEVERITIES);

export const ruleSettingSchema = z.object({
  enabled: z.boolean(),
  severity: z.optional(severitySchema),
});

const SETTINGS_FIELDS = {
  /** Per rule id; a rule missing here runs enabled, at its own severity. */
  rules: z._default(z.record(z.string(), ruleSettingSchema), () => ({})),
  /** House rules: per rule id, its options' values (the rule checks each against its `meta.options`). */
  ruleOptions: z._default(
    z.record(z.string(), z.record(z.string(), z.union([z.string(), z.number()]))),
    () => ({}),
  ),
  /** The user's own address, used to offer a fresh plus-addressed test address. */
  testAddress: z._default(z.string().check(z.trim()), ''),
  /** Show warnings on the builder's cards, not only in the popup. */
  inlineWarnings: z._default(z.boolean(), true),
  /** The Kartra account's IANA time zone; null = the browser's. */
  accountTimeZone: z._default(
    z.nullable(z.string().check(z.refine(isValidTimeZone, TIME_ZONE_PROBLEM))),
    null,
  ),
  /** Hours on the account's clock that count as quiet; Saturday and Sunday too when `weekends`. */
  quietHours: z._default(z.object({ from: hourSchema, to: hourSchema, weekends: z.boolean() }), () => ({
    ...DEFAULT_QUIET_HOURS,
  })),
  /** Who makes the client reports; settings saved before it existed read as ''. */
  preparedBy: z._default(z.string().check(z.trim(), z.maxLength(MAX_PREPARED_BY)), ''),
};

const versionSchema = z._default(z.literal(2), 2);

/** Missing fields take their defaults; unknown fields are dropped. */
export const settingsSchema = z.object({ version: versionSchema, ...SETTINGS_FIELDS });

/** The fields version 1 had that version 2 keeps elsewhere. */
const version1Fields = z.object({ tooManyEmailsLimit: z.optional(z.int().check(z.gte(1))) });

function isVersion1(raw: unknown): raw is Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return false;
  const { version } = raw as Record<string, unknown>;
  return version === undefined || version === 1;
}

/**
 * Stored settings of version 1 (or with no version) as version 2: the email limit they kept on
 * its own (`tooManyEmailsLimit`) becomes the `too-many-emails` rule's `limit` option. Anything else
 * is returned as it is.
 */
export function migrateSettings(raw: unknown): unknown {
  if (!isVersion1(raw)) return raw;
  const { version: _, tooManyEmailsLimit, ...rest } = raw;
  const limit = version1Fields.shape.tooManyEmailsLimit.safeParse(tooManyEmailsLimit);
  const options = z.record(z.string(), z.unknown()).safeParse(rest.ruleOptions);
  const ruleOptions = options.success ? options.data : {};
  return {
    ...rest,
    version: 2,
    ...(limit.success && limit.data !== undefined
      ? { ruleOptions: { ...ruleOptions, 'too-many-emails': { limit: limit.data } } }
      : {}),
  };
}

// The schema and the type in settings.ts must describe the same settings.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<z.infer<typeof settingsSchema>, Settings> = true;
void sameShape;

/**
 * Reads stored settings strictly: the settings when every field is valid, else the first
 * problem found, as "field: what is wrong" (`rules.step-inactive.enabled: expected true or
 * false, found "no"`).
 */
export function readSettingsStrict(
  stored: unknown,
): { ok: true; settings: Settings } | { ok: false; problem: string } {
  const problem = (issue: z.core.$ZodIssue | undefined, raw: unknown) => ({
    ok: false as const,
    problem: issue ? describeIssue(issue, raw, 'settings') : 'settings: not valid',
  });
  // A version-1 field that does not read is named as stored, not lost in the migration.
  const old = isVersion1(stored) ? version1Fields.safeParse(stored) : null;
  if (old && !old.success) return problem(old.error.issues[0], stored);
  const raw = migrateSettings(stored);
  const result = settingsSchema.safeParse(raw);
  return result.success ? { ok: true, settings: result.data } : problem(result.error.issues[0], raw);
}

/** The rule settings that parse, from a record where some do not. */
function readableRules(raw: unknown): Settings['rules'] {
  const rules: Settings['rules'] = {};
  const record = z.record(z.string(), z.unknown()).safeParse(raw);
  if (!record.success) return rules;
  for (const [id, value] of Object.entries(record.data)) {
    const rule = ruleSettingSchema.safeParse(value);
    if (rule.success) rules[id] = rule.data;
  }
  return rules;
}

/**
 * Accepts stored settings of any age or shape: each field that does not parse takes its
 * default, and a rule setting that does not parse is dropped.
 */
export function parseSettings(stored: unknown): Settings {
  const raw = migrateSettings(stored);
  const strict = settingsSchema.safeParse(raw);
  if (strict.success) return strict.data;
  const settings = defaultSettings();
  if (typeof raw !== 'object' || raw === null || !versionSchema.safeParse((raw as Settings).version).success)
    return settings;
  const record = raw as Record<string, unknown>;
  const target = settings as unknown as Record<string, unknown>;
  for (const [key, schema] of Object.entries(SETTINGS_FIELDS)) {
    const field = schema.safeParse(record[key]);
    if (field.success) target[key] = field.data;
    else if (key === 'rules') settings.rules = readableRules(record.rules);
  }
  return settings;
}
