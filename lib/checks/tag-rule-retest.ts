import { checkStartingRules } from './support';
import { defineRule } from './types';

const meta = {
  id: 'tag-rule-retest',
  severity: 'info',
  title: 'Tag starting rule: re-testing needs the tag re-applied',
  description:
    'A tag starting rule fires only when the tag is newly applied. A contact who already holds the tag is not added again.',
  fix: 'When re-testing with the same contact, remove the tag from the contact and apply it again.',
  messages: {
    tagRule:
      'Starting Rules uses a tag rule ({{tags}}): it fires only when the tag is newly applied, so a test contact who already has the tag is not added again.',
    startNotSeen: 'The Starting Rules module was not seen, so its tag rules could not be listed.',
  },
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx, report) =>
  checkStartingRules(ctx, report, 'startNotSeen', (rules) => {
    const tags = rules.filter((r) => r.type === 'tag');
    if (tags.length === 0) return null;
    return { messageId: 'tagRule', data: { tags: tags.map((r) => `"${r.label}"`).join(', ') } };
  }),
);
