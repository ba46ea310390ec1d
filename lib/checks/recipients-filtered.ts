import { defineRule, type Finding } from './types';

const meta = {
  id: 'recipients-filtered',
  severity: 'info',
  title: 'Message recipients are filtered',
  description:
    'The step\'s Recipients stage is set to something other than "Anyone reaching this step". Contacts who fail the filter silently skip this message.',
  fix: 'Open the step\'s Recipients stage and confirm the filter is intended; Kartra recommends "Anyone reaching this step".',
  messages: {
    filtered:
      '{{step}} goes only to filtered recipients{{shown}}: contacts who fail the filter silently skip it.',
    recipientsUnread: 'Could not read who receives {{step}}.',
  },
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx, report) => {
  const found: Finding[] = [];
  for (const step of ctx.graph.steps) {
    if (step.kind !== 'email' && step.kind !== 'sms') continue;
    if (step.recipients === 'filtered') {
      const shown = step.recipientsText ? ` ("${step.recipientsText}")` : '';
      found.push(report('fail', 'filtered', [step.ref], { step: ctx.describe(step.ref), shown }));
    } else if (step.recipients === null) {
      const cause = ctx.unreadCause(step.ref, 'recipients-unread');
      found.push(
        report('review', 'recipientsUnread', [step.ref], { step: ctx.describe(step.ref) }, { cause }),
      );
    }
  }
  return found;
});
