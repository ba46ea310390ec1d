import * as z from 'zod/mini';
import { STARTING_RULE_TYPES, STEP_KINDS } from '../kinds';

/**
 * The shape of a Kartra profile (see profile.ts). In zod/mini, as the content script validates a
 * stored profile override with it too; a unit test validates the built-in profile against it.
 *
 * Selectors are CSS selectors. Icons are matched by class name (Font Awesome style).
 * Phrases are matched case-insensitively after whitespace is collapsed.
 */

const nonEmpty = () => z.string().check(z.minLength(1));
const selector = nonEmpty();
const stepKindSchema = z.enum(STEP_KINDS);
const ruleTypeSchema = z.enum(STARTING_RULE_TYPES);
const iconMap = <T extends z.ZodMiniType>(value: T) => z.array(z.object({ iconClass: nonEmpty(), value }));

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
    ruleIcons: iconMap(ruleTypeSchema),
  }),
  card: z.object({
    root: selector,
    /** Per field, the element whose text is read; a missing element reads as null. */
    fields: z.object({
      number: selector,
      kindIcon: selector,
      kindLabel: selector,
      title: selector,
      timing: selector,
      window: selector,
      recipients: selector,
      version: selector,
      goto: selector,
      action: selector,
      inactiveLabel: selector,
      outputLabel: selector,
    }),
    kindIcons: iconMap(stepKindSchema),
    /** The kind labels, read when a card's icon is not one we know. */
    kindLabels: z.array(z.object({ label: nonEmpty(), value: stepKindSchema })),
  }),
  /** Connection nodes and lines, as @jsplumb/browser-ui renders them. */
  graph: z.object({
    node: selector,
    nodeLinkedClass: z.string(),
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
    months: z.array(z.string()).check(z.length(12)),
    anyTime: z.string(),
    everyDay: z.string(),
    noDays: z.string(),
    /** Weekday abbreviations, Monday first. */
    weekdays: z.array(z.string()).check(z.length(7)),
    anyoneRecipients: z.string(),
    inactive: z.string(),
    goto: z.string(),
    yes: z.string(),
    no: z.string(),
    noStartingRules: z.string(),
    /** What a starting rule's sentence starts with, per type: "Tag applied:" in "Tag applied: Buyers". */
    rulePrefixes: z.record(ruleTypeSchema, z.string()),
    /** Action lines: "Add tag: Buyers", "Unsubscribe from list: Newsletter". */
    actions: z.array(
      z.object({ prefix: z.string(), action: z.enum(['add', 'remove', 'subscribe', 'unsubscribe']) }),
    ),
  }),
});
export type KartraProfile = z.infer<typeof kartraProfileSchema>;
