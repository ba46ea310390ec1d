import { useEffect, useState } from 'preact/hooks';
import { parseFindingKey } from '@/lib/audit/finding-key';
import type { Report } from '@/lib/audit/report';
import type { Changes } from '@/lib/history/history';
import { loadRuleTitles } from './FindingGroups';
import { stepLabel } from './FindingItem';
import { loadSequenceHistory } from './sequence-history';
import { useLoadedLater } from './use-loaded-later';

/**
 * What changed since an earlier visit of this sequence, from the history the background keeps
 * (lib/history) and the report of this visit (`visit`, null when the page named none): loaded
 * after the first paint, and again with each new report; none for a report not whole yet (null).
 */
export function useChangesSince(report: Report | null, visit: string | null): Changes | null {
  const [changes, setChanges] = useState<Changes | null>(null);
  const sequenceId = report?.sequence?.id ?? null;
  useEffect(() => {
    if (report === null || sequenceId === null || visit === null) return;
    let current = true;
    void loadSequenceHistory(sequenceId).then(({ logic, outcomes }) => {
      if (current) setChanges(logic.changesOfReport(outcomes, report, visit));
    });
    return () => {
      current = false;
    };
  }, [sequenceId, visit, report]);
  return changes;
}

function day(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
}

/** "Since Tue 1 Dec: 2 fixed, 1 new", with the list; nothing when there is nothing to compare. */
export function ChangesSince({ changes }: { changes: Changes | null }) {
  const titles = useLoadedLater(loadRuleTitles);
  if (!changes) return null;
  const { fixed, added } = changes;
  const line = (key: string) => {
    const { ruleId, steps } = parseFindingKey(key);
    const where = steps.length > 0 ? ` (${steps.map(stepLabel).join(', ')})` : '';
    return `${titles?.get(ruleId) ?? ruleId}${where}`;
  };
  const summary = `Since ${day(changes.since)}: ${fixed.length} fixed, ${added.length} new`;
  if (fixed.length + added.length === 0) return <p class="changes">{summary}.</p>;
  return (
    <details class="changes">
      <summary>{summary}</summary>
      <ul>
        {fixed.map((key) => (
          <li key={`fixed ${key}`}>Fixed: {line(key)}</li>
        ))}
        {added.map((key) => (
          <li key={`new ${key}`}>New: {line(key)}</li>
        ))}
      </ul>
    </details>
  );
}
