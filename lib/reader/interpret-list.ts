import type { KartraProfile } from '../kartra/profile';
import type { Diagnostic, ListRow, PageModel } from '../model/model';
import { parseCount } from './parse-fields';
import { statusFromIcon } from './parse-icons';
import type { ListScene } from './scene';
import { collapse } from './text';

/** The sequence list page as rows; a row whose link names no sequence id is left out with a diagnostic. */
export function interpretList(scene: ListScene, profile: KartraProfile, url: string): PageModel {
  const diagnostics: Diagnostic[] = [];
  if (!scene.found)
    diagnostics.push({
      code: 'list-not-found',
      where: 'page',
      expected: `the sequence list (${profile.list.root})`,
    });
  const rows: ListRow[] = [];
  // Once per read, not per row: every row's link is matched against the same editor path.
  const editorPath = new RegExp(profile.urls.editorPath);
  scene.rows.forEach((row, i) => {
    const where = `row ${i + 1}`;
    const id = idFromHref(row.href, url, editorPath);
    if (id === null) {
      diagnostics.push({
        code: 'list-row-unlinked',
        where,
        expected: "a link to the sequence's editor",
        ...(row.href === null ? {} : { found: row.href }),
      });
      return;
    }
    const name = row.name === null ? '' : collapse(row.name);
    if (row.name === null)
      diagnostics.push({ code: 'list-name-missing', where, expected: 'the sequence name' });
    const status = statusFromIcon(row.statusIconClasses, profile.status, row.statusGlyphs);
    if (status === null)
      diagnostics.push({
        code: 'list-status-unread',
        where,
        expected: `the status button with a ${profile.status.runningIcon} or ${profile.status.pausedIcon} icon`,
      });
    const subscribers = parseCount(row.subscribers);
    if (subscribers === null)
      diagnostics.push({
        code: 'list-subscribers-unread',
        where,
        expected: 'the number of subscribed contacts',
      });
    const completed = parseCount(row.completed);
    if (completed === null)
      diagnostics.push({
        code: 'list-completed-unread',
        where,
        expected: 'the number of contacts who completed it',
      });
    rows.push({ id, name, status, subscribers, completed });
  });
  return { kind: 'list', url, rows, diagnostics };
}

function idFromHref(href: string | null, base: string, editorPath: RegExp): string | null {
  if (href === null) return null;
  try {
    const m = editorPath.exec(new URL(href, base).pathname);
    return m?.[1] ?? null;
  } catch {
    return null;
  }
}
