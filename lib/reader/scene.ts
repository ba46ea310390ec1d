/**
 * What the builder page shows, read in one pass and kept as plain data: texts, classes and
 * client-coordinate geometry. Everything here is serialisable, so interpretation (and its tests)
 * runs without a DOM.
 */

/** A rectangle in client (viewport) coordinates, as getBoundingClientRect reports it. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface SceneCardFields {
  number: string | null;
  kindLabel: string | null;
  title: string | null;
  timing: string | null;
  window: string | null;
  recipients: string | null;
  goto: string | null;
  action: string | null;
  inactiveLabel: string | null;
  /** One text per version chip; [] when the card shows none. */
  versions: string[];
}

export interface SceneLabel {
  text: string;
  rect: Rect;
}

export interface SceneCard {
  rect: Rect;
  /** The card's own classes. */
  classes: string[];
  /** Classes of the kind icon; null when the card shows no icon. */
  kindIconClasses: string[] | null;
  fields: SceneCardFields;
  /** Split output labels ("Yes", "No") with where they sit. */
  outputLabels: SceneLabel[];
  /**
   * The card's visible texts, one per element that holds text of its own, in reading order:
   * collected only when a field the profile names was not found by its selector, so that the
   * field can be recognised by what it says.
   */
  pieces?: string[];
  /**
   * How strongly the card's words are drawn: the opacities from its kind label (or the card)
   * up to the card, multiplied, lowered by a greyscale filter; 1 is drawn as written. Builders
   * fade the steps contacts skip.
   */
  ink?: number;
}

export interface SceneStartingRule {
  /** Classes of the rule's element and everything inside it (the icon among them). */
  iconClasses: string[];
  label: string;
}

export interface SceneStartingRules {
  rect: Rect;
  rules: SceneStartingRule[];
}

export interface SceneNode {
  rect: Rect;
  /** Whether it looks linked (yellow); null when the profile names no way to tell. */
  linked: boolean | null;
}

/** A line's two ends, in the order its path was drawn; null when the path had no geometry. */
export interface SceneLine {
  start: Point | null;
  end: Point | null;
}

/**
 * A drawing layer laid over or under the cards whose lines the reader cannot read: a `<canvas>`
 * (lines painted as pixels, no element per line), or an SVG whose shapes are none of the lines read.
 */
export interface SceneDrawing {
  kind: 'canvas' | 'svg';
}

export interface SceneToolbar {
  name: string | null;
  publicName: string | null;
  /** Classes of the status control and everything inside it; null when there is no control. */
  statusIconClasses: string[] | null;
  /** The glyphs the status control draws; null when there is no control. */
  statusGlyphs: string[] | null;
  subscribers: string | null;
}

export interface SceneTab {
  label: string;
  selected: boolean;
}

/**
 * A box on the canvas that shows a step but that the profile's card selector does not find (the
 * cards an inferred profile's vote left out): where it is, so that its connection nodes are known
 * for a card's, and its visible texts, so that the reading can name it.
 */
export interface SceneLeftOutCard {
  rect: Rect;
  pieces: string[];
}

export interface Scene {
  /** Whether the builder root, the canvas and the tab bar were found at all. */
  found: { root: boolean; canvas: boolean; tabs: boolean };
  toolbar: SceneToolbar;
  tabs: SceneTab[];
  startingRules: SceneStartingRules | null;
  cards: SceneCard[];
  nodes: SceneNode[];
  lines: SceneLine[];
  /** Drawing layers covering the cards that hold no line the reader could read. */
  unreadDrawings: SceneDrawing[];
  /** Absent when nobody said which boxes the profile leaves out (a profile not inferred here). */
  leftOut?: SceneLeftOutCard[];
}

export interface SceneListRow {
  href: string | null;
  name: string | null;
  statusIconClasses: string[] | null;
  /** The glyphs the status control draws (its icons' text or stylesheet content). */
  statusGlyphs: string[] | null;
  subscribers: string | null;
  completed: string | null;
}

export interface ListScene {
  found: boolean;
  rows: SceneListRow[];
}
