import { START } from '../graph';
import { defineRule, finding } from './types';

const meta = {
  id: 'rules-not-retroactive',
  severity: 'info',
  title: 'Starting rules are not retroactive',
  description:
    'Starting rules only add people who meet them from now on. People who met the condition before the rule existed are not added.',
  fix: 'Subscribe earlier contacts by hand (from their profile) or with an automation.',
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx) => {
  const rules = ctx.sequence?.startingRules;
  if (rules === undefined) return [];
  if (rules === null) {
    return [
      finding(meta, 'review', 'The Starting Rules module was not seen (it is on the main tab).', [START]),
    ];
  }
  if (rules.length === 0) return [];
  return [
    finding(
      meta,
      'fail',
      `Starting Rules has ${rules.length === 1 ? 'a rule' : `${rules.length} rules`}: people who met ${rules.length === 1 ? 'it' : 'them'} before ${rules.length === 1 ? 'it was' : 'they were'} added are not subscribed.`,
      [START],
    ),
  ];
});
