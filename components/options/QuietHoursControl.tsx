import type { QuietHours } from '@/lib/quiet-hours';

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/** "9:00 PM", as Kartra's cards write clock times. */
function hourLabel(hour: number): string {
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  return `${twelve}:00 ${hour < 12 ? 'AM' : 'PM'}`;
}

export interface QuietHoursControlProps {
  quiet: QuietHours;
  onChange: (quiet: QuietHours) => void;
}

/**
 * Which hours count as night for the popup's timeline markers, and whether weekends do too.
 * Whole hours in the account's time zone, the same zone the timeline is drawn in.
 */
export function QuietHoursControl({ quiet, onChange }: QuietHoursControlProps) {
  const summary =
    quiet.from === quiet.to
      ? 'From and to are the same hour: no hour of the night counts as quiet.'
      : `A message that lands from ${hourLabel(quiet.from)} to ${hourLabel(quiet.to)} (account time zone)${quiet.weekends ? ', or on a Saturday or Sunday,' : ''} is marked in the popup's timeline.`;
  return (
    <fieldset class="quiet-hours" aria-describedby="quiet-hours-help">
      <legend>Quiet hours</legend>
      <label for="quiet-from">From</label>{' '}
      <select
        id="quiet-from"
        value={String(quiet.from)}
        onChange={(event) => onChange({ ...quiet, from: Number(event.currentTarget.value) })}
      >
        {HOURS.map((hour) => (
          <option key={hour} value={String(hour)}>
            {hourLabel(hour)}
          </option>
        ))}
      </select>{' '}
      <label for="quiet-to">to</label>{' '}
      <select
        id="quiet-to"
        value={String(quiet.to)}
        onChange={(event) => onChange({ ...quiet, to: Number(event.currentTarget.value) })}
      >
        {HOURS.map((hour) => (
          <option key={hour} value={String(hour)}>
            {hourLabel(hour)}
          </option>
        ))}
      </select>
      <br />
      <label>
        <input
          type="checkbox"
          checked={quiet.weekends}
          onChange={(event) => onChange({ ...quiet, weekends: event.currentTarget.checked })}
        />{' '}
        Weekends count as quiet
      </label>
      <p id="quiet-hours-help" class="help">
        {summary}
      </p>
    </fieldset>
  );
}
