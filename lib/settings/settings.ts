/**
 * The user's settings, stored by the extension. Versioned so a later format can migrate an
 * older one; anything unreadable falls back to the defaults rather than breaking the audit.
 *
 * The types and defaults only: the one validation is the zod/mini schema in settings-schema.ts,
 * which runs in the extension's pages and its background (the content script receives the
 * settings from there, already validated: see extension/messaging/active-config.ts).
 */

import { DEFAULT_QUIET_HOURS, type QuietHours } from '../time/quiet-hours';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface RuleSetting {
  enabled: boolean;
  severity?: Severity;
}

/** A house rule's value: one of a rule option's choices, or a number (lib/checks/types.ts, `RuleOption`). */
export type RuleOptionValue = string | number;

/** The longest "Prepared by" kept: a name or an agency, on one line of the cover. */
export const MAX_PREPARED_BY = 100;

export interface Settings {
  version: 2;
  /** Per rule id; a rule missing here runs enabled, at its own severity. */
  rules: Record<string, RuleSetting>;
  /**
   * House rules: per rule id, the values of the options its `meta.options` declares. An option
   * missing here, or whose value the rule does not accept, takes its default.
   */
  ruleOptions: Record<string, Record<string, RuleOptionValue>>;
  /** The user's own address, used to offer a fresh plus-addressed test address. */
  testAddress: string;
  /** Show warnings on the builder's cards, not only in the popup. */
  inlineWarnings: boolean;
  /**
   * The Kartra account's time zone (IANA name, "Europe/Berlin"), which dates and windows follow
   * (KB 153000163830); null = the browser's zone, which findings then name as such.
   */
  accountTimeZone: string | null;
  /** When a message reaching a contact counts as night or weekend (the timeline marks it). */
  quietHours: QuietHours;
  /** Who makes the client reports (a name or an agency), printed on their cover; '' = not said. */
  preparedBy: string;
}

/** A fresh object each time: callers may change it. */
export function defaultSettings(): Settings {
  return {
    version: 2,
    rules: {},
    ruleOptions: {},
    testAddress: '',
    inlineWarnings: true,
    accountTimeZone: null,
    quietHours: { ...DEFAULT_QUIET_HOURS },
    preparedBy: '',
  };
}

export function isRuleEnabled(settings: Settings, ruleId: string): boolean {
  return settings.rules[ruleId]?.enabled ?? true;
}

export function effectiveSeverity(settings: Settings, ruleId: string, fallback: Severity): Severity {
  return settings.rules[ruleId]?.severity ?? fallback;
}
