import { defineRule, type Finding } from './types';

const meta = {
  id: 'version-split-invalid',
  severity: 'warning',
  title: 'Email versions split badly',
  description:
    "An email's versions take more than 100% of its traffic. Version A gets whatever the others leave, so together they can share at most 100%.",
  fix: "Open the email's versions and set percentages that add up to at most 100.",
  messages: {
    overShared: '{{step}}: its versions add up to {{total}}%, more than the 100% there is to share.',
  },
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx, report) => {
  const found: Finding[] = [];
  for (const step of ctx.graph.steps) {
    if (step.versions.length === 0) continue;
    const total = step.versions.reduce((sum, v) => sum + v.percent, 0);
    if (total <= 100 + 1e-9) continue;
    found.push(
      report('fail', 'overShared', [step.ref], {
        step: ctx.describe(step.ref),
        total: Math.round(total * 100) / 100,
      }),
    );
  }
  return found;
});
