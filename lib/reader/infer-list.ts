import type { KartraProfile } from '../kartra/profile';
import { glyphsWithin } from './collect';
import type { ListScene, SceneListRow } from './scene';

/**
 * The sequence list in markup the profile does not know, read as a person reads it: each row is
 * the box around a link to one sequence's editor (`/marketing/sequences/edit/{id}`), the one that
 * also holds its status icon; the name is the first such link with words, the counts are the
 * row's numbers left to right (subscribed, then completed), and the status is the icon's glyph
 * (⏸ while it runs, ▶ while it is paused), whatever the classes say.
 */

/** A count as the list shows it: "1,204", "0". */
const COUNT = /^\d[\d,.\u00a0\u202f ]*$/u;

interface EditorLink {
  link: Element;
  id: string;
}

function editorLinks(document: Document, editorPath: RegExp): EditorLink[] {
  const base = document.baseURI;
  const links: EditorLink[] = [];
  for (const link of Array.from(document.querySelectorAll('a[href]'))) {
    try {
      const id = editorPath.exec(new URL(link.getAttribute('href') ?? '', base).pathname)?.[1];
      if (id) links.push({ link, id });
    } catch {
      // An address that does not parse leads nowhere.
    }
  }
  return links;
}

/** The statuses glyphs in `el` show: each element drawing a pause or play glyph. */
function statusIcons(el: Element, status: KartraProfile['status']): Element[] {
  const known = new Set([...status.runningGlyphs, ...status.pausedGlyphs]);
  const icons: Element[] = [];
  for (const at of Array.from(el.querySelectorAll('*'))) {
    // Its own glyphs only: a button holding the icon is found through the icon.
    if (at.childElementCount > 0 && at.querySelector('*:not(svg *)') !== null) continue;
    if (glyphsWithin(at)?.some((glyph) => known.has(glyph))) icons.push(at);
  }
  return icons;
}

/** Texts of the row's elements that hold only a count, in document order, outside its links. */
function counts(row: Element): string[] {
  const found: string[] = [];
  for (const at of Array.from(row.querySelectorAll('*'))) {
    if (at.childElementCount > 0 || at.closest('a') !== null) continue;
    const text = (at.textContent ?? '').trim();
    if (COUNT.test(text)) found.push(text);
  }
  return found;
}

export function inferList(document: Document, profile: KartraProfile): ListScene {
  const body = document.body;
  if (!body) return { found: false, rows: [] };
  const links = editorLinks(document, new RegExp(profile.urls.editorPath));
  if (links.length === 0) return { found: false, rows: [] };
  const idsIn = (el: Element) => new Set(links.filter(({ link }) => el.contains(link)).map(({ id }) => id));

  const rows = new Map<Element, string>();
  for (const { link, id } of links) {
    if ([...rows.keys()].some((row) => row.contains(link))) continue;
    // The largest box that holds this sequence's links and no other's...
    let top = link;
    while (top.parentElement && top.parentElement !== body) {
      const ids = idsIn(top.parentElement);
      if (ids.size !== 1 || !ids.has(id)) break;
      top = top.parentElement;
    }
    // ...narrowed to the smallest around the link that also holds a status icon (one sequence on
    // the page makes the largest box the whole page).
    const icons = statusIcons(top, profile.status);
    let row: Element = top;
    if (icons.length > 0) {
      for (let at: Element | null = link; at && top.contains(at); at = at.parentElement) {
        if (icons.some((icon) => at?.contains(icon))) {
          row = at;
          break;
        }
      }
    }
    rows.set(row, id);
  }

  const scene: SceneListRow[] = [...rows].map(([row, id]) => {
    const own = links.filter((l) => l.id === id && row.contains(l.link)).map((l) => l.link);
    const named = own.find((link) => (link.textContent ?? '').trim() !== '') ?? own[0] ?? null;
    const icons = statusIcons(row, profile.status);
    const [subscribers = null, completed = null] = counts(row);
    return {
      href: named?.getAttribute('href') ?? null,
      name: named ? (named.textContent ?? '').replace(/\s+/g, ' ').trim() || null : null,
      statusIconClasses: null,
      statusGlyphs: icons.length === 0 ? null : icons.flatMap((icon) => glyphsWithin(icon) ?? []),
      subscribers,
      completed,
    };
  });
  return { found: true, rows: scene };
}
