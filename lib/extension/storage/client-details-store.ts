import type { ClientDetails } from '../../client-details/client-details';
import { clientDetailsStoreSchema } from '../../client-details/client-details-schema';
import { keptPerSequence } from './kept-per-sequence';

/**
 * The client and note last used on each sequence's report (lib/client-details), in the
 * extension's local storage (never synced, never sent): saved and read by the popup's export
 * form, listed and forgotten on the options page.
 */
const kept = keptPerSequence<ClientDetails>(
  'local:clientDetails',
  clientDetailsStoreSchema,
  'client details',
  { version: 1 },
);
export const clientDetailsItem = kept.item;
export const loadClientDetails = kept.load;
export const saveClientDetails = kept.save;
