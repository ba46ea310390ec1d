import type { Finding } from '@/lib/report';
import { FindingItem } from './FindingItem';

const GROUPS = [
  { key: 'error', title: 'Errors', open: true },
  { key: 'warning', title: 'Warnings', open: false },
  { key: 'info', title: 'Tips', open: false },
] as const;

/** Decided findings by severity (errors open first), then what needs a look by eye. */
export function FindingGroups({
  findings,
  onLocate,
}: {
  findings: readonly Finding[];
  onLocate?: (ref: string) => void;
}) {
  const reviews = findings.filter((finding) => finding.kind === 'review');
  return (
    <>
      {GROUPS.map(({ key, title, open }) => {
        const group = findings.filter((finding) => finding.kind === 'fail' && finding.severity === key);
        if (group.length === 0) return null;
        return (
          <details key={key} class={`group group--${key}`} open={open}>
            <summary>
              {title} ({group.length})
            </summary>
            <ul class="findings">
              {group.map((finding, index) => (
                <FindingItem key={`${finding.ruleId}-${index}`} finding={finding} onLocate={onLocate} />
              ))}
            </ul>
          </details>
        );
      })}
      {reviews.length > 0 && (
        <details class="group group--review" open>
          <summary>Needs review ({reviews.length})</summary>
          <p class="group__note">The page did not show enough to decide these; check them by eye.</p>
          <ul class="findings">
            {reviews.map((finding, index) => (
              <FindingItem key={`${finding.ruleId}-${index}`} finding={finding} onLocate={onLocate} />
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
