/**
 * Paths of the profile's CSS selectors (dot-separated). The options page checks that each
 * parses; the structure export counts what each matches, which is what a maintainer needs to
 * see to fix a profile.
 */
export const SELECTOR_PATHS = [
  'editor.root',
  'editor.name',
  'editor.publicName',
  'editor.statusControl',
  'editor.subscribers',
  'editor.tabs.tab',
  'editor.canvas',
  'startingRules.module',
  'startingRules.rule',
  'startingRules.ruleLabel',
  'card.root',
  'card.fields.number',
  'card.fields.kindIcon',
  'card.fields.kindLabel',
  'card.fields.title',
  'card.fields.timing',
  'card.fields.window',
  'card.fields.recipients',
  'card.fields.version',
  'card.fields.goto',
  'card.fields.action',
  'card.fields.inactiveLabel',
  'card.fields.outputLabel',
  'graph.node',
  'graph.line',
  'graph.linePath',
  'list.root',
  'list.row',
  'list.nameLink',
  'list.subscribers',
  'list.completed',
  'list.statusControl',
] as const;

/** The value at a dot-separated path, or undefined. */
export function valueAt(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
