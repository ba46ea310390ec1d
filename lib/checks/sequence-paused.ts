import { defineRule, type Finding, finding } from './types';

const meta = {
  id: 'sequence-paused',
  severity: 'error',
  title: 'Sequence is paused',
  description:
    'The sequence is paused, so nobody moves through it and new subscribers wait at the starting rule. Kartra shows the action a click would take, not the state: a pause icon (⏸) means the sequence is running, a green play icon (▶) means it is paused.',
  fix: 'Press the green ▶ (Activate sequence) to run it. Remember: ⏸ means running, green ▶ means paused.',
  pages: ['editor', 'list'],
} as const;

export const rule = defineRule(meta, (ctx) => {
  if (ctx.page === 'list') {
    const found: Finding[] = [];
    for (const row of ctx.rows) {
      if (row.status === 'paused') {
        found.push(
          finding(
            meta,
            'fail',
            `Sequence "${row.name}" is paused: its green ▶ means "activate", so nothing is being sent.`,
            [],
            { sequenceId: row.id },
          ),
        );
      } else if (row.status === null) {
        found.push(
          finding(meta, 'review', `Could not read whether sequence "${row.name}" is running or paused.`, [], {
            sequenceId: row.id,
          }),
        );
      }
    }
    // A row the reader could not make out might be a paused sequence.
    for (const d of ctx.diagnostics) {
      found.push(
        finding(
          meta,
          'review',
          `Part of the sequence list could not be read (${d.where}), so a paused sequence may be missing here.`,
          [],
        ),
      );
    }
    return found;
  }
  const status = ctx.sequence?.status;
  if (status === 'paused') {
    return [
      finding(
        meta,
        'fail',
        'This sequence is paused: the green ▶ in the toolbar means "activate", so nothing is being sent.',
        [],
      ),
    ];
  }
  if (status === null) {
    return [finding(meta, 'review', 'Could not read whether this sequence is running or paused.', [])];
  }
  return [];
});
