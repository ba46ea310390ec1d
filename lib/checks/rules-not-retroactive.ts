import { checkStartingRules, STARTING_RULES_NOT_SEEN } from './support';
import { defineRule } from './types';

const meta = {
  id: 'rules-not-retroactive',
  severity: 'info',
  title: 'Starting rules are not retroactive',
  description:
    'Starting rules only add people who meet them from now on. People who met the condition before the rule existed are not added.',
  fix: 'Subscribe earlier contacts by hand (from their profile) or with an automation.',
  messages: {
    notRetroactive:
      'Starting Rules has {{rules}}: people who met {{them}} before {{theyWere}} added are not subscribed.',
    startNotSeen: `${STARTING_RULES_NOT_SEEN}.`,
  },
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx, report) =>
  checkStartingRules(ctx, report, 'startNotSeen', (rules) => {
    if (rules.length === 0) return null;
    const one = rules.length === 1;
    const data = one
      ? { rules: 'a rule', them: 'it', theyWere: 'it was' }
      : { rules: `${rules.length} rules`, them: 'them', theyWere: 'they were' };
    return { messageId: 'notRetroactive', data };
  }),
);
