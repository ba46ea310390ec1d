/**
 * The closed lists of step kinds, starting-rule types and report page kinds, without zod: the model's schema and the
 * profile's schema both build on them, and the content script imports them without bundling
 * the model's schema.
 */

export const STEP_KINDS = [
  'email',
  'sms',
  'tag',
  'list',
  'sequence',
  'split',
  'goto',
  'complete',
  'unsubscribe',
] as const;

export const STARTING_RULE_TYPES = [
  'optin',
  'tag',
  'list',
  'order',
  'page',
  'sequence',
  'automation',
] as const;

/** What page a report is of (the report schema's `page.kind`; the background ranks frames by it). */
export const REPORT_PAGE_KINDS = ['editor', 'list', 'unrecognised', 'other'] as const;
