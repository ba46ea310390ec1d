import { defineRule, type Finding, finding } from './types';

const meta = {
  id: 'recipients-filtered',
  severity: 'info',
  title: 'Message recipients are filtered',
  description:
    'The step\'s Recipients stage is set to something other than "Anyone reaching this step". Contacts who fail the filter silently skip this message.',
  fix: 'Open the step\'s Recipients stage and confirm the filter is intended; Kartra recommends "Anyone reaching this step".',
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx) => {
  const found: Finding[] = [];
  for (const step of ctx.graph.steps) {
    if (step.kind !== 'email' && step.kind !== 'sms') continue;
    if (step.recipients === 'filtered') {
      const shown = step.recipientsText ? ` ("${step.recipientsText}")` : '';
      found.push(
        finding(
          meta,
          'fail',
          `${ctx.describe(step.ref)} goes only to filtered recipients${shown}: contacts who fail the filter silently skip it.`,
          [step.ref],
        ),
      );
    } else if (step.recipients === null) {
      found.push(
        finding(meta, 'review', `Could not read who receives ${ctx.describe(step.ref)}.`, [step.ref], {
          cause: ctx.unreadCause(step.ref, 'recipients-unread'),
        }),
      );
    }
  }
  return found;
});
