/**
 * What the browser side of the replica needs of the spec format, without its schema
 * (tests/replica/spec.ts validates specs in Node): the step kinds and week days, and which tab a
 * step is on. Kept free of zod so the replica's pages load only what they draw with.
 *
 * The step kinds and week days repeat lib/model/model.ts's on purpose: the spec belongs to the replica
 * (Kartra's side), and a change to our reader's model must not change what the replica accepts.
 */

export const SPEC_WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export const SPEC_STEP_KINDS = [
  'email',
  'sms',
  'tag',
  'list',
  'sequence',
  'split',
  'goto',
  'complete',
  'unsubscribe',
] as const;
export type SpecStepKind = (typeof SPEC_STEP_KINDS)[number];

/** Steps with no output node: nothing can follow them. */
export const TERMINAL_KINDS: readonly SpecStepKind[] = ['goto', 'complete', 'unsubscribe'];

/** The tab a ref lives on: "Main" for "3", "A" for "A1". "start" is on Main. */
export function tabOfRef(ref: string): string {
  const letter = /^[A-Z]/.exec(ref);
  return letter ? letter[0] : 'Main';
}
