import type { STARTING_RULE_TYPES, STEP_KINDS } from '../model/kinds';

/**
 * The shape of a Kartra profile (see profile.ts), without zod: the content script's loader reads
 * profiles on every Kartra page and carries no validator. profile-schema.ts validates the same
 * shape, and the compiler checks that the two agree.
 *
 * Selectors are CSS selectors. Icons are matched by class name (Font Awesome style).
 * Phrases are matched case-insensitively after whitespace is collapsed.
 */

type StepKind = (typeof STEP_KINDS)[number];
type RuleType = (typeof STARTING_RULE_TYPES)[number];
type IconMap<T> = { iconClass: string; value: T }[];

export interface KartraProfile {
  name: string;
  urls: {
    /** Regular expression on the URL's pathname; group 1 is the sequence id. */
    editorPath: string;
    listPath: string;
  };
  editor: {
    /** The builder root; its absence on an editor URL means "unrecognised". */
    root: string;
    name: string;
    publicName: string;
    /** The words before the public name ("Public name:") and the text shown when unset. */
    publicNamePrefix: string;
    publicNameUnset: string;
    statusControl: string;
    subscribers: string;
    tabs: { tab: string; selectedClass: string; addLabel: string };
    mainTabLabel: string;
    canvas: string;
  };
  startingRules: {
    module: string;
    rule: string;
    ruleLabel: string;
    ruleIcons: IconMap<RuleType>;
  };
  card: {
    root: string;
    /**
     * Per field, the element whose text is read, tried first. A field without a selector, or
     * whose selector matches nothing on a card, is looked for among the card's visible texts by
     * what it says (a number bubble, "Wait 2 days", "Go to A1"...), so none is required.
     */
    fields: {
      number?: string;
      kindIcon?: string;
      kindLabel?: string;
      title?: string;
      timing?: string;
      window?: string;
      recipients?: string;
      version?: string;
      goto?: string;
      action?: string;
      inactiveLabel?: string;
      outputLabel?: string;
    };
    kindIcons: IconMap<StepKind>;
    /** The kind labels, read when a card's icon is not one we know. */
    kindLabels: { label: string; value: StepKind }[];
  };
  /**
   * Connection nodes and lines (the built-in profile: as @jsplumb/browser-ui renders them).
   * A node shows that a line ends on it by a class, or only by its colour (grey free, yellow
   * linked); with neither, the reader does not judge nodes by their look.
   */
  graph: {
    node: string;
    nodeLinkedClass?: string;
    /** The computed colour of a linked node (`rgb(245, 196, 0)`): its background, or its shape's fill. */
    nodeLinkedColor?: string;
    /** The line elements; `linePath` finds each one's path inside it (or the element is the path). */
    line: string;
    linePath: string;
  };
  status: {
    /** Kartra shows the action a click would take: a pause icon while running, play while paused. */
    runningIcon: string;
    pausedIcon: string;
    /** The same icons as a person sees them: the glyph an icon draws, whatever its classes. */
    runningGlyphs: string[];
    pausedGlyphs: string[];
  };
  list: {
    root: string;
    row: string;
    nameLink: string;
    subscribers: string;
    completed: string;
    statusControl: string;
  };
  words: {
    immediate: string;
    /** "Wait 2 days 3 hours": the leading word and the unit words (singular and plural). */
    wait: string;
    day: string[];
    hour: string[];
    /** "On Dec 24, 2030 at 10:00 AM": the leading word and the joining word. */
    datePrefix: string;
    dateJoin: string;
    /** Twelve names, January first. */
    months: string[];
    anyTime: string;
    everyDay: string;
    noDays: string;
    /** Weekday abbreviations, Monday first (seven). */
    weekdays: string[];
    anyoneRecipients: string;
    /** How a filtered recipients line starts ("Filtered: only contacts matching filters"). */
    filteredRecipients: string[];
    inactive: string;
    goto: string;
    yes: string;
    no: string;
    noStartingRules: string;
    /** The Starting Rules module's title, by which a profile inferred from the page finds it. */
    startingRulesTitle: string;
    /** The label of the toolbar control that saves activation and lines ("Save Progress"). */
    saveProgress: string;
    /** What a starting rule's sentence starts with, per type: "Tag applied:" in "Tag applied: Buyers". */
    rulePrefixes: Record<RuleType, string>;
    /** Action lines: "Add tag: Buyers", "Unsubscribe from list: Newsletter". */
    actions: { prefix: string; action: 'add' | 'remove' | 'subscribe' | 'unsubscribe' }[];
  };
}
