import { z } from 'zod/mini';

/**
 * What the sequence list showed, as the background keeps it for the browser session
 * (lib/extension/storage/list-memory.ts) and validates it when it is read or sent to be stored. Only
 * the background and tests load this file: the content script takes its shapes as types.
 */

/** One row of the sequence list, as it was seen, and when (ISO instant). */
const count = z.nullable(z.int().check(z.minimum(0)));
export const seenListRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(['active', 'paused']),
  subscribers: count,
  completed: count,
  seenAt: z.iso.datetime(),
});
export type SeenListRow = z.infer<typeof seenListRowSchema>;

/** Rows seen on the sequence list during this browser session, by sequence id. */
export const listMemorySchema = z.record(z.string(), seenListRowSchema);
export type ListMemory = z.infer<typeof listMemorySchema>;
