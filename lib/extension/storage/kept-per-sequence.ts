import { storage } from '@wxt-dev/storage';
import type * as z from 'zod/mini';
import { describeIssue } from '../../issue-message';

export interface KeptOptions<T> {
  /** The version this build writes (the schema's `version`). */
  version: number;
  /** What an earlier version wrote, read as this version's sequences; null when it is not one. */
  migrate?: (raw: unknown) => Record<string, T> | null;
}

/**
 * A record the extension keeps per sequence in its local storage (`{ version, sequences }`): the
 * findings the user accepted, the audit history, the client named on the reports. Read back validated; a value an earlier version
 * wrote is migrated as it is read (and written in this version's shape at the next save). A stored
 * value that neither validates nor migrates is not applied, is named, and is set aside under a key
 * of its own, untouched, before anything overwrites it: nothing is dropped silently.
 */
export function keptPerSequence<T>(
  key: `local:${string}`,
  schema: z.ZodMiniType<{ version: number; sequences: Record<string, T> }>,
  what: string,
  { version, migrate }: KeptOptions<T>,
) {
  const item = storage.defineItem<unknown>(key, { fallback: null });
  const setAside = storage.defineItem<unknown>(`${key}SetAside`, { fallback: null });
  const read = (raw: unknown): Record<string, T> | null => {
    const parsed = schema.safeParse(raw);
    return parsed.success ? parsed.data.sequences : (migrate?.(raw) ?? null);
  };
  const interpret = (raw: unknown): { sequences: Record<string, T>; notice: string | null } => {
    if (raw === null || raw === undefined) return { sequences: {}, notice: null };
    const sequences = read(raw);
    if (sequences) return { sequences, notice: null };
    const issue = schema.safeParse(raw).error?.issues[0];
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
      const value = schema.parse({ version, sequences });
      const before = await item.getValue();
      if (before !== null && read(before) === null) await setAside.setValue(before);
      await item.setValue(value);
    },
    /** Removes every trace: the value and what was set aside. */
    async forget(): Promise<void> {
      await Promise.all([item.removeValue(), setAside.removeValue()]);
    },
  };
}
