import * as z from 'zod/mini';
import { CLIENT_DETAILS_LIMITS, type ClientDetails, type ClientDetailsBySequence } from './client-details';

/** The client details as stored (`local:clientDetails`), validated where they are read. */
const clientDetailsSchema = z.object({
  client: z.string().check(z.maxLength(CLIENT_DETAILS_LIMITS.client)),
  note: z.string().check(z.maxLength(CLIENT_DETAILS_LIMITS.note)),
  usedAt: z.iso.datetime(),
});

export const clientDetailsStoreSchema = z.object({
  version: z.literal(1),
  sequences: z.record(z.string(), clientDetailsSchema),
});

// The compiler holds the schema and the zod-free types to one shape.
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
true satisfies Same<z.infer<typeof clientDetailsSchema>, ClientDetails>;
true satisfies Same<z.infer<typeof clientDetailsStoreSchema>['sequences'], ClientDetailsBySequence>;
