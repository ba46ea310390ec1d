import { storage } from '@wxt-dev/storage';
import type * as z from 'zod/mini';
import { describeIssue } from '../issue-message';

/**
 * A record the extension keeps per sequence in its local storage (`{ version: 1, sequences }`):
 * the findings the user accepted, the audit history, the client named on the reports. Read back
 * validated; a stored value that does not validate (written by another version) is not applied,
 * is named, and is set aside under a key of its own, untouched, before anything overwrites it:
 * nothing is dropped silently.
 */
export function keptPerSequence<T>(
  key: `local:${string}`,
  schema: z.ZodMiniType<{ version: 1; sequences: Record<string, T> }>,
  what: string,
) {
  const item = storage.defineItem<unknown>(key, { fallback: null });
  const setAside = storage.defineItem<unknown>(`${key}SetAside`, { fallback: null });
  const interpret = (raw: unknown): { sequences: Record<string, T>; notice: string | null } => {
    if (raw === null || raw === undefined) return { sequences: {}, notice: null };
    const parsed = schema.safeParse(raw);
    if (parsed.success) return { sequences: parsed.data.sequences, notice: null };
    const issue = parsed.error.issues[0];
    return {
      sequences: {},
      notice: `The ${what} saved by another version could not be read (${issue ? describeIssue(issue, raw, what) : 'not valid'}), so none is used; they are kept apart when the extension next saves ${what}.`,
    };
  };
  return {
    item,
    setAside,
    interpret,
    load: async () => interpret(await item.getValue()),
    /** Stores `sequences` (validated: a caller's bug must not reach storage), an unreadable value set aside first. */
    async save(sequences: Record<string, T>): Promise<void> {
      const value = schema.parse({ version: 1, sequences });
      const before = await item.getValue();
      if (before !== null && !schema.safeParse(before).success) await setAside.setValue(before);
      await item.setValue(value);
    },
  };
}
