import type { Connection, SequenceModel } from '../model/model';

/**
 * Only the selected tab's canvas is in the page, so a sequence is seen one tab at a time.
 * This keeps what earlier reads saw of the other tabs of the same sequence and takes the
 * current read for the tab on screen. Sequence-level fields come from the freshest read that
 * showed them.
 */
export function mergeTabs(previous: SequenceModel | null, current: SequenceModel): SequenceModel {
  if (!previous || previous.id !== current.id) return current;
  const onScreen = new Set(current.tabs.seen);
  // A tab the tab bar no longer lists was deleted; forget it.
  const listed = new Set(current.tabs.all);
  const keep = (tab: string | undefined) =>
    tab !== undefined && !onScreen.has(tab) && (listed.size === 0 || listed.has(tab));

  // Merging is by reference number: a step read now replaces what an earlier read saw of it,
  // so a page whose tab bar cannot be read never piles the same steps up read after read.
  const currentRefs = new Set(current.steps.map((s) => s.ref));
  const keptSteps = previous.steps.filter((s) => keep(s.tab) && !currentRefs.has(s.ref));
  const keptRefs = new Set(keptSteps.map((s) => s.ref));
  const tabOf = new Map(previous.steps.map((s) => [s.ref, s.tab]));
  // Lines never leave their tab's canvas; the Starting Rules module's lines go to the Main tab's steps.
  const tabOfLine = (c: Connection) => tabOf.get(c.from === 'start' ? c.to : c.from);
  const keptConnections = previous.connections.filter(
    (c) => keep(tabOfLine(c)) && keptRefs.has(c.from === 'start' ? c.to : c.from),
  );
  const keptDiagnostics = previous.diagnostics.filter((d) => d.step !== undefined && keptRefs.has(d.step));

  return {
    ...current,
    name: current.name ?? previous.name,
    publicName: current.publicName ?? previous.publicName,
    status: current.status ?? previous.status,
    subscribers: current.subscribers ?? previous.subscribers,
    startingRules: current.startingRules ?? previous.startingRules,
    steps: [...keptSteps, ...current.steps],
    connections: [...keptConnections, ...current.connections],
    tabs: {
      all: current.tabs.all.length > 0 ? current.tabs.all : previous.tabs.all,
      seen: [...new Set([...previous.tabs.seen.filter((t) => keep(t)), ...current.tabs.seen])],
    },
    diagnostics: [...keptDiagnostics, ...current.diagnostics],
  };
}
