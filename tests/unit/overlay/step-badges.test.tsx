import { Window } from 'happy-dom';
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { type BoxPosition, InlineOverlay } from '../../../components/overlay/InlineOverlay';
import type { Finding, Report } from '../../../lib/audit/report';
import { badgeOf, countWords, groupFindings } from '../../../lib/overlay/group-findings';

const finding = (
  severity: Finding['severity'],
  kind: Finding['kind'],
  steps: string[],
  ruleId = 'r',
): Finding => ({
  ruleId,
  messageId: 'fixture',
  severity,
  kind,
  message: `${ruleId} on ${steps.join(', ')}`,
  fix: 'Look at it.',
  steps,
});

function reportOf(findings: Finding[]): Report {
  const counts = { error: 0, warning: 0, info: 0, review: 0 };
  for (const f of findings) counts[f.kind === 'review' ? 'review' : f.severity]++;
  return { findings, counts } as unknown as Report;
}

/** The step badges the overlay draws for a report, as a person (or a screen reader) meets them. */
function badgesFor(report: Report) {
  const window = new Window({ url: 'https://app.kartra.com/' });
  const document = window.document as unknown as Document;
  const root = document.createElement('div');
  document.body.append(root);
  const grouped = groupFindings(report);
  const positions = new Map<string, BoxPosition>(
    grouped.byStep.map((step, i) => [step.ref, { left: 100 * i, top: 50, width: 80, height: 60 }]),
  );
  // Preact and the overlay's effects reach for the page's globals, as in the content script.
  const globals = globalThis as unknown as { window?: unknown; document?: unknown };
  const saved = { window: globals.window, document: globals.document };
  Object.assign(globals, { window, document });
  try {
    render(
      <InlineOverlay grouped={grouped} positions={positions} highlight={null} counts={report.counts} />,
      root,
    );
    return Array.from(root.querySelectorAll('button.badge')).map((badge) => ({
      label: badge.getAttribute('aria-label'),
      look: Array.from(badge.classList).filter((c) => c.startsWith('badge--')),
      shown: badge.textContent,
    }));
  } finally {
    render(null, root);
    Object.assign(globals, saved);
  }
}

describe('the badge on a card', () => {
  it('of a card that only needs review is a review badge: "?", neutral, "to review"', () => {
    const reviews = [finding('error', 'review', ['3'], 'a'), finding('warning', 'review', ['3'], 'b')];
    expect(badgesFor(reportOf(reviews))).toEqual([
      { label: 'Step 3: 2 to review. Show details', look: ['badge--review'], shown: '?2' },
    ]);
  });

  it('counts and colours by the worst decided finding; reviews beside it never make it an error', () => {
    const findings = [
      finding('error', 'review', ['1'], 'a'),
      finding('error', 'review', ['1'], 'b'),
      finding('warning', 'fail', ['1'], 'c'),
      finding('info', 'fail', ['2'], 'd'),
      finding('error', 'fail', ['4'], 'e'),
      finding('error', 'review', ['4'], 'f'),
    ];
    expect(badgesFor(reportOf(findings))).toEqual([
      { label: 'Step 1: 1 warning, 2 to review. Show details', look: ['badge--warning'], shown: '▲1' },
      { label: 'Step 2: 1 tip. Show details', look: ['badge--info'], shown: 'i1' },
      { label: 'Step 4: 1 error, 1 to review. Show details', look: ['badge--error'], shown: '!1' },
    ]);
  });

  it('on a page whose audit decided nothing, no card wears an error badge', () => {
    const findings = ['1', '2', '3', 'start'].flatMap((ref) => [
      finding('error', 'review', [ref], 'a'),
      finding('warning', 'review', [ref], 'b'),
    ]);
    const badges = badgesFor(reportOf(findings));
    expect(badges).toHaveLength(4);
    expect(badges.filter((badge) => !badge.look.includes('badge--review'))).toEqual([]);
    expect(badges.map((badge) => badge.label)).toContain('Starting Rules: 2 to review. Show details');
  });
});

describe('badgeOf and countWords', () => {
  it('say "to review" for findings the page did not decide, not their severity', () => {
    const findings = [finding('error', 'review', ['1']), finding('error', 'fail', ['1'])];
    expect(countWords(findings)).toBe('1 error, 1 to review');
    expect(badgeOf(findings)).toEqual({ tone: 'error', count: 1 });
    expect(badgeOf([finding('error', 'review', ['1'])])).toEqual({ tone: 'review', count: 1 });
  });
});
