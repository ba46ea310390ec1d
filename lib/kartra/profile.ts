import type { KartraProfile } from './profile-schema';

export type { KartraProfile } from './profile-schema';

/**
 * Everything we rely on about Kartra's pages: selectors, class names, icons and words.
 * No other file names a Kartra class or phrase, so meeting the real builder (whose markup is
 * not public; see docs/replica-markup.md) is a change to this data, not to the code.
 * The schema is in profile-schema.ts; a unit test validates this data against it.
 */
export const kartraProfile: KartraProfile = {
  name: 'Kartra sequence builder (replica of 2026-11)',
  urls: {
    editorPath: '^/marketing/sequences/edit/([A-Za-z0-9_-]+)/?$',
    listPath: '^/marketing/sequences/?$',
  },
  editor: {
    root: '.js_sequence_builder',
    name: '.js_sequence_name',
    publicName: '.js_sequence_public_name',
    publicNamePrefix: 'Public name:',
    publicNameUnset: 'Not set',
    statusControl: '.js_sequence_status',
    subscribers: '.js_sequence_subscribers',
    tabs: { tab: '.js_subsequence_tab', selectedClass: 'active', addLabel: '+ Add' },
    mainTabLabel: 'Main',
    canvas: '.js_builder_canvas',
  },
  startingRules: {
    module: '.js_starting_rules',
    rule: '.starting_rule',
    ruleLabel: '.starting_rule_label',
    ruleIcons: [
      { iconClass: 'fa-wpforms', value: 'optin' },
      { iconClass: 'fa-tag', value: 'tag' },
      { iconClass: 'fa-list', value: 'list' },
      { iconClass: 'fa-shopping-cart', value: 'order' },
      { iconClass: 'fa-globe', value: 'page' },
      { iconClass: 'fa-random', value: 'sequence' },
      { iconClass: 'fa-cogs', value: 'automation' },
    ],
  },
  card: {
    root: '.js_sequence_step',
    fields: {
      number: '.step_number',
      kindIcon: '.step_kind_icon',
      kindLabel: '.step_kind_label',
      title: '.step_title',
      timing: '.step_timing',
      window: '.step_window',
      recipients: '.step_recipients',
      version: '.step_version',
      goto: '.step_goto',
      action: '.step_action',
      inactiveLabel: '.step_inactive_label',
      outputLabel: '.split_output_label',
    },
    kindIcons: [
      { iconClass: 'fa-envelope', value: 'email' },
      { iconClass: 'fa-mobile', value: 'sms' },
      { iconClass: 'fa-tag', value: 'tag' },
      { iconClass: 'fa-list', value: 'list' },
      { iconClass: 'fa-random', value: 'sequence' },
      { iconClass: 'fa-code-fork', value: 'split' },
      { iconClass: 'fa-share', value: 'goto' },
      { iconClass: 'fa-flag-checkered', value: 'complete' },
      { iconClass: 'fa-sign-out', value: 'unsubscribe' },
    ],
  },
  graph: {
    node: '.jtk-endpoint',
    nodeLinkedClass: 'jtk-endpoint-connected',
    line: 'svg.jtk-connector',
    linePath: 'path',
  },
  status: { runningIcon: 'fa-pause', pausedIcon: 'fa-play' },
  list: {
    root: '.js_sequence_list',
    row: '.js_sequence_row',
    nameLink: '.sequence_name a',
    subscribers: '.sequence_subscribed',
    completed: '.sequence_completed',
    statusControl: '.js_sequence_status',
  },
  words: {
    immediate: 'Right after previous step',
    wait: 'Wait',
    day: ['day', 'days'],
    hour: ['hour', 'hours'],
    datePrefix: 'On',
    dateJoin: 'at',
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    anyTime: 'Any day, any time',
    everyDay: 'Every day',
    noDays: 'No days',
    weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    anyoneRecipients: 'Anyone reaching this step',
    inactive: 'Inactive',
    goto: 'Go to',
    yes: 'Yes',
    no: 'No',
    noStartingRules: 'No starting rules yet',
    rulePrefixes: {
      optin: 'Opt-in form:',
      tag: 'Tag applied:',
      list: 'Subscribed to list:',
      order: 'Product purchased:',
      page: 'Page visited:',
      sequence: 'Completed sequence:',
      automation: 'Automation:',
    },
    actions: [
      { prefix: 'Add tag:', action: 'add' },
      { prefix: 'Remove tag:', action: 'remove' },
      { prefix: 'Subscribe to list:', action: 'subscribe' },
      { prefix: 'Unsubscribe from list:', action: 'unsubscribe' },
      { prefix: 'Subscribe to sequence:', action: 'subscribe' },
      { prefix: 'Unsubscribe from sequence:', action: 'unsubscribe' },
    ],
  },
};
