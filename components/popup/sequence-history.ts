/**
 * A sequence's outcomes as the background keeps them (lib/history), with the history's logic:
 * both imported when first asked, so the popup's first paint carries neither storage nor schema.
 */
export async function loadSequenceHistory(sequenceId: string) {
  const [logic, store] = await Promise.all([
    import('@/lib/history/history'),
    import('@/lib/extension/storage/history-store'),
  ]);
  return { logic, outcomes: (await store.loadHistory()).history[sequenceId]?.outcomes ?? [] };
}
