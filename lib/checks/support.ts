import type { FlowGraph } from '../flow/graph';
import { START, subsequenceLetter } from '../flow/graph';
import { listNames } from '../model/describe-step';
import type { SequenceModel, StartingRule, Step } from '../model/model';
import type { CheckContext, Finding, MessageData, Report } from './types';

/** "tab B" / "tabs A and C". */
export function tabsPhrase(tabs: readonly string[]): string {
  return `${tabs.length === 1 ? 'tab' : 'tabs'} ${listNames(tabs)}`;
}

/** "step 4" / "steps 2 and 5", by their references. */
export function stepsPhrase(refs: readonly string[]): string {
  return `${refs.length === 1 ? 'step' : 'steps'} ${listNames(refs)}`;
}

/**
 * Why the flow's lines and jumps may be incomplete, or null when the whole flow was read.
 * Rules about where contacts can go answer 'review' with this reason instead of failing.
 * `tabsThatDoNotMatter`: unopened tabs that cannot change the rule's answer (its own).
 */
export function flowUncertainty(
  graph: FlowGraph,
  tabsThatDoNotMatter: readonly string[] = [],
): string | null {
  const reasons: string[] = [];
  const tabs = graph.tabsNotSeen.filter((tab) => !tabsThatDoNotMatter.includes(tab));
  if (tabs.length > 0) reasons.push(`${tabsPhrase(tabs)} not opened yet`);
  if (!graph.startSeen) reasons.push('the Starting Rules module not seen');
  if (graph.unreadJumps.length > 0)
    reasons.push(`the target of the Go To in ${stepsPhrase(graph.unreadJumps)} not read`);
  if (graph.cardsNotRead.length > 0) {
    const cards = graph.cardsNotRead;
    const refs = cards.filter((ref): ref is string => ref !== null);
    reasons.push(
      refs.length === cards.length
        ? `the ${refs.length === 1 ? 'card of step' : 'cards of steps'} ${listNames(refs)} not read`
        : `${cards.length} step ${cards.length === 1 ? 'card' : 'cards'} not read`,
    );
  }
  if (graph.connectionsUnread) reasons.push(linesUnreadPhrase(graph));
  else if (graph.untracedLines > 0) {
    reasons.push(
      `${graph.untracedLines} line${graph.untracedLines === 1 ? '' : 's'} not traced to both ends`,
    );
  }
  return reasons.length > 0 ? reasons.join('; ') : null;
}

/**
 * The message of a rule about lines for a canvas whose lines were not read at all, `what` being
 * what the rule could not check; `linesNotRead` fills in why.
 */
export function linesNotReadMessage(what: string): string {
  return `{{lines}}, so ${what} could not be checked.`;
}

/**
 * A rule about lines, on a canvas whose lines were not read at all: one 'review' for the whole
 * sequence, not a "not connected" on every step (nothing says they are not).
 */
export function linesNotRead<M extends string>(
  report: Report<M>,
  messageId: NoInfer<M>,
  graph: FlowGraph,
): Finding[] {
  const phrase = linesUnreadPhrase(graph);
  return [report('review', messageId, [], { lines: `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}` })];
}

function linesUnreadPhrase(graph: FlowGraph): string {
  const because = graph.connectionsUnreadReason;
  return `the connection nodes and lines could not be read on the canvas${because ? ` (${because})` : ''}`;
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

export { plural } from '../export/plural';

/**
 * Findings of a rule about date-specific steps, in step order: `onDate` gives the finding for a
 * dated step (null: nothing to report). A step whose timing line was not read may be one, so it
 * gets a 'review' worded by `timingUnread` (with `{{step}}`) rather than a silent pass.
 */
export function checkDateSteps<M extends string>(
  ctx: CheckContext,
  report: Report<M>,
  timingUnread: NoInfer<M>,
  onDate: (ref: string, at: string) => Finding | null,
): Finding[] {
  const found: Finding[] = [];
  for (const step of ctx.graph.steps) {
    if (step.delay === null) {
      const cause = ctx.unreadCause(step.ref, 'timing-unread');
      found.push(report('review', timingUnread, [step.ref], { step: ctx.describe(step.ref) }, { cause }));
    } else if (step.delay.type === 'date') {
      const dated = onDate(step.ref, step.delay.at);
      if (dated !== null) found.push(dated);
    }
  }
  return found;
}

/** Rules about the Starting Rules start their message for an unseen module with this. */
export const STARTING_RULES_NOT_SEEN = 'The Starting Rules module was not seen (it is on the main tab)';

/** The message a rule about the Starting Rules reports for them, and its data. */
export interface StartingRulesFinding<M extends string> {
  messageId: M;
  data?: MessageData;
}

/**
 * Findings of a rule about the Starting Rules, on that module: none off the builder, a 'review'
 * worded by `notSeen` when the module was not seen (its rules are unknown, not absent), else a
 * 'fail' with what `decide` finds in the rules (null: nothing to report).
 */
export function checkStartingRules<M extends string>(
  ctx: CheckContext,
  report: Report<M>,
  notSeen: NoInfer<M>,
  decide: (rules: readonly StartingRule[]) => StartingRulesFinding<NoInfer<M>> | null,
): Finding[] {
  const rules = ctx.sequence?.startingRules;
  if (rules === undefined) return [];
  if (rules === null) return [report('review', notSeen, [START])];
  const found = decide(rules);
  return found === null ? [] : [report('fail', found.messageId, [START], found.data)];
}
