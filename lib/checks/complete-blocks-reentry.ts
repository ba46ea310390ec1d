import { START } from '../flow/graph';
import { listNames } from '../model/describe-step';
import type { StartingRule } from '../model/model';
import { flowUncertainty } from './support';
import { defineRule, type Finding, finding } from './types';

const meta = {
  id: 'complete-blocks-reentry',
  severity: 'info',
  title: 'Complete keeps contacts from going through again',
  description:
    'A path ends with a Complete step while a starting rule can fire again for a contact who already went through (a tag applied again, a product bought again, a form filled again, a page visited again). Complete keeps the contact in the sequence, and a contact already in a sequence is not subscribed to it again, so the second time nothing happens.',
  fix: 'If contacts should go through the sequence again, end the path with "Unsubscribe from this sequence" instead of Complete; if one pass is all they should get, nothing needs to change.',
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

export const rule = defineRule(meta, (ctx) => {
  const { graph, sequence } = ctx;
  if (!sequence) return [];
  const completes = graph.steps.filter((step) => step.kind === 'complete' && step.active);
  if (completes.length === 0) return [];
  const rules = sequence.startingRules;
  if (rules === null) {
    const ends = completes.filter((step) => graph.mayRun.has(step.ref)).map((step) => step.ref);
    if (ends.length === 0) return [];
    return [
      finding(
        meta,
        'review',
        `The Starting Rules module was not seen (it is on the main tab), so whether a contact can meet its trigger again after reaching Complete in ${ends.length === 1 ? 'step' : 'steps'} ${listNames(ends)} could not be checked.`,
        [START],
      ),
    ];
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
      found.push(
        finding(
          meta,
          'fail',
          `${name} ends a path, and Starting Rules can fire again (${triggers}): a contact who reached Complete is still in the sequence, so that second time they are not subscribed again.`,
          [step.ref],
        ),
      );
    } else if (uncertain && graph.mayRun.has(step.ref)) {
      found.push(
        finding(
          meta,
          'review',
          `${name} may end a path while Starting Rules can fire again (${triggers}); could not tell whether contacts reach it (${uncertain}).`,
          [step.ref],
        ),
      );
    }
  }
  return found;
});
