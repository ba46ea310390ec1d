/**
 * The user's settings, stored by the extension. Versioned so a later format can migrate an
 * older one; anything unreadable falls back to the defaults rather than breaking the audit.
 *
 * Written without zod on purpose: the content script reads settings on every page and has a
 * size budget that zod alone would exceed. The zod schema (settings-schema.ts) describes the
 * same shape for the options page and the report schema, and a unit test holds the two equal.
 */

import { isValidTimeZone } from './timing';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export interface RuleSetting {
  enabled: boolean;
  severity?: Severity;
}

export const DEFAULT_TOO_MANY_EMAILS_LIMIT = 10;

export interface Settings {
  version: 1;
  /** Per rule id; a rule missing here runs enabled, at its own severity. */
  rules: Record<string, RuleSetting>;
  tooManyEmailsLimit: number;
  /** The user's own address, used to offer a fresh plus-addressed test address. */
  testAddress: string;
  /** Show warnings on the builder's cards, not only in the popup. */
  inlineWarnings: boolean;
  /**
   * The Kartra account's time zone (IANA name, "Europe/Berlin"), which dates and windows follow
   * (KB 153000163830); null = the browser's zone, which findings then name as such.
   */
  accountTimeZone: string | null;
}

/** A fresh object each time: callers may change it. */
export function defaultSettings(): Settings {
  return {
    version: 1,
    rules: {},
    tooManyEmailsLimit: DEFAULT_TOO_MANY_EMAILS_LIMIT,
    testAddress: '',
    inlineWarnings: true,
    accountTimeZone: null,
  };
}

/** What is wrong with one field of stored settings. */
export interface SettingsProblem {
  /** The field's path, such as "rules.step-inactive.enabled"; empty for the whole value. */
  path: string[];
  message: string;
}

type Read<T> = { ok: true; value: T } | { ok: false; problem: SettingsProblem };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = (path: string[], message: string): Read<never> => ({ ok: false, problem: { path, message } });

/** Not null, not an array: what an object field may hold. */
function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A plain key-value object (not a Date, a Map or a class instance), as a record of rules must be. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype;
}

function readRule(value: unknown, path: string[]): Read<RuleSetting> {
  if (!isObject(value)) return fail(path, 'expected an object');
  if (typeof value.enabled !== 'boolean') return fail([...path, 'enabled'], 'expected true or false');
  const severity = value.severity;
  if (severity === undefined) return ok({ enabled: value.enabled });
  if (!SEVERITIES.includes(severity as Severity)) {
    return fail([...path, 'severity'], `expected one of ${SEVERITIES.join(', ')}`);
  }
  return ok({ enabled: value.enabled, severity: severity as Severity });
}

function readLimit(value: unknown): Read<number> {
  if (value === undefined) return ok(DEFAULT_TOO_MANY_EMAILS_LIMIT);
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    return fail(['tooManyEmailsLimit'], 'expected a whole number of at least 1');
  }
  return ok(value);
}

function readText(value: unknown, field: string): Read<string> {
  if (value === undefined) return ok('');
  return typeof value === 'string' ? ok(value) : fail([field], 'expected text');
}

export const TIME_ZONE_PROBLEM =
  "expected a time zone name such as Europe/Berlin or America/New_York, or nothing for the browser's zone";

function readTimeZone(value: unknown): Read<string | null> {
  if (value === undefined || value === null) return ok(null);
  if (typeof value !== 'string' || !isValidTimeZone(value))
    return fail(['accountTimeZone'], TIME_ZONE_PROBLEM);
  return ok(value);
}

function readSwitch(value: unknown, field: string, fallback: boolean): Read<boolean> {
  if (value === undefined) return ok(fallback);
  return typeof value === 'boolean' ? ok(value) : fail([field], 'expected true or false');
}

/**
 * Reads stored settings strictly: the settings when every field is valid (missing fields take
 * their defaults, unknown fields are dropped), else the first problem found.
 */
export function readSettingsStrict(
  raw: unknown,
): { ok: true; settings: Settings } | { ok: false; problem: SettingsProblem } {
  if (!isObject(raw)) return { ok: false, problem: { path: [], message: 'expected an object' } };
  if (raw.version !== undefined && raw.version !== 1) {
    return { ok: false, problem: { path: ['version'], message: 'expected version 1' } };
  }
  const rules: Record<string, RuleSetting> = {};
  if (raw.rules !== undefined) {
    if (!isPlainObject(raw.rules))
      return { ok: false, problem: { path: ['rules'], message: 'expected an object' } };
    for (const [id, value] of Object.entries(raw.rules)) {
      const rule = readRule(value, ['rules', id]);
      if (!rule.ok) return rule;
      rules[id] = rule.value;
    }
  }
  const limit = readLimit(raw.tooManyEmailsLimit);
  if (!limit.ok) return limit;
  const testAddress = readText(raw.testAddress, 'testAddress');
  if (!testAddress.ok) return testAddress;
  const inline = readSwitch(raw.inlineWarnings, 'inlineWarnings', true);
  if (!inline.ok) return inline;
  const zone = readTimeZone(raw.accountTimeZone);
  if (!zone.ok) return zone;
  return {
    ok: true,
    settings: {
      version: 1,
      rules,
      tooManyEmailsLimit: limit.value,
      testAddress: testAddress.value,
      inlineWarnings: inline.value,
      accountTimeZone: zone.value,
    },
  };
}

/** Accepts stored settings of any age or shape; fields that do not parse take their default. */
export function parseSettings(raw: unknown): Settings {
  const base = defaultSettings();
  if (typeof raw !== 'object' || raw === null) return base;
  const record = raw as Record<string, unknown>;
  if (record.version !== undefined && record.version !== 1) return base;
  const cleanRules: Record<string, RuleSetting> = {};
  if (isPlainObject(record.rules)) {
    for (const [id, value] of Object.entries(record.rules)) {
      const parsed = readRule(value, []);
      if (parsed.ok) cleanRules[id] = parsed.value;
    }
  }
  const limit = readLimit(record.tooManyEmailsLimit);
  const testAddress = readText(record.testAddress, 'testAddress');
  const inline = readSwitch(record.inlineWarnings, 'inlineWarnings', base.inlineWarnings);
  const zone = readTimeZone(record.accountTimeZone);
  return {
    version: 1,
    rules: cleanRules,
    tooManyEmailsLimit: limit.ok ? limit.value : base.tooManyEmailsLimit,
    testAddress: testAddress.ok ? testAddress.value.trim() : base.testAddress,
    inlineWarnings: inline.ok ? inline.value : base.inlineWarnings,
    accountTimeZone: zone.ok ? zone.value : base.accountTimeZone,
  };
}

export function isRuleEnabled(settings: Settings, ruleId: string): boolean {
  return settings.rules[ruleId]?.enabled ?? true;
}

export function effectiveSeverity(settings: Settings, ruleId: string, fallback: Severity): Severity {
  return settings.rules[ruleId]?.severity ?? fallback;
}
