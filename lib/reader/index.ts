import { type KartraProfile, kartraProfile } from '../kartra/profile';
import type { PageModel, ProfileSource } from '../model/model';
import { type CardsRead, collectList, collectScene } from './collect';
import { GOOD_FIT } from './fit';
import { inferList } from './infer-list';
import { inferProfile } from './infer-profile';
import { interpretScene } from './interpret';
import { interpretList } from './interpret-list';
import { pageKindOf } from './page-kind';
import { StepCache } from './step-cache';

export { type CardsRead, collectList, collectScene } from './collect';
export { interpretScene } from './interpret';
export { interpretList } from './interpret-list';
export { mergeTabs } from './merge-tabs';
export { type PageKind, pageKindOf } from './page-kind';

/**
 * What the audit session remembers of its page between reads (the reader keeps nothing of its
 * own): the profile inferred last (reused while it fits) and when inference last ran, so a page
 * nobody can read is not searched again on every change; each profile's step cache; the cards
 * of the read that made the latest model, for the inline warnings.
 */
export interface ReadMemory {
  profile: KartraProfile | null;
  /** Why the last inference found nothing, for the popup. */
  failure: string | null;
  /** What the latest read threw, when a profile broke the reader (the session logs it). */
  readFailure: string | null;
  lastTriedAt: number;
  /**
   * The tab the builder showed when inference last ran. Another tab is another canvas (a profile
   * inferred on a sub-sequence tab has seen no Starting Rules module, split or Go To), so it may
   * be inferred from at once.
   */
  lastTriedOn: string | null;
  /**
   * How many elements the page held when inference last found nothing to read (null when it
   * found a profile). A page that has grown since may hold the builder now (the content script
   * often starts before the app draws it), so it may be inferred from at once; one that has not
   * grown waits for the retry.
   */
  elementsWhenNothingFound: number | null;
  /**
   * When the latest read fitted badly but inference had run too recently to run again: the
   * time it may run. The session reads again then, as the page may not change by itself.
   */
  inferenceDueAt: number | null;
  steps: Map<KartraProfile, StepCache>;
  cards: CardsRead | null;
  /**
   * The boxes inference found showing a step but in other markup than the cards `profile`
   * finds: every read with `profile` names those still there (see collectScene).
   */
  leftOut: readonly Element[];
}

export function newReadMemory(): ReadMemory {
  return {
    profile: null,
    failure: null,
    readFailure: null,
    lastTriedAt: Number.NEGATIVE_INFINITY,
    lastTriedOn: null,
    elementsWhenNothingFound: null,
    inferenceDueAt: null,
    steps: new Map(),
    cards: null,
    leftOut: [],
  };
}

/** What one read of the page found, beside the model. */
export interface PageRead {
  page: PageModel;
  /** The cards the model was read from, for the inline warnings; null off the builder. */
  cards: CardsRead | null;
  /** What the read threw, when a profile broke the reader; null when it did not. */
  failure: string | null;
  /**
   * When to read again although the page may not change: the read fitted badly and inference
   * ran too recently to run again (null otherwise).
   */
  retryAt: number | null;
  /** The profile inferred from this page that the model was read with; null for the one given. */
  inferred: KartraProfile | null;
}

export interface PageReader {
  read(
    document: Document,
    url: string,
    profile: KartraProfile,
    options?: Omit<ReadOptions, 'memory'>,
  ): PageRead;
}

/**
 * A reader of one page that keeps, between its reads, what it needs of the page (its ReadMemory:
 * the profile inferred last, when inference last ran, each profile's step cache) and returns what
 * each read found. Another page (another address) gets a new reader.
 */
export function createPageReader(): PageReader {
  const memory = newReadMemory();
  return {
    read(document, url, profile, options = {}) {
      const page = readPage(document, url, profile, { ...options, memory });
      const inferred = page.kind === 'editor' && page.reading?.profile === 'inferred' ? memory.profile : null;
      return {
        page,
        cards: page.kind === 'editor' ? memory.cards : null,
        failure: memory.readFailure,
        retryAt: memory.inferenceDueAt,
        inferred,
      };
    },
  };
}

/** The shortest time between two inferences on a page that still reads badly. */
export const INFERENCE_RETRY_MS = 2000;

export interface ReadOptions {
  /** Where the profile came from (default: built-in). */
  source?: ProfileSource;
  /** The session's memory of its page; without it the page is read with `profile` alone, afresh. */
  memory?: ReadMemory;
  /** Our own UI, which inference must not take for part of the builder. */
  ignore?: Element | null;
  /** The clock for the inference retry (milliseconds). */
  now?: number;
}

/**
 * Reads whatever Kartra page is showing into a PageModel. It never throws: a page it cannot
 * make sense of is 'unrecognised' (on an editor URL) or carries diagnostics (on the list).
 * On the builder, when the profile does not find it or fits it badly, a profile inferred from
 * the page is tried, and the better reading wins.
 */
export function readPage(
  document: Document,
  url: string,
  profile: KartraProfile = kartraProfile,
  options: ReadOptions = {},
): PageModel {
  const kind = pageKindOf(url, profile);
  if (kind === 'list') return readList(document, url, profile);
  if (kind !== 'editor') return { kind: 'other', url };
  const memory = options.memory;
  if (memory) memory.readFailure = null;
  const chosen = readBuilder(document, url, profile, options, memory);
  if (memory) memory.cards = chosen.cards;
  return chosen.page;
}

/** One read of the builder: the model, and the cards it was read from. */
interface BuilderRead {
  page: PageModel;
  cards: CardsRead | null;
}

function readBuilder(
  document: Document,
  url: string,
  profile: KartraProfile,
  options: ReadOptions,
  memory: ReadMemory | undefined,
): BuilderRead {
  const first = readEditor(document, url, profile, options.source ?? 'built-in', memory, []);
  if (memory) memory.inferenceDueAt = null;
  if (!memory || readsWell(first.page)) return first;

  let best = first;
  if (memory.profile) {
    const again = readEditor(document, url, memory.profile, 'inferred', memory, memory.leftOut);
    if (readsWell(again.page)) return again;
    best = better(best, again);
  }
  const now = options.now ?? Date.now();
  const shown = shownTab(best.page);
  const before = memory.elementsWhenNothingFound;
  const recent = now - memory.lastTriedAt < INFERENCE_RETRY_MS && shown === memory.lastTriedOn;
  // Counted only when it decides: a page that has grown since inference found nothing is tried now.
  if (recent && (before === null || elementCount(document, options.ignore) <= before)) {
    memory.inferenceDueAt = memory.lastTriedAt + INFERENCE_RETRY_MS;
    return best;
  }
  memory.lastTriedAt = now;
  memory.lastTriedOn = shown;
  memory.elementsWhenNothingFound = null;
  let inferred: ReturnType<typeof inferProfile>;
  try {
    inferred = inferProfile(document, profile, options.ignore);
  } catch (error) {
    inferred = { profile: null, reason: message(error) };
  }
  if (!inferred.profile) {
    memory.failure = inferred.reason;
    memory.elementsWhenNothingFound = elementCount(document, options.ignore);
    if (best.page.kind !== 'unrecognised') return best;
    const tried = {
      code: 'profile-not-inferred' as const,
      where: 'page',
      expected: 'a builder to infer a profile from',
      found: inferred.reason,
    };
    return { ...best, page: { ...best.page, diagnostics: [...best.page.diagnostics, tried] } };
  }
  memory.failure = null;
  const read = readEditor(document, url, inferred.profile, 'inferred', memory, inferred.leftOut);
  if (fitOf(read.page) > fitOf(best.page)) {
    // The step cache of a profile no longer used would only grow stale.
    if (memory.profile) memory.steps.delete(memory.profile);
    memory.profile = inferred.profile;
    memory.leftOut = inferred.leftOut;
    return read;
  }
  memory.steps.delete(inferred.profile);
  return best;
}

/** The page's elements, not counting our own UI's host (its insides are in a shadow root). */
function elementCount(document: Document, ignore: Element | null | undefined): number {
  const all = document.getElementsByTagName('*').length;
  return ignore?.isConnected ? all - 1 : all;
}

/** The tab a read of the builder found selected, when it found one. */
function shownTab(page: PageModel): string | null {
  return page.kind === 'editor' ? (page.sequence.tabs.seen[0] ?? null) : null;
}

function readList(document: Document, url: string, profile: KartraProfile): PageModel {
  try {
    const known = collectList(document, profile);
    // A list the profile does not find is read by its links to the editor and its icons' glyphs.
    const scene = known.found ? known : inferList(document, profile);
    return interpretList(scene, profile, url);
  } catch (error) {
    return {
      kind: 'list',
      url,
      rows: [],
      diagnostics: [
        {
          code: 'page-unreadable',
          where: 'page',
          expected: 'a readable sequence list',
          found: message(error),
        },
      ],
    };
  }
}

function readEditor(
  document: Document,
  url: string,
  profile: KartraProfile,
  source: ProfileSource,
  memory: ReadMemory | undefined,
  leftOut: readonly Element[],
): BuilderRead {
  let cards: CardsRead | null = null;
  try {
    let steps = memory?.steps.get(profile);
    if (memory && !steps) {
      steps = new StepCache(profile);
      memory.steps.set(profile, steps);
    }
    const scene = collectScene(
      document,
      profile,
      (read) => {
        cards = read;
      },
      leftOut,
    );
    return { page: interpretScene(scene, profile, url, source, steps), cards };
  } catch (error) {
    if (memory) memory.readFailure = message(error);
    return {
      page: {
        kind: 'unrecognised',
        url,
        diagnostics: [
          {
            code: 'page-unreadable',
            where: 'page',
            expected: 'a builder page the reader could read',
            found: `it failed: ${message(error)}`,
          },
        ],
      },
      cards: null,
    };
  }
}

/** A reading good enough to stop looking: the builder found, cards on it, and a good fit. */
function readsWell(page: PageModel): boolean {
  return page.kind === 'editor' && page.sequence.steps.length > 0 && fitOf(page) >= GOOD_FIT;
}

function fitOf(page: PageModel): number {
  if (page.kind !== 'editor') return -1;
  // A builder with Starting Rules and no card yet is a fair reading; a profile that finds cards beats it.
  return page.sequence.steps.length === 0 ? 0 : (page.reading?.fit ?? 0);
}

function better(a: BuilderRead, b: BuilderRead): BuilderRead {
  return fitOf(b.page) > fitOf(a.page) ? b : a;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
