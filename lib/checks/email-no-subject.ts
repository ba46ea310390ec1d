import { defineRule, type Finding } from './types';

const meta = {
  id: 'email-no-subject',
  severity: 'error',
  title: 'Email has no subject',
  description: 'The email step shows no subject: the email has not been configured.',
  fix: 'Open the email step and write its subject and content before activating it.',
  messages: {
    noSubject: '{{step}} has no subject: configure the email before it goes out.',
    subjectUnread: 'Could not read the subject of {{step}}.',
  },
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx, report) => {
  const found: Finding[] = [];
  for (const step of ctx.graph.steps) {
    if (step.kind !== 'email') continue;
    if (step.title === null) {
      const cause = ctx.unreadCause(step.ref, 'title-missing');
      found.push(report('review', 'subjectUnread', [step.ref], { step: ctx.describe(step.ref) }, { cause }));
    } else if (step.title.trim() === '') {
      found.push(report('fail', 'noSubject', [step.ref], { step: ctx.describe(step.ref) }));
    }
  }
  return found;
});
