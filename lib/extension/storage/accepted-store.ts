import type { Acceptance, AcceptedBySequence } from '../../accepted/accepted';
import { acceptedStoreSchema } from '../../accepted/accepted-schema';
import { ACCEPTED_KEY } from '../messaging/active-config';
import { keptPerSequence } from './kept-per-sequence';

/** The findings the user accepted, per sequence, in the extension's local storage (never synced, never sent). */
const kept = keptPerSequence<Acceptance[]>(ACCEPTED_KEY, acceptedStoreSchema, 'accepted findings', {
  version: 1,
});
export const acceptedItem = kept.item;
export const acceptedSetAsideItem = kept.setAside;

export interface LoadedAccepted {
  accepted: AcceptedBySequence;
  /** Set when the stored value could not be read (it is not applied). */
  notice: string | null;
}

export async function loadAccepted(): Promise<LoadedAccepted> {
  const { sequences, notice } = await kept.load();
  return { accepted: sequences, notice };
}

export const saveAccepted = (accepted: AcceptedBySequence): Promise<void> => kept.save(accepted);

/** Removes every accepted finding and what was set aside of them. */
export const forgetAccepted = (): Promise<void> => kept.forget();
