import { storage } from '@wxt-dev/storage';
import type { AcceptedBySequence } from '../accepted/accepted';
import { acceptedStoreSchema } from '../accepted/accepted-schema';
import { describeIssue } from '../issue-message';
import { ACCEPTED_KEY } from './active-config';

/**
 * The findings the user accepted, per sequence, in the extension's local storage (never synced,
 * never sent). A stored value that does not validate (written by another version) is not applied,
 * is named, and is set aside under a key of its own, untouched, before anything overwrites it:
 * nothing the user decided is dropped silently.
 */
export const acceptedItem = storage.defineItem<unknown>(ACCEPTED_KEY, { fallback: null });
export const acceptedSetAsideItem = storage.defineItem<unknown>(`${ACCEPTED_KEY}SetAside`, {
  fallback: null,
});

export interface LoadedAccepted {
  accepted: AcceptedBySequence;
  /** Set when the stored value could not be read (it is not applied). */
  notice: string | null;
}

export function interpretStoredAccepted(raw: unknown): LoadedAccepted {
  if (raw === null || raw === undefined) return { accepted: {}, notice: null };
  const parsed = acceptedStoreSchema.safeParse(raw);
  if (parsed.success) return { accepted: parsed.data.sequences, notice: null };
  const issue = parsed.error.issues[0];
  return {
    accepted: {},
    notice: `The accepted findings saved by another version could not be read (${issue ? describeIssue(issue, raw, 'accepted findings') : 'not valid'}), so none is applied; they are kept apart when you next accept one.`,
  };
}

export async function loadAccepted(): Promise<LoadedAccepted> {
  return interpretStoredAccepted(await acceptedItem.getValue());
}

/** Stores `accepted` (validated: a caller's bug must not reach storage), an unreadable value set aside first. */
export async function saveAccepted(accepted: AcceptedBySequence): Promise<void> {
  const value = acceptedStoreSchema.parse({ version: 1, sequences: accepted });
  const before = await acceptedItem.getValue();
  if (before !== null && !acceptedStoreSchema.safeParse(before).success)
    await acceptedSetAsideItem.setValue(before);
  await acceptedItem.setValue(value);
}
