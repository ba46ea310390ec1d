import { useEffect, useState } from 'preact/hooks';
import type { Finding, Report } from '@/lib/audit/report';
import { plural } from '@/lib/export/plural';
import { countWords, type GroupedFindings, type StepFindings } from '@/lib/overlay/group-findings';
import type { AcceptFinding } from '@/lib/overlay/overlay';
import { AcceptForm } from '../AcceptForm';

export interface BoxPosition {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface InlineOverlayProps {
  grouped: GroupedFindings;
  /** Where each visible card is, in viewport coordinates; steps not on screen get no badge. */
  positions: ReadonlyMap<string, BoxPosition>;
  /** A step to highlight briefly (click-to-locate from the popup). */
  highlight: { ref: string; at: number } | null;
  /** The report's counts, for the sequence panel's summary. */
  counts: Report['counts'];
  /** Takes a finding out of the counts, with the user's reason; absent: no Accept on the cards. */
  onAccept?: AcceptFinding | undefined;
}

// A review wears a question, never an error's '!': the page did not show enough to decide.
const ICON = { error: '!', warning: '▲', info: 'i', review: '?' } as const;

function stepName(ref: string): string {
  return ref === 'start' ? 'Starting Rules' : `Step ${ref}`;
}

function FindingList({
  findings,
  onAccept,
}: {
  findings: readonly Finding[];
  onAccept?: AcceptFinding | undefined;
}) {
  return (
    <ul class="findings">
      {findings.map((finding, index) => (
        <li
          key={`${finding.ruleId}-${index}`}
          class={`finding finding--${finding.kind === 'review' ? 'review' : finding.severity}`}
        >
          <p class="finding__message">
            <span class="finding__severity">
              {finding.kind === 'review' ? 'Needs review' : finding.severity}
              {': '}
            </span>
            {finding.message}
          </p>
          <p class="finding__fix">{finding.fix}</p>
          {onAccept && <AcceptForm onAccept={(reason) => onAccept(finding, reason)} />}
        </li>
      ))}
    </ul>
  );
}

function StepBadge({
  step,
  position,
  open,
  onToggle,
  onAccept,
}: {
  step: StepFindings;
  position: BoxPosition;
  open: boolean;
  onToggle: () => void;
  onAccept?: AcceptFinding | undefined;
}) {
  const label = `${stepName(step.ref)}: ${countWords(step.findings)}. ${open ? 'Hide' : 'Show'} details`;
  // The badge sits on the card's top-right corner, just outside it, so it covers no text.
  const left = position.left + position.width - 12;
  const top = position.top - 12;
  return (
    <div class="anchor" style={{ left: `${left}px`, top: `${top}px` }}>
      <button
        type="button"
        class={`badge badge--${step.tone}`}
        aria-label={label}
        aria-expanded={open}
        title={label}
        onClick={onToggle}
      >
        <span aria-hidden="true">{ICON[step.tone]}</span>
        <span aria-hidden="true">{step.count}</span>
      </button>
      {open && (
        <section class="panel" role="dialog" aria-label={`${stepName(step.ref)} findings`}>
          {/* Not a <header>: in the page's landmarks it would be a second banner beside Kartra's. */}
          <div class="panel__header">
            <h2>{stepName(step.ref)}</h2>
            <button type="button" class="close" aria-label="Close" onClick={onToggle}>
              ×
            </button>
          </div>
          <FindingList findings={step.findings} onAccept={onAccept} />
        </section>
      )}
    </div>
  );
}

export function InlineOverlay({ grouped, positions, highlight, counts, onAccept }: InlineOverlayProps) {
  const [openRef, setOpenRef] = useState<string | null>(null);
  const [sequenceOpen, setSequenceOpen] = useState(false);
  const [flash, setFlash] = useState<string | null>(null);

  useEffect(() => {
    if (!highlight) return;
    setFlash(highlight.ref);
    const timer = setTimeout(() => setFlash(null), 3000);
    return () => clearTimeout(timer);
  }, [highlight]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpenRef(null);
        setSequenceOpen(false);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const flashBox = flash ? positions.get(flash) : undefined;
  const summary = [
    plural(counts.error, 'error'),
    plural(counts.warning, 'warning'),
    plural(counts.info, 'tip'),
    counts.review > 0 ? `${counts.review} to review` : '',
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <div class="overlay">
      {flashBox && (
        <div
          class="highlight"
          style={{
            left: `${flashBox.left - 6}px`,
            top: `${flashBox.top - 6}px`,
            width: `${flashBox.width + 12}px`,
            height: `${flashBox.height + 12}px`,
          }}
        />
      )}
      {grouped.byStep.map((step) => {
        const position = positions.get(step.ref);
        if (!position) return null;
        return (
          <StepBadge
            key={step.ref}
            step={step}
            position={position}
            open={openRef === step.ref}
            onToggle={() => setOpenRef(openRef === step.ref ? null : step.ref)}
            onAccept={onAccept}
          />
        );
      })}
      <aside class="sequence-panel" aria-label="Kartra Sequence Auditor">
        {grouped.unsaved && (
          <div class="sequence-panel__unsaved" role="status">
            <p class="sequence-panel__unsaved-title">Unsaved changes: click Save Progress</p>
            <p class="sequence-panel__unsaved-detail">{grouped.unsaved.message}</p>
          </div>
        )}
        <button
          type="button"
          class="sequence-panel__toggle"
          aria-expanded={sequenceOpen}
          onClick={() => setSequenceOpen(!sequenceOpen)}
        >
          Sequence audit: {summary}
        </button>
        {sequenceOpen && (
          <div class="sequence-panel__body">
            <p class="sequence-panel__hint">
              Badges on the steps show their own findings. About the sequence as a whole:
            </p>
            {grouped.sequenceWide.length > 0 ? (
              <FindingList findings={grouped.sequenceWide} />
            ) : (
              <p class="sequence-panel__hint">Nothing.</p>
            )}
          </div>
        )}
      </aside>
    </div>
  );
}
