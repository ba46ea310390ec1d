import type { Finding } from '@/lib/audit/report';
import { AcceptForm } from '../AcceptForm';

export interface FindingItemProps {
  finding: Finding;
  /** Scrolls the builder to the step; absent on pages without steps. */
  onLocate?: (ref: string) => void;
  /** Takes the finding out of the counts, with the user's reason; absent where nothing can be accepted. */
  onAccept?: (finding: Finding, reason: string) => void;
}

export function stepLabel(ref: string): string {
  return ref === 'start' ? 'Starting Rules' : `step ${ref}`;
}

/** One finding: the message, the fix, the steps it concerns and a link to the rule's page. */
export function FindingItem({ finding, onLocate, onAccept }: FindingItemProps) {
  const docs = browser.runtime.getURL(`/rules.html#${finding.ruleId}`);
  return (
    <li class={`finding finding--${finding.severity}`}>
      <p class="finding__message">{finding.message}</p>
      <p class="finding__fix">
        <strong>Fix: </strong>
        {finding.fix}
      </p>
      <p class="finding__actions">
        {onLocate &&
          finding.steps.map((ref) => (
            <button key={ref} type="button" class="link-button" onClick={() => onLocate(ref)}>
              Show {stepLabel(ref)}
            </button>
          ))}
        <a href={docs} target="_blank" rel="noreferrer">
          Learn more<span class="visually-hidden"> about {finding.ruleId}</span>
        </a>
      </p>
      {onAccept && <AcceptForm onAccept={(reason) => onAccept(finding, reason)} />}
    </li>
  );
}
