import { plural } from './support';
import { type CheckContext, defineRule, type Finding, type Report } from './types';

const meta = {
  id: 'sequence-paused',
  severity: 'error',
  title: 'Sequence is paused',
  description:
    'The sequence is paused, so nobody moves through it and new subscribers wait at the starting rule. Kartra shows the action a click would take, not the state: a pause icon (⏸) means the sequence is running, a green play icon (▶) means it is paused.',
  fix: 'Press the green ▶ (Activate sequence) to run it. Remember: ⏸ means running, green ▶ means paused. Contacts in a paused sequence wait and get nothing until it runs again.',
  messages: {
    paused:
      'This sequence is paused: the green ▶ in the toolbar means "activate", so nothing is being sent.{{waiting}}',
    pausedOnList:
      'Paused, as the sequence list showed at {{seenAt}} (its green ▶ means "activate"), so nothing is being sent.{{waiting}}',
    statusNotShown:
      'This page does not show whether the sequence is running or paused. Look at its row on the sequence list (Marketing › Sequences). A pause icon (⏸) there means running; a green play icon (▶) means paused.',
    rowPaused:
      'Sequence "{{name}}" is paused: its green ▶ means "activate", so nothing is being sent.{{waiting}}',
    rowUnread: 'Could not read whether sequence "{{name}}" is running or paused.',
    listUnread:
      'Part of the sequence list could not be read ({{where}}), so a paused sequence may be missing here.',
  },
  pages: ['editor', 'list'],
} as const;

type MessageId = keyof typeof meta.messages;

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

function onList(ctx: CheckContext, report: Report<MessageId>): Finding[] {
  const found: Finding[] = [];
  for (const row of ctx.rows) {
    if (row.status === 'paused') {
      const data = { name: row.name, waiting: waitingContacts(row.subscribers) };
      found.push(report('fail', 'rowPaused', [], data, { sequenceId: row.id }));
    } else if (row.status === null) {
      found.push(report('review', 'rowUnread', [], { name: row.name }, { sequenceId: row.id }));
    }
  }
  // A row the reader could not make out might be a paused sequence.
  for (const d of ctx.diagnostics) found.push(report('review', 'listUnread', [], { where: d.where }));
  return found;
}

function onEditor(ctx: CheckContext, report: Report<MessageId>): Finding[] {
  const sequence = ctx.sequence;
  if (!sequence) return [];
  if (sequence.status === 'paused') {
    return [report('fail', 'paused', [], { waiting: waitingContacts(sequence.subscribers) })];
  }
  if (sequence.status === 'active') return [];
  // The editor shows no status (the live one may not): what the list page showed earlier decides.
  const seen = ctx.visit.listSeen;
  if (seen) {
    if (seen.status === 'active') return [];
    const waiting = waitingContacts(sequence.subscribers ?? seen.subscribers);
    return [report('fail', 'pausedOnList', [], { seenAt: seenWhen(ctx, seen.seenAt), waiting })];
  }
  return [report('review', 'statusNotShown', [])];
}

export const rule = defineRule(meta, (ctx, report) =>
  ctx.page === 'list' ? onList(ctx, report) : onEditor(ctx, report),
);
