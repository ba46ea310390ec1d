import type { Step, StepKind } from './model';

/** The card's kind label, as the builder's palette names it. */
export const KIND_LABELS: Record<StepKind, string> = {
  email: 'Send email',
  sms: 'Send SMS',
  tag: 'Tag',
  list: 'List',
  sequence: 'Sequence',
  split: 'Split',
  goto: 'Go To',
  complete: 'Complete',
  unsubscribe: 'Unsubscribe',
};

const MAX_TITLE = 60;

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_TITLE ? `${flat.slice(0, MAX_TITLE - 1)}…` : flat;
}

/**
 * Names a step the way the user sees its card: `Step 3 · Send email "Last call"`.
 * `ref` is used when the step itself is unknown (a Go To naming a missing step).
 */
export function describeStep(step: Step | undefined, ref?: string): string {
  if (ref === 'start' || (!step && ref === undefined)) return 'Starting Rules';
  if (!step) return `Step ${ref}`;
  const head = `Step ${step.ref}`;
  if (step.kind === 'unknown') return step.title ? `${head} "${shorten(step.title)}"` : head;
  const label = KIND_LABELS[step.kind];
  if (step.kind === 'goto') return step.goto ? `${head} · ${label} ${step.goto}` : `${head} · ${label}`;
  const detail = step.title?.trim() ? step.title : step.target;
  return detail?.trim() ? `${head} · ${label} "${shorten(detail)}"` : `${head} · ${label}`;
}

/** Joins step names for a message: "A, B and C". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
