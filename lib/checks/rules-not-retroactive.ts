import { checkStartingRules } from './support';
import { defineRule } from './types';

const meta = {
  id: 'rules-not-retroactive',
  severity: 'info',
  title: 'Starting rules are not retroactive',
  description:
    'Starting rules only add people who meet them from now on. People who met the condition before the rule existed are not added.',
  fix: 'Subscribe earlier contacts by hand (from their profile) or with an automation.',
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx) =>
  checkStartingRules(ctx, meta, (rules) => {
    if (rules.length === 0) return null;
    const one = rules.length === 1;
    return `Starting Rules has ${one ? 'a rule' : `${rules.length} rules`}: people who met ${one ? 'it' : 'them'} before ${one ? 'it was' : 'they were'} added are not subscribed.`;
  }),
);
