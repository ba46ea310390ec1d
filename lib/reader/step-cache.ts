import type { KartraProfile } from '../kartra/profile';
import type { Diagnostic, Step } from '../model/model';
import { type TimingPatterns, timingPatterns } from './parse-timing';
import { readStep } from './read-step';
import type { SceneCard } from './scene';

/**
 * readStep, remembered between reads of the same page. The content script reads the whole
 * canvas again after every change, but a change touches one card or two: the other cards show
 * the same texts and icons as last time, and parse to the same step. A card is looked up by
 * everything readStep reads from it; the cache keeps only the cards of the latest read, so it
 * never outgrows the canvas. Steps are shared between reads: nothing downstream changes them.
 * It also keeps the profile's timing patterns, compiled once for every card it reads.
 */

/** One card read as a step, with what the reader noted about that card alone. */
export interface CardReading {
  step: Step | null;
  diagnostics: readonly Diagnostic[];
}

const NULL = '\u0002';
const SEP = '\u0001';

function keyOf(card: SceneCard, tab: string): string {
  const f = card.fields;
  return [
    tab,
    f.number ?? NULL,
    f.kindLabel ?? NULL,
    f.title ?? NULL,
    f.timing ?? NULL,
    f.window ?? NULL,
    f.recipients ?? NULL,
    f.goto ?? NULL,
    f.action ?? NULL,
    f.inactiveLabel ?? NULL,
    f.versions.join(SEP),
    card.kindIconClasses === null ? NULL : card.kindIconClasses.join(' '),
    card.pieces === undefined ? NULL : card.pieces.join(SEP),
  ].join(SEP);
}

export class StepCache {
  private previous = new Map<string, CardReading>();
  private current = new Map<string, CardReading>();
  private readonly timing: TimingPatterns;

  constructor(private readonly profile: KartraProfile) {
    this.timing = timingPatterns(profile.words);
  }

  /** Starts a read of the whole canvas: entries the last read did not use are dropped. */
  startRead(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  read(card: SceneCard, index: number, tab: string): CardReading {
    // Without a number the card is named by its position, which the key does not hold.
    if (card.fields.number === null || card.fields.number.trim() === '') {
      const own: Diagnostic[] = [];
      return { step: readStep(card, index, tab, this.profile, own, this.timing), diagnostics: own };
    }
    const key = keyOf(card, tab);
    let entry = this.current.get(key) ?? this.previous.get(key);
    if (!entry) {
      const own: Diagnostic[] = [];
      entry = { step: readStep(card, index, tab, this.profile, own, this.timing), diagnostics: own };
    }
    this.current.set(key, entry);
    return entry;
  }
}
