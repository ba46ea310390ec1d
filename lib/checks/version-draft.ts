import { defineRule, type Finding } from './types';

const meta = {
  id: 'version-draft',
  severity: 'info',
  title: 'Email version kept at 0%',
  description:
    'A version other than A is at 0% of the traffic, so nobody receives it. People keep a version at 0% on purpose, as a draft under review; this is a reminder, not a mistake.',
  fix: "When the draft is ready, give it its share in the email's versions (or delete it if it is not needed).",
  messages: {
    draft:
      '{{step}}: version {{versions}} {{are}} at 0%, so nobody receives {{them}} yet (a draft, if that is what you meant).',
  },
  pages: ['editor'],
} as const;

/** Version A takes whatever the others leave, so only another version at 0% is a draft. */
const isDraft = (name: string, percent: number) => name.trim().toUpperCase() !== 'A' && percent === 0;

export const rule = defineRule(meta, (ctx, report) => {
  const found: Finding[] = [];
  for (const step of ctx.graph.steps) {
    const drafts = step.versions.filter((v) => isDraft(v.name, v.percent)).map((v) => v.name);
    if (drafts.length === 0) continue;
    const one = drafts.length === 1;
    found.push(
      report('fail', 'draft', [step.ref], {
        step: ctx.describe(step.ref),
        versions: drafts.join(', '),
        are: one ? 'is' : 'are',
        them: one ? 'it' : 'them',
      }),
    );
  }
  return found;
});
