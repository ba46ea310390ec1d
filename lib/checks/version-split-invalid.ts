import { defineRule, type Finding, finding } from './types';

const meta = {
  id: 'version-split-invalid',
  severity: 'warning',
  title: 'Email versions split badly',
  description:
    "An email's versions take more than 100% of its traffic, or a version other than A is at 0% (a draft nobody receives). Version A gets whatever the others leave.",
  fix: "Open the email's versions and set percentages that add up to at most 100, or delete the 0% version.",
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx) => {
  const found: Finding[] = [];
  for (const step of ctx.graph.steps) {
    if (step.versions.length === 0) continue;
    const problems: string[] = [];
    const total = step.versions.reduce((sum, v) => sum + v.percent, 0);
    if (total > 100 + 1e-9) problems.push(`its versions add up to ${Math.round(total * 100) / 100}%`);
    const drafts = step.versions.filter((v) => v.name.trim().toUpperCase() !== 'A' && v.percent === 0);
    if (drafts.length > 0) {
      const names = drafts.map((v) => v.name).join(', ');
      problems.push(
        `version ${names} ${drafts.length === 1 ? 'is' : 'are'} at 0%, so nobody receives ${drafts.length === 1 ? 'it' : 'them'}`,
      );
    }
    if (problems.length === 0) continue;
    found.push(finding(meta, 'fail', `${ctx.describe(step.ref)}: ${problems.join('; ')}.`, [step.ref]));
  }
  return found;
});
