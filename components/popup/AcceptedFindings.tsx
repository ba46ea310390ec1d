import { useState } from 'preact/hooks';
import type { Finding, Report } from '@/lib/audit/report';
import { sendMessage } from '@/lib/extension/messaging/messenger';
import { stepLabel } from './FindingItem';

type Accepted = NonNullable<Report['accepted']>[number];

export interface Accepting {
  accept: (finding: Finding, reason: string) => Promise<void>;
  restore: (finding: Finding) => Promise<void>;
  /** What the last accept or restore did, or why it failed. */
  said: string | null;
}

/**
 * Accepting a finding of the sequence `sequenceId`: the background stores it (the one writer of
 * the accepted findings), and the open tabs read them again at once (their reports, counts and
 * badges follow).
 */
export function useAccepting(sequenceId: string | null): Accepting {
  const [said, setSaid] = useState<string | null>(null);
  const change = async (edit: 'accept' | 'restore', finding: Finding, reason = '') => {
    if (sequenceId === null) return;
    const { ruleId, kind, steps } = finding;
    try {
      if (edit === 'accept')
        await sendMessage('acceptFinding', { sequenceId, finding: { ruleId, kind, steps }, reason });
      else await sendMessage('restoreFinding', { sequenceId, finding: { ruleId, kind, steps } });
      setSaid(
        edit === 'accept'
          ? 'Accepted: it leaves the counts and the badge, and is listed under Accepted. It shows again if it changes.'
          : 'Restored to the findings.',
      );
    } catch (error) {
      setSaid(`Could not save: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return {
    accept: (finding, reason) => change('accept', finding, reason),
    restore: (finding) => change('restore', finding),
    said,
  };
}

function when(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
}

function AcceptedItem({ item, onRestore }: { item: Accepted; onRestore: (finding: Finding) => void }) {
  const { reason, acceptedAt, ...finding } = item;
  return (
    <li class={`finding finding--${item.severity}`}>
      <p class="finding__message">{item.message}</p>
      <p class="finding__fix">
        Accepted {when(acceptedAt)}
        {item.steps.length > 0 && <> ({item.steps.map(stepLabel).join(', ')})</>}
        {reason ? `: ${reason}` : ', no reason given'}
      </p>
      <p class="finding__actions">
        <button type="button" class="link-button" onClick={() => onRestore(finding)}>
          Restore<span class="visually-hidden"> this {item.ruleId} finding</span>
        </button>
      </p>
    </li>
  );
}

/** The findings the user accepted on this sequence, closed at first, each with its reason and Restore. */
export function AcceptedFindings({
  accepted,
  onRestore,
}: {
  accepted: readonly Accepted[];
  onRestore: (finding: Finding) => void;
}) {
  if (accepted.length === 0) return null;
  return (
    <details class="group group--accepted">
      <summary>Accepted ({accepted.length})</summary>
      <p class="group__note">Out of the counts and the badge; each shows again if it changes.</p>
      <ul class="findings">
        {accepted.map((item, index) => (
          <AcceptedItem key={`${item.ruleId}-${index}`} item={item} onRestore={onRestore} />
        ))}
      </ul>
    </details>
  );
}
