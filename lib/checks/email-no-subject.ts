import { defineRule, type Finding, finding } from './types';

const meta = {
  id: 'email-no-subject',
  severity: 'error',
  title: 'Email has no subject',
  description: 'The email step shows no subject: the email has not been configured.',
  fix: 'Open the email step and write its subject and content before activating it.',
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx) => {
  const found: Finding[] = [];
  for (const step of ctx.graph.steps) {
    if (step.kind !== 'email') continue;
    if (step.title === null) {
      found.push(
        finding(meta, 'review', `Could not read the subject of ${ctx.describe(step.ref)}.`, [step.ref], {
          cause: ctx.unreadCause(step.ref, 'title-missing'),
        }),
      );
    } else if (step.title.trim() === '') {
      found.push(
        finding(
          meta,
          'fail',
          `${ctx.describe(step.ref)} has no subject: configure the email before it goes out.`,
          [step.ref],
        ),
      );
    }
  }
  return found;
});
