import { START } from '../flow/graph';
import type { StartingRule } from '../model/model';
import { flowUncertainty, STARTING_RULES_NOT_SEEN, stepsPhrase } from './support';
import { defineRule, type Finding } from './types';

const meta = {
  id: 'complete-blocks-reentry',
  severity: 'info',
  title: 'Complete keeps contacts from going through again',
  description:
    'A path ends with a Complete step while a starting rule can fire again for a contact who already went through (a tag applied again, a product bought again, a form filled again, a page visited again). Complete keeps the contact in the sequence, and a contact already in a sequence is not subscribed to it again, so the second time nothing happens.',
  fix: 'If contacts should go through the sequence again, end the path with "Unsubscribe from this sequence" instead of Complete; if one pass is all they should get, nothing needs to change.',
  messages: {
    reentryBlocked:
      '{{step}} ends a path, and Starting Rules can fire again ({{triggers}}): a contact who reached Complete is still in the sequence, so that second time they are not subscribed again.',
    maybeReached:
      '{{step}} may end a path while Starting Rules can fire again ({{triggers}}); could not tell whether contacts reach it ({{uncertain}}).',
    startNotSeen: `${STARTING_RULES_NOT_SEEN}, so whether a contact can meet its trigger again after reaching Complete in {{steps}} could not be checked.`,
  },
  pages: ['editor'],
} as const;

/** Starting rules whose trigger a contact can meet a second time (KB 153000171216). */
const REFIRING: ReadonlySet<StartingRule['type']> = new Set(['tag', 'order', 'optin', 'page']);

const TRIGGER_WORDS: Readonly<Record<string, string>> = {
  tag: 'a tag applied again',
  order: 'a product bought again',
  optin: 'a form filled in again',
  page: 'a page visited again',
};

export const rule = defineRule(meta, (ctx, report) => {
  const { graph, sequence } = ctx;
  if (!sequence) return [];
  const completes = graph.steps.filter((step) => step.kind === 'complete' && step.active);
  if (completes.length === 0) return [];
  const rules = sequence.startingRules;
  if (rules === null) {
    const ends = completes.filter((step) => graph.mayRun.has(step.ref)).map((step) => step.ref);
    if (ends.length === 0) return [];
    return [report('review', 'startNotSeen', [START], { steps: stepsPhrase(ends) })];
  }
  const refiring = rules.filter((r) => REFIRING.has(r.type));
  if (refiring.length === 0) return [];
  const triggers = new Intl.ListFormat('en', { type: 'disjunction' }).format(
    new Set(refiring.map((r) => TRIGGER_WORDS[r.type] ?? r.type)),
  );
  const uncertain = flowUncertainty(graph);
  const found: Finding[] = [];
  for (const step of completes) {
    const name = ctx.describe(step.ref);
    if (graph.reachable.has(step.ref)) {
      found.push(report('fail', 'reentryBlocked', [step.ref], { step: name, triggers }));
    } else if (uncertain && graph.mayRun.has(step.ref)) {
      found.push(report('review', 'maybeReached', [step.ref], { step: name, triggers, uncertain }));
    }
  }
  return found;
});
