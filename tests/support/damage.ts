import type { Page } from '@playwright/test';

/**
 * Seeded damage to a rendered builder page, as a broken or redesigned Kartra page could show it:
 * cards, lines and nodes removed or duplicated, texts emptied, removed or garbled, classes
 * scrambled, cards emptied, toolbar parts lost. Every change can be undone exactly (removed nodes
 * are put back as the same objects, so the replica's own listeners keep working).
 */

export type DamageKind =
  | 'remove-card'
  | 'duplicate-card'
  | 'empty-card'
  | 'remove-line'
  | 'duplicate-line'
  | 'remove-node'
  | 'empty-text'
  | 'remove-text'
  | 'garble-text'
  | 'scramble-class'
  | 'toolbar'
  | 'noise-class';

export interface DamageDone {
  kind: DamageKind;
  /** The number bubble of the card it hit, when it hit one (read before the damage). */
  ref: string | null;
  /** The card text it hit (a selector such as ".step_title"), for text damage. */
  field?: string;
  /** What exactly, for failure messages. */
  detail: string;
}

declare global {
  interface Window {
    __kartraUndo?: (() => void)[];
  }
}

export interface DamageOptions {
  seed: number;
  /** How many changes in one go (1 to 3 by default, from the seed). */
  count?: number;
}

export interface DamageResult {
  done: DamageDone[];
  /** The page's clock right after the damage: a report generated later has read it. */
  at: number;
}

/** Applies seeded damage in the page and returns what it did; `undoDamage` reverts it. */
export function damagePage(page: Page, options: DamageOptions): Promise<DamageResult> {
  return page.evaluate(({ seed, count }) => {
    // mulberry32: small, fast, and the same sequence in every browser.
    let state = seed >>> 0;
    const random = () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
    window.__kartraUndo ??= [];
    const undo: (() => void)[] = window.__kartraUndo;
    const canvas = document.querySelector('.js_builder_canvas');
    const cards = () => [...document.querySelectorAll<HTMLElement>('.js_sequence_step')];
    const refOf = (element: Element | null) =>
      element?.closest('.js_sequence_step')?.querySelector('.step_number')?.textContent ?? null;
    const detach = (node: Node) => {
      const parent = node.parentNode;
      const next = node.nextSibling;
      if (!parent) return;
      parent.removeChild(node);
      undo.push(() => parent.insertBefore(node, next));
    };
    const append = (parent: Node, node: Node) => {
      parent.appendChild(node);
      undo.push(() => node.parentNode?.removeChild(node));
    };
    const setText = (element: Element, text: string) => {
      const children = [...element.childNodes];
      element.replaceChildren(document.createTextNode(text));
      undo.push(() => element.replaceChildren(...children));
    };
    const setClass = (element: Element, value: string) => {
      const before = element.getAttribute('class');
      element.setAttribute('class', value);
      undo.push(() =>
        before === null ? element.removeAttribute('class') : element.setAttribute('class', before),
      );
    };
    // The card's texts (its icon is classes, not text; scrambling classes covers it).
    const FIELDS = [
      '.step_number',
      '.step_kind_label',
      '.step_title',
      '.step_timing',
      '.step_window',
      '.step_recipients',
      '.step_action',
      '.step_goto',
      '.step_version',
      '.split_output_label',
      '.step_inactive_label',
    ];
    const garbage = () => {
      const alphabet = 'ab1 :–%<>&"\u202e\u200b🙂';
      let out = '';
      const length = 1 + Math.floor(random() * 12);
      for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
      return out;
    };
    const kinds = [
      'remove-card',
      'duplicate-card',
      'empty-card',
      'remove-line',
      'duplicate-line',
      'remove-node',
      'empty-text',
      'remove-text',
      'garble-text',
      'scramble-class',
      'toolbar',
      'noise-class',
    ] as const;
    const done: { kind: (typeof kinds)[number]; ref: string | null; field?: string; detail: string }[] = [];
    const howMany = count ?? 1 + Math.floor(random() * 3);
    for (let attempt = 0; done.length < howMany && attempt < 50; attempt++) {
      const kind = pick(kinds) as (typeof kinds)[number];
      const card = pick(cards());
      const ref = refOf(card ?? null);
      if (kind === 'remove-card' && card) {
        detach(card);
        done.push({ kind, ref, detail: `removed card ${ref}` });
      } else if (kind === 'duplicate-card' && card && canvas) {
        append(canvas, card.cloneNode(true));
        done.push({ kind, ref, detail: `duplicated card ${ref}` });
      } else if (kind === 'empty-card' && card) {
        const children = [...card.childNodes];
        card.replaceChildren();
        undo.push(() => card.replaceChildren(...children));
        done.push({ kind, ref, detail: `emptied card ${ref}` });
      } else if (kind === 'remove-line' || kind === 'duplicate-line' || kind === 'remove-node') {
        const selector = kind === 'remove-node' ? 'svg.jtk-endpoint' : 'svg.jtk-connector';
        const target = pick([...document.querySelectorAll(selector)]);
        if (!target) continue;
        if (kind === 'duplicate-line' && target.parentNode) append(target.parentNode, target.cloneNode(true));
        else detach(target);
        done.push({ kind, ref: null, detail: `${kind} (${selector})` });
      } else if ((kind === 'empty-text' || kind === 'remove-text' || kind === 'garble-text') && card) {
        // Emptying a text that is already empty changes nothing: only texts with something in them.
        const present = FIELDS.filter(
          (field) => (card.querySelector(field)?.textContent ?? '').trim() !== '',
        );
        const field = pick(present);
        const target = field ? card.querySelector(field) : null;
        if (!field || !target) continue;
        if (kind === 'remove-text') detach(target);
        else setText(target, kind === 'empty-text' ? '' : garbage());
        done.push({ kind, ref, field, detail: `${kind} ${field} of card ${ref}` });
      } else if (kind === 'scramble-class') {
        const targets = [...(canvas?.querySelectorAll('[class]') ?? [])].filter(
          (element) => !element.closest('svg') || element.matches('svg'),
        );
        const target = pick(targets);
        if (!target) continue;
        const classes = (target.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
        const victim = pick(classes);
        if (!victim) continue;
        setClass(
          target,
          classes.map((name) => (name === victim ? `${name.split('').reverse().join('')}` : name)).join(' '),
        );
        done.push({
          kind,
          ref: refOf(target),
          detail: `class ${victim} scrambled on ${target.tagName.toLowerCase()}`,
        });
      } else if (kind === 'toolbar') {
        const selector = pick([
          '.js_sequence_status',
          '.js_sequence_subscribers',
          '.js_sequence_name',
          '.js_sequence_public_name',
        ]) as string;
        const target = document.querySelector(selector);
        if (!target) continue;
        if (random() < 0.5) detach(target);
        else setText(target, random() < 0.5 ? '' : garbage());
        done.push({ kind, ref: null, detail: `toolbar ${selector} damaged` });
      } else if (kind === 'noise-class') {
        // Classes nothing reads: the report must not change at all.
        const target = pick([...(canvas?.querySelectorAll('div, span') ?? [])]);
        if (!target) continue;
        setClass(
          target,
          `${target.getAttribute('class') ?? ''} qa-noise-${Math.floor(random() * 1000)}`.trim(),
        );
        done.push({ kind, ref: refOf(target), detail: 'added a class nothing reads' });
      }
    }
    return { done, at: Date.now() };
  }, options);
}

/** Reverts every damage since the last undo, newest first; returns the page's clock after it. */
export function undoDamage(page: Page): Promise<number> {
  return page.evaluate(() => {
    const undo = window.__kartraUndo ?? [];
    while (undo.length > 0) undo.pop()?.();
    return Date.now();
  });
}
