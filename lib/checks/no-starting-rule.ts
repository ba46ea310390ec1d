import { checkStartingRules, STARTING_RULES_NOT_SEEN } from './support';
import { defineRule } from './types';

const meta = {
  id: 'no-starting-rule',
  severity: 'info',
  title: 'No starting rule',
  description:
    'The main sequence has no starting rule. That is fine when forms, products, memberships or automations subscribe people; otherwise nobody enters it.',
  fix: 'If nothing else subscribes people, add a starting rule (opt-in form, tag, list, order, page visit, sequence or automation) to the Starting Rules module.',
  messages: {
    noRule:
      'Starting Rules has no rule: only forms, products, automations or manual subscriptions can put people in this sequence.',
    startNotSeen: `${STARTING_RULES_NOT_SEEN}.`,
  },
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx, report) =>
  checkStartingRules(ctx, report, 'startNotSeen', (rules) =>
    rules.length > 0 ? null : { messageId: 'noRule' },
  ),
);
