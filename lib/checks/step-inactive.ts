import { flowUncertainty } from './support';
import { defineRule, type Finding } from './types';

const meta = {
  id: 'step-inactive',
  severity: 'error',
  title: 'Step is not activated',
  description:
    'A step on a path contacts can take is inactive. New steps start inactive, and inactive steps are skipped: contacts pass straight by.',
  fix: "Open the step's ⋮ menu and choose Activate, or delete the step if it is not needed.",
  messages: {
    inactive: '{{step}} is inactive, so contacts skip it.',
    inactiveMaybeReached: '{{step}} is inactive; could not tell whether contacts reach it ({{uncertain}}).',
    looksInactive:
      '{{step}} is drawn greyed out like an inactive step but shows no label this version reads; check in its ⋮ menu that it is active.',
  },
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx, report) => {
  const { graph } = ctx;
  const uncertain = flowUncertainty(graph);
  const found: Finding[] = [];
  // Drawn greyed out like a skipped step, with no "Inactive" label this version reads.
  const looksInactive = new Set(
    ctx.diagnostics.flatMap((d) => (d.code === 'inactive-look-unread' && d.step ? [d.step] : [])),
  );
  for (const step of graph.steps) {
    if (step.active && looksInactive.has(step.ref) && graph.mayRun.has(step.ref)) {
      found.push(report('review', 'looksInactive', [step.ref], { step: ctx.describe(step.ref) }));
      continue;
    }
    if (step.active) continue;
    const name = ctx.describe(step.ref);
    if (graph.reachable.has(step.ref)) {
      found.push(report('fail', 'inactive', [step.ref], { step: name }));
    } else if (uncertain && graph.mayRun.has(step.ref)) {
      found.push(report('review', 'inactiveMaybeReached', [step.ref], { step: name, uncertain }));
    }
  }
  return found;
});
