import * as z from 'zod/mini';
import type { History, Outcome } from './history';
import { HISTORY_LIMITS } from './history';

const count = () => z.int().check(z.minimum(0));

/** One visit's outcome, as the content script sends it and the store keeps it. */
export const outcomeSchema = z.object({
  visit: z.iso.datetime(),
  at: z.iso.datetime(),
  complete: z.boolean(),
  counts: z.object({ error: count(), warning: count(), info: count(), review: count() }),
  findings: z
    .array(z.string().check(z.minLength(1), z.maxLength(300)))
    .check(z.maxLength(HISTORY_LIMITS.findings)),
});

/** What reportChanged carries of a builder's audit, for the history. */
export const sequenceOutcomeSchema = z.object({
  sequenceId: z.string().check(z.minLength(1)),
  outcome: outcomeSchema,
});

export const historyStoreSchema = z.object({
  version: z.literal(1),
  sequences: z.record(z.string(), z.array(outcomeSchema)),
});

// The compiler holds the schema and the zod-free types to one shape.
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
true satisfies Same<z.infer<typeof outcomeSchema>, Outcome>;
true satisfies Same<z.infer<typeof historyStoreSchema>['sequences'], History>;
