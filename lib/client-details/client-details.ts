import { MAX_DISPLAY_CHARS } from '../export/text';

/**
 * Who a sequence's client report is for, as last typed in the popup's export form: kept per
 * sequence in the extension's local storage (client-details-store.ts) so the next report of the
 * same sequence starts from it. Zod-free: the popup's form bounds what it saves with it.
 */
export interface ClientDetails {
  /** The client's name (a person or a company); may be empty. */
  client: string;
  /** A note printed on the cover; may be empty. */
  note: string;
  /** When the details were last used on a report (ISO). */
  usedAt: string;
}

/** Every sequence's details, by sequence id. */
export type ClientDetailsBySequence = Record<string, ClientDetails>;

/** What is kept at most: the sequences whose reports were made most recently, and each text's length (a note as long as a report prints). */
export const CLIENT_DETAILS_LIMITS = { sequences: 200, client: 100, note: MAX_DISPLAY_CHARS } as const;

/**
 * `store` with `details` used on `sequenceId`'s report at `now`. Both empty: the sequence is
 * forgotten, so clearing the form and exporting is how one entry is deleted. Bounded: the
 * sequences used longest ago go first.
 */
export function withClientDetails(
  store: ClientDetailsBySequence,
  sequenceId: string,
  details: Pick<ClientDetails, 'client' | 'note'>,
  now: Date,
): ClientDetailsBySequence {
  const client = details.client.trim().slice(0, CLIENT_DETAILS_LIMITS.client);
  const note = details.note.trim().slice(0, CLIENT_DETAILS_LIMITS.note);
  const { [sequenceId]: _replaced, ...others } = store;
  if (client === '' && note === '') return others;
  const entries = Object.entries({ ...others, [sequenceId]: { client, note, usedAt: now.toISOString() } });
  entries.sort(([, a], [, b]) => b.usedAt.localeCompare(a.usedAt));
  return Object.fromEntries(entries.slice(0, CLIENT_DETAILS_LIMITS.sequences));
}
