import type { FlowGraph } from '../graph';
import { subsequenceLetter } from '../graph';
import type { SequenceModel, Step } from '../model';

/** "tab B" / "tabs A and C". */
export function tabsPhrase(tabs: readonly string[]): string {
  if (tabs.length === 1) return `tab ${tabs[0]}`;
  return `tabs ${tabs.slice(0, -1).join(', ')} and ${tabs[tabs.length - 1]}`;
}

/**
 * Why the flow's lines and jumps may be incomplete, or null when the whole flow was read.
 * Rules about where contacts can go answer 'review' with this reason instead of failing.
 */
export function flowUncertainty(graph: FlowGraph): string | null {
  const reasons: string[] = [];
  if (graph.tabsNotSeen.length > 0) reasons.push(`${tabsPhrase(graph.tabsNotSeen)} not opened yet`);
  if (!graph.startSeen) reasons.push('the Starting Rules module not seen');
  if (graph.untracedLines > 0) {
    reasons.push(
      `${graph.untracedLines} line${graph.untracedLines === 1 ? '' : 's'} not traced to both ends`,
    );
  }
  return reasons.length > 0 ? reasons.join('; ') : null;
}

/** The tab a reference lives on: its letter for sub-sequences, the main tab otherwise. */
export function tabOfRef(sequence: SequenceModel, ref: string): string {
  const letter = subsequenceLetter(ref);
  if (letter !== null) return letter;
  const mainStep = sequence.steps.find((s) => subsequenceLetter(s.ref) === null);
  return mainStep?.tab ?? sequence.tabs.all[0] ?? '';
}

/** Steps where a contact's path may end on purpose (KB 153000172724; sub-sequences: KB 153000232921). */
export function isEnding(step: Step, sequence: SequenceModel): boolean {
  if (step.kind === 'complete' || step.kind === 'unsubscribe' || step.kind === 'goto') return true;
  // An unsubscribe from this very sequence ends it just as the dedicated step does.
  return (
    step.kind === 'sequence' &&
    step.action === 'unsubscribe' &&
    step.target !== null &&
    sequence.name !== null &&
    step.target.trim().toLowerCase() === sequence.name.trim().toLowerCase()
  );
}

export function isMessage(step: Step): boolean {
  return step.kind === 'email' || step.kind === 'sms';
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
