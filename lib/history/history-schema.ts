import * as z from 'zod/mini';
import { STEP_KINDS } from '../model/kinds';
import type { History, Outcome, SequenceHistory, SequenceOutcome } from './history';
import { HISTORY_LIMITS } from './history';

const count = () => z.int().check(z.minimum(0));
const instant = () => z.iso.datetime();
const name = () => z.string().check(z.minLength(1), z.maxLength(HISTORY_LIMITS.nameLength + 1));
const sequenceStatus = () => z.enum(['active', 'paused']);

const counts = z.object({ error: count(), warning: count(), info: count(), review: count() });
const findings = z
  .array(z.string().check(z.minLength(1), z.maxLength(300)))
  .check(z.maxLength(HISTORY_LIMITS.findings));

/** A box as its step map showed it: number, kind, fingerprint of the title (lib/export/step-map-since.ts). */
const stepPrint = z.tuple([
  z.string().check(z.minLength(1), z.maxLength(20)),
  z.enum(STEP_KINDS),
  z.string().check(z.minLength(1), z.maxLength(11)),
]);

/** One visit's outcome, as the content script sends it and the store keeps it. */
export const outcomeSchema = z.object({
  visit: instant(),
  at: instant(),
  complete: z.boolean(),
  counts,
  accepted: z.nullable(count()),
  findings,
  // Absent on what this version stored before it kept step maps: read as no map to compare with.
  stepMap: z.optional(z.array(stepPrint).check(z.maxLength(HISTORY_LIMITS.boxes))),
});

/** What reportChanged carries of a builder's audit, for the history. */
export const sequenceOutcomeSchema = z.object({
  sequenceId: z.string().check(z.minLength(1)),
  name: z.nullable(name()),
  status: z.nullable(sequenceStatus()),
  outcome: outcomeSchema,
});

const sequenceHistorySchema = z.object({
  name: z.nullable(name()),
  status: z.nullable(
    z.object({ value: sequenceStatus(), seenOn: z.enum(['editor', 'list']), at: instant() }),
  ),
  outcomes: z.array(outcomeSchema).check(z.minLength(1), z.maxLength(HISTORY_LIMITS.visits)),
});

export const historyStoreSchema = z.object({
  version: z.literal(2),
  sequences: z.record(z.string(), sequenceHistorySchema),
});

/** What the first version kept: outcomes only, with no name, status or accepted count. */
const historyV1Schema = z.object({
  version: z.literal(1),
  sequences: z.record(
    z.string(),
    z.array(z.object({ visit: instant(), at: instant(), complete: z.boolean(), counts, findings })),
  ),
});

/**
 * A history the first version wrote, as this version keeps it: nothing is lost, and what it did
 * not keep is unknown (the name and status until a page shows them, the accepted count of its
 * outcomes). Null when `raw` is not one.
 */
export function migrateHistory(raw: unknown): History | null {
  const parsed = historyV1Schema.safeParse(raw);
  if (!parsed.success) return null;
  const history: History = {};
  for (const [id, outcomes] of Object.entries(parsed.data.sequences)) {
    // A sequence with no outcome held nothing.
    if (outcomes.length === 0) continue;
    history[id] = {
      name: null,
      status: null,
      outcomes: outcomes.slice(-HISTORY_LIMITS.visits).map((outcome) => ({ ...outcome, accepted: null })),
    };
  }
  return history;
}

// The compiler holds the schema and the zod-free types to one shape.
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
true satisfies Same<z.infer<typeof outcomeSchema>, Outcome>;
true satisfies Same<z.infer<typeof sequenceOutcomeSchema>, SequenceOutcome>;
true satisfies Same<z.infer<typeof sequenceHistorySchema>, SequenceHistory>;
true satisfies Same<z.infer<typeof historyStoreSchema>['sequences'], History>;
