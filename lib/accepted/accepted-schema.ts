import * as z from 'zod/mini';
import type { Acceptance, AcceptedBySequence } from './accepted';
import { ACCEPTED_LIMITS } from './accepted';

/** The accepted findings as stored (`local:acceptedFindings`), validated where they are read. */
const acceptanceSchema = z.object({
  ruleId: z.string().check(z.minLength(1)),
  kind: z.enum(['fail', 'review']),
  steps: z.array(z.string().check(z.minLength(1))),
  reason: z.string().check(z.maxLength(ACCEPTED_LIMITS.reasonLength)),
  acceptedAt: z.iso.datetime(),
});

export const acceptedStoreSchema = z.object({
  version: z.literal(1),
  sequences: z.record(z.string(), z.array(acceptanceSchema)),
});

// The compiler holds the schema and the zod-free types to one shape.
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
true satisfies Same<z.infer<typeof acceptanceSchema>, Acceptance>;
true satisfies Same<z.infer<typeof acceptedStoreSchema>['sequences'], AcceptedBySequence>;
