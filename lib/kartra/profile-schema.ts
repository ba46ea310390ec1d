import { z } from 'zod';
import { stepKindSchema } from '../model';

/**
 * The shape of a Kartra profile (see profile.ts). Kept apart from the data so the content script
 * can carry the built-in profile without bundling zod; a profile supplied later (options page)
 * is validated with this schema.
 *
 * Selectors are CSS selectors. Icons are matched by class name (Font Awesome style).
 * Phrases are matched case-insensitively after whitespace is collapsed.
 */

const selector = z.string().min(1);
const iconMap = <T extends z.ZodType>(value: T) => z.array(z.object({ iconClass: z.string().min(1), value }));

export const kartraProfileSchema = z.object({
  name: z.string(),
  urls: z.object({
    /** Regular expression on the URL's pathname; group 1 is the sequence id. */
    editorPath: z.string(),
    listPath: z.string(),
  }),
  editor: z.object({
    /** The builder root; its absence on an editor URL means "unrecognised". */
    root: selector,
    name: selector,
    publicName: selector,
    /** The words before the public name ("Public name:") and the text shown when unset. */
    publicNamePrefix: z.string(),
    publicNameUnset: z.string(),
    statusControl: selector,
    subscribers: selector,
    tabs: z.object({ tab: selector, selectedClass: z.string(), addLabel: z.string() }),
    mainTabLabel: z.string(),
    canvas: selector,
  }),
  startingRules: z.object({
    module: selector,
    rule: selector,
    ruleLabel: selector,
    ruleIcons: iconMap(z.enum(['optin', 'tag', 'list', 'order', 'page', 'sequence', 'automation'])),
  }),
  card: z.object({
    root: selector,
    /**
     * Per field, the element whose text is read, tried first. A field without a selector, or
     * whose selector matches nothing on a card, is looked for among the card's visible texts by
     * what it says (a number bubble, "Wait 2 days", "Go to A1"...), so none is required.
     */
    fields: z.object({
      number: selector.optional(),
      kindIcon: selector.optional(),
      kindLabel: selector.optional(),
      title: selector.optional(),
      timing: selector.optional(),
      window: selector.optional(),
      recipients: selector.optional(),
      version: selector.optional(),
      goto: selector.optional(),
      action: selector.optional(),
      inactiveLabel: selector.optional(),
      outputLabel: selector.optional(),
    }),
    kindIcons: iconMap(stepKindSchema),
    /** The kind labels, read when a card's icon is not one we know. */
    kindLabels: z.array(z.object({ label: z.string().min(1), value: stepKindSchema })),
  }),
  /**
   * Connection nodes and lines (the built-in profile: as @jsplumb/browser-ui renders them).
   * A node shows that a line ends on it by a class, or only by its colour (grey free, yellow
   * linked); with neither, the reader does not judge nodes by their look.
   */
  graph: z.object({
    node: selector,
    nodeLinkedClass: z.string().min(1).optional(),
    /** The computed colour of a linked node (`rgb(245, 196, 0)`): its background, or its shape's fill. */
    nodeLinkedColor: z.string().min(1).optional(),
    /** The line elements; `linePath` finds each one's path inside it (or the element is the path). */
    line: selector,
    linePath: selector,
  }),
  status: z.object({
    /** Kartra shows the action a click would take: a pause icon while running, play while paused. */
    runningIcon: z.string(),
    pausedIcon: z.string(),
  }),
  list: z.object({
    root: selector,
    row: selector,
    nameLink: selector,
    subscribers: selector,
    completed: selector,
    statusControl: selector,
  }),
  words: z.object({
    immediate: z.string(),
    /** "Wait 2 days 3 hours": the leading word and the unit words (singular and plural). */
    wait: z.string(),
    day: z.array(z.string()),
    hour: z.array(z.string()),
    /** "On Dec 24, 2030 at 10:00 AM": the leading word and the joining word. */
    datePrefix: z.string(),
    dateJoin: z.string(),
    months: z.array(z.string()).length(12),
    anyTime: z.string(),
    everyDay: z.string(),
    noDays: z.string(),
    /** Weekday abbreviations, Monday first. */
    weekdays: z.array(z.string()).length(7),
    anyoneRecipients: z.string(),
    /** How a filtered recipients line starts ("Filtered: only contacts matching filters"). */
    filteredRecipients: z.array(z.string().min(1)).min(1),
    inactive: z.string(),
    goto: z.string(),
    yes: z.string(),
    no: z.string(),
    noStartingRules: z.string(),
    /** The Starting Rules module's title, by which a profile inferred from the page finds it. */
    startingRulesTitle: z.string().min(1),
    /** The label of the toolbar control that saves activation and lines ("Save Progress"). */
    saveProgress: z.string().min(1),
    /** What a starting rule's sentence starts with, per type: "Tag applied:" in "Tag applied: Buyers". */
    rulePrefixes: z.record(
      z.enum(['optin', 'tag', 'list', 'order', 'page', 'sequence', 'automation']),
      z.string(),
    ),
    /** Action lines: "Add tag: Buyers", "Unsubscribe from list: Newsletter". */
    actions: z.array(
      z.object({ prefix: z.string(), action: z.enum(['add', 'remove', 'subscribe', 'unsubscribe']) }),
    ),
  }),
});
export type KartraProfile = z.infer<typeof kartraProfileSchema>;
