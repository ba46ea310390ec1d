import { z } from 'zod';
import {
  DEFAULT_TOO_MANY_EMAILS_LIMIT,
  SEVERITIES,
  type Settings,
  type Severity,
  TIME_ZONE_PROBLEM,
} from './settings';
import { isValidTimeZone } from './timing';

/**
 * The settings as a zod schema, for the report schema and for validating settings outside the
 * content script. The content script reads settings with settings.ts (no zod, for its size
 * budget); a unit test holds the two to the same verdicts.
 */

export const severitySchema = z.enum(SEVERITIES as [Severity, ...Severity[]]);

export const ruleSettingSchema = z.object({
  enabled: z.boolean(),
  severity: severitySchema.optional(),
});

export const settingsSchema = z.object({
  version: z.literal(1).default(1),
  /** Per rule id; a rule missing here runs enabled, at its own severity. */
  rules: z.record(z.string(), ruleSettingSchema).default({}),
  tooManyEmailsLimit: z.number().int().min(1).default(DEFAULT_TOO_MANY_EMAILS_LIMIT),
  /** The user's own address, used to offer a fresh plus-addressed test address. */
  testAddress: z.string().default(''),
  /** Show warnings on the builder's cards, not only in the popup. */
  inlineWarnings: z.boolean().default(true),
  /** The Kartra account's IANA time zone; null = the browser's. */
  accountTimeZone: z.string().refine(isValidTimeZone, TIME_ZONE_PROBLEM).nullable().default(null),
});

// The schema and the hand-written type must describe the same settings.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<z.infer<typeof settingsSchema>, Settings> = true;
void sameShape;
