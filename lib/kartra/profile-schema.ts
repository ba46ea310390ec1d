import * as z from 'zod/mini';
import { STARTING_RULE_TYPES, STEP_KINDS } from '../model/kinds';
import type { KartraProfile } from './profile-types';

/**
 * Validates a Kartra profile (its shape and meaning: profile-types.ts). In zod/mini, as the audit
 * module validates a stored profile override with it too; a unit test validates the built-in
 * profile against it.
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
    /**
     * Per field, the element whose text is read, tried first. A field without a selector, or
     * whose selector matches nothing on a card, is looked for among the card's visible texts by
     * what it says (a number bubble, "Wait 2 days", "Go to A1"...), so none is required.
     */
    fields: z.object({
      number: z.optional(selector),
      kindIcon: z.optional(selector),
      kindLabel: z.optional(selector),
      title: z.optional(selector),
      timing: z.optional(selector),
      window: z.optional(selector),
      recipients: z.optional(selector),
      version: z.optional(selector),
      goto: z.optional(selector),
      action: z.optional(selector),
      inactiveLabel: z.optional(selector),
      outputLabel: z.optional(selector),
    }),
    kindIcons: iconMap(stepKindSchema),
    /** The kind labels, read when a card's icon is not one we know. */
    kindLabels: z.array(z.object({ label: nonEmpty(), value: stepKindSchema })),
  }),
  /**
   * Connection nodes and lines (the built-in profile: as @jsplumb/browser-ui renders them).
   * A node shows that a line ends on it by a class, or only by its colour (grey free, yellow
   * linked); with neither, the reader does not judge nodes by their look.
   */
  graph: z.object({
    node: selector,
    nodeLinkedClass: z.optional(nonEmpty()),
    /** The computed colour of a linked node (`rgb(245, 196, 0)`): its background, or its shape's fill. */
    nodeLinkedColor: z.optional(nonEmpty()),
    /** The line elements; `linePath` finds each one's path inside it (or the element is the path). */
    line: selector,
    linePath: selector,
  }),
  status: z.object({
    /** Kartra shows the action a click would take: a pause icon while running, play while paused. */
    runningIcon: z.string(),
    pausedIcon: z.string(),
    /**
     * The same icons as a person sees them, whatever their classes: the glyph an icon draws (its
     * text, or the content its stylesheet puts before it).
     */
    runningGlyphs: z.array(nonEmpty()),
    pausedGlyphs: z.array(nonEmpty()),
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
    /** How a filtered recipients line starts ("Filtered: only contacts matching filters"). */
    filteredRecipients: z.array(nonEmpty()).check(z.minLength(1)),
    inactive: z.string(),
    goto: z.string(),
    yes: z.string(),
    no: z.string(),
    noStartingRules: z.string(),
    /** The Starting Rules module's title, by which a profile inferred from the page finds it. */
    startingRulesTitle: nonEmpty(),
    /** The label of the toolbar control that saves activation and lines ("Save Progress"). */
    saveProgress: nonEmpty(),
    /** What a starting rule's sentence starts with, per type: "Tag applied:" in "Tag applied: Buyers". */
    rulePrefixes: z.record(ruleTypeSchema, z.string()),
    /** Action lines: "Add tag: Buyers", "Unsubscribe from list: Newsletter". */
    actions: z.array(
      z.object({ prefix: z.string(), action: z.enum(['add', 'remove', 'subscribe', 'unsubscribe']) }),
    ),
  }),
});
export type { KartraProfile };

/** True when A and B are the same type, not merely assignable one way. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
// The compiler holds the hand-written type and the schema to one shape: a field added to one only fails here.
true satisfies Same<z.infer<typeof kartraProfileSchema>, KartraProfile>;
