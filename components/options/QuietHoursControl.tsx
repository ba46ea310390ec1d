import type { QuietHours } from '@/lib/time/quiet-hours';

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
/** One hour of the day, as a select of the 24 hours. */
function HourSelect({ id, hour, onChange }: { id: string; hour: number; onChange: (hour: number) => void }) {
  return (
    <select id={id} value={String(hour)} onChange={(event) => onChange(Number(event.currentTarget.value))}>
      {HOURS.map((h) => (
        <option key={h} value={String(h)}>
          {hourLabel(h)}
        </option>
      ))}
    </select>
  );
}

export function QuietHoursControl({ quiet, onChange }: QuietHoursControlProps) {
  const summary =
    quiet.from === quiet.to
      ? 'From and to are the same hour: no hour of the night counts as quiet.'
      : `A message that lands from ${hourLabel(quiet.from)} to ${hourLabel(quiet.to)} (account time zone)${quiet.weekends ? ', or on a Saturday or Sunday,' : ''} is marked in the popup's timeline.`;
  return (
    <fieldset class="quiet-hours" aria-describedby="quiet-hours-help">
      <legend>Quiet hours</legend>
      <label for="quiet-from">From</label>{' '}
      <HourSelect id="quiet-from" hour={quiet.from} onChange={(hour) => onChange({ ...quiet, from: hour })} />{' '}
      <label for="quiet-to">to</label>{' '}
      <HourSelect id="quiet-to" hour={quiet.to} onChange={(hour) => onChange({ ...quiet, to: hour })} />
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
