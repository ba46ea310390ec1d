import { append, el, icon } from './dom';

/** Kartra's dark top bar: logo, breadcrumb and the account menu. */
export function renderTopbar(doc: Document, breadcrumb: string): HTMLElement {
  const bar = el(doc, 'header', 'kartra_topbar');
  const logo = el(doc, 'a', 'kartra_logo', 'KARTRA');
  logo.href = '/dashboard';
  const nav = append(
    el(doc, 'nav', 'kartra_mainnav'),
    ...['Dashboard', 'Contacts', 'Marketing', 'Pages', 'Products'].map((label) =>
      el(doc, 'span', label === 'Marketing' ? 'mainnav_item active' : 'mainnav_item', label),
    ),
  );
  bar.append(
    logo,
    nav,
    el(doc, 'span', 'kartra_breadcrumb', breadcrumb),
    append(el(doc, 'span', 'kartra_account'), icon(doc, 'fa-user-circle'), doc.createTextNode('My account')),
  );
  return bar;
}
