import type { Report } from '@/lib/report';
import { defaultSettings, type Settings } from '@/lib/settings';
import type { Timeline } from '@/lib/timeline';
import { zonedParts } from '@/lib/timing';

/*
 * LOCAL ADAPTERS for what the popup needs from issue 15's core and the core has not delivered yet
 * (lib/quiet-hours.ts, the `quietHours` setting, the report's `timeline` field): the names and
 * meaning of the shared contract, so switching to the core is an import change and this file goes.
 */

/**
 * Hours 0-23 in the account's zone: `from` 21, `to` 8 is 9 PM to 8 AM; weekends = Saturday and
 * Sunday count as quiet.
 */
export interface QuietHours {
  from: number;
  to: number;
  weekends: boolean;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { from: 21, to: 8, weekends: true };

/** Whether a message at `at` (ms) lands in quiet hours; `from` equal to `to` makes no hour quiet. */
export function isQuietTime(at: number, timeZone: string, quiet: QuietHours): boolean {
  const p = zonedParts(new Date(at), timeZone);
  if (quiet.weekends && (p.weekday === 'sat' || p.weekday === 'sun')) return true;
  if (quiet.from === quiet.to) return false;
  return quiet.from < quiet.to
    ? p.hour >= quiet.from && p.hour < quiet.to
    : p.hour >= quiet.from || p.hour < quiet.to;
}

/** The `quietHours` setting once the core's settings schema has it; the defaults until then. */
export function quietHoursOf(settings: Settings): QuietHours {
  return (settings as Settings & { quietHours?: QuietHours }).quietHours ?? DEFAULT_QUIET_HOURS;
}

/** The report's `timeline` field once the core's report schema has it; null until then. */
export function timelineOfReport(report: Report): Timeline | null {
  return (report as Report & { timeline?: Timeline }).timeline ?? null;
}

/** Whether the settings schema stores `quietHours` yet: the options page offers it only then. */
export const QUIET_HOURS_STORED = 'quietHours' in defaultSettings();

export function withQuietHours(settings: Settings, quiet: QuietHours): Settings {
  return { ...settings, quietHours: quiet } as Settings;
}
