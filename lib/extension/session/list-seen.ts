import type { ListRow } from '../../model/model';
import type { ListMemory } from '../../visit/visit';

export interface ListSeen {
  /** What the list showed of `sequenceId`, when it was seen. */
  of(sequenceId: string): ListMemory[string] | null;
  /** The rows the list shows now (rows whose status was not read are not kept). */
  remember(rows: readonly ListRow[], seenAt: string): void;
  /** What another tab saw on the list since: replaces this copy. */
  replace(memory: ListMemory): void;
  all(): ListMemory;
}

/**
 * The audit session's working copy of what the sequence list showed this browser session. It is
 * the only copy in the tab; `save` hands each change to the background, which keeps it.
 */
export function listSeen(initial: ListMemory, save: ((memory: ListMemory) => void) | null): ListSeen {
  let memory: ListMemory = { ...initial };
  return {
    of: (sequenceId) => memory[sequenceId] ?? null,
    remember(rows, seenAt) {
      if (!save) return;
      const seen = rows.filter((row) => row.status !== null);
      if (seen.length === 0) return;
      memory = { ...memory };
      for (const row of seen)
        memory[row.id] = { ...row, status: row.status as NonNullable<ListRow['status']>, seenAt };
      save(memory);
    },
    replace(next) {
      memory = { ...next };
    },
    all: () => ({ ...memory }),
  };
}
