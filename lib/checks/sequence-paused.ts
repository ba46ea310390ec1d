import { plural } from './support';
import { type CheckContext, defineRule, type Finding, finding } from './types';

const meta = {
  id: 'sequence-paused',
  severity: 'error',
  title: 'Sequence is paused',
  description:
    'The sequence is paused, so nobody moves through it and new subscribers wait at the starting rule. Kartra shows the action a click would take, not the state: a pause icon (⏸) means the sequence is running, a green play icon (▶) means it is paused.',
  fix: 'Press the green ▶ (Activate sequence) to run it. Remember: ⏸ means running, green ▶ means paused. Contacts in a paused sequence wait and get nothing until it runs again.',
  pages: ['editor', 'list'],
} as const;

const HOW_TO_READ = 'A pause icon (⏸) there means running; a green play icon (▶) means paused.';

/** "12 contacts are in it: they wait and get nothing until it runs again." (nothing without contacts) */
function waitingContacts(subscribers: number | null): string {
  if (!subscribers) return '';
  const verb = subscribers === 1 ? 'is' : 'are';
  return ` ${plural(subscribers, 'contact')} ${verb} in it: they wait and get nothing until it runs again.`;
}

/** "10:02", or "2026-11-26 10:02" when it was another day, in the audit's time zone. */
function seenWhen(ctx: CheckContext, seenAt: string): string {
  const seen = ctx.timing.formatLocal(new Date(seenAt));
  const today = ctx.timing.formatLocal(ctx.now).slice(0, 10);
  return seen.startsWith(today) ? seen.slice(11) : seen;
}

function onList(ctx: CheckContext): Finding[] {
  const found: Finding[] = [];
  for (const row of ctx.rows) {
    if (row.status === 'paused') {
      found.push(
        finding(
          meta,
          'fail',
          `Sequence "${row.name}" is paused: its green ▶ means "activate", so nothing is being sent.${waitingContacts(row.subscribers)}`,
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

function onEditor(ctx: CheckContext): Finding[] {
  const sequence = ctx.sequence;
  if (!sequence) return [];
  if (sequence.status === 'paused') {
    return [
      finding(
        meta,
        'fail',
        `This sequence is paused: the green ▶ in the toolbar means "activate", so nothing is being sent.${waitingContacts(sequence.subscribers)}`,
        [],
      ),
    ];
  }
  if (sequence.status === 'active') return [];
  // The editor shows no status (the live one may not): what the list page showed earlier decides.
  const seen = ctx.visit.listSeen;
  if (seen) {
    if (seen.status === 'active') return [];
    const contacts = sequence.subscribers ?? seen.subscribers;
    return [
      finding(
        meta,
        'fail',
        `Paused, as the sequence list showed at ${seenWhen(ctx, seen.seenAt)} (its green ▶ means "activate"), so nothing is being sent.${waitingContacts(contacts)}`,
        [],
      ),
    ];
  }
  return [
    finding(
      meta,
      'review',
      `This page does not show whether the sequence is running or paused. Look at its row on the sequence list (Marketing › Sequences). ${HOW_TO_READ}`,
      [],
    ),
  ];
}

export const rule = defineRule(meta, (ctx) => (ctx.page === 'list' ? onList(ctx) : onEditor(ctx)));
