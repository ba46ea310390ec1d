import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Finding, Report } from '@/lib/audit/report';
import { groupReviewsByCause } from '@/lib/checks/causes';
import { FindingItem } from './FindingItem';
import { CauseItem, type Teaching } from './ReviewCauses';
import { useLoadedLater } from './use-loaded-later';

/** The rules' titles, for what a cause left unchecked; the rules' code is not needed to paint. */
export const loadRuleTitles = () =>
  import('@/lib/checks/index').then(
    ({ RULES }) => new Map(RULES.map((rule) => [rule.meta.id, rule.meta.title])),
  );

const GROUPS = [
  { key: 'error', title: 'Errors', open: true },
  { key: 'warning', title: 'Warnings', open: false },
  { key: 'info', title: 'Tips', open: false },
] as const;

/**
 * Whether a finding, as it arrives (not validated yet), belongs to a group drawn closed: the
 * popup's first paint draws those groups' titles from the report's counts, and validates their
 * findings just after it (askReportInTwo).
 */
export const drawnClosed = (finding: Readonly<Record<string, unknown>>): boolean =>
  finding.kind === 'fail' && GROUPS.some(({ key, open }) => !open && finding.severity === key);

/**
 * Findings drawn per group at first; "Show all" draws the rest. A 1,000-step sequence can have
 * hundreds of findings, and drawing them all kept the popup blank for a third of a second, while
 * a popup shows five or six at a time anyway.
 */
const FINDINGS_SHOWN_FIRST = 20;

interface FindingGroupProps {
  kind: string;
  title: string;
  open: boolean;
  findings: readonly Finding[];
  /** The number in the title, when the group shows more than its `findings` (causes above them). */
  count?: number;
  onLocate?: (ref: string) => void;
  onAccept?: (finding: Finding, reason: string) => void;
  children?: ComponentChildren;
}

/** One collapsible group; its findings are drawn only once it is opened. */
function FindingGroup({
  kind,
  title,
  open,
  findings,
  count,
  onLocate,
  onAccept,
  children,
}: FindingGroupProps) {
  const [isOpen, setOpen] = useState(open);
  const [all, setAll] = useState(false);
  const shown = all ? findings : findings.slice(0, FINDINGS_SHOWN_FIRST);
  return (
    <details
      class={`group group--${kind}`}
      open={isOpen}
      onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>
        {title} ({count ?? findings.length})
      </summary>
      {isOpen && (
        <>
          {children}
          <ul class="findings">
            {shown.map((finding, index) => (
              <FindingItem
                key={`${finding.ruleId}-${index}`}
                finding={finding}
                onLocate={onLocate}
                onAccept={onAccept}
              />
            ))}
          </ul>
          {shown.length < findings.length && (
            <button type="button" class="link-button group__more" onClick={() => setAll(true)}>
              Show all {findings.length} ({findings.length - shown.length} more)
            </button>
          )}
        </>
      )}
    </details>
  );
}

/** Decided findings by severity (errors open first), then what needs a look by eye. */
export function FindingGroups({
  findings,
  heldBack = null,
  onLocate,
  onTeach,
  onAccept,
}: {
  findings: readonly Finding[];
  /** The report's counts, while the closed groups' findings are held back (see drawnClosed). */
  heldBack?: Report['counts'] | null;
  onLocate?: (ref: string) => void;
  onAccept?: (finding: Finding, reason: string) => void;
  /** Offered on reviews whose words the user can teach. */
  onTeach?: Teaching['teach'];
}) {
  const reviews = findings.filter((finding) => finding.kind === 'review');
  const { groups: causes, rest } = groupReviewsByCause(reviews);
  const ruleTitles = useLoadedLater(loadRuleTitles);
  return (
    <>
      {GROUPS.map(({ key, title, open }) => {
        const group = findings.filter((finding) => finding.kind === 'fail' && finding.severity === key);
        const count = heldBack && !open ? heldBack[key] : group.length;
        if (count === 0) return null;
        return (
          <FindingGroup
            key={key}
            kind={key}
            title={title}
            open={open}
            findings={group}
            count={count}
            onLocate={onLocate}
            onAccept={onAccept}
          />
        );
      })}
      {reviews.length > 0 && (
        <FindingGroup
          kind="review"
          title="Needs review"
          open
          findings={rest}
          count={reviews.length}
          onLocate={onLocate}
          onAccept={onAccept}
        >
          <p class="group__note">The page did not show enough to decide these; check them by eye.</p>
          {causes.length > 0 && (
            <ul class="findings">
              {causes.map((group) => (
                <CauseItem
                  key={`${group.cause.code} ${group.examples[0] ?? ''}`}
                  group={group}
                  ruleTitles={ruleTitles}
                  onLocate={onLocate}
                  onTeach={onTeach}
                />
              ))}
            </ul>
          )}
        </FindingGroup>
      )}
    </>
  );
}
