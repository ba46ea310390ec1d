import type { ListSpec } from '../spec';
import { append, el, icon } from './dom';
import { setStatusButton } from './editor';
import { renderTopbar } from './topbar';

/**
 * Marketing › Sequences: one row per sequence, with Kartra's inverted status icons. Returns what
 * takes the page down again.
 */
export function renderList(doc: Document, root: HTMLElement, spec: ListSpec): () => void {
  const app = el(doc, 'div', 'kartra_app');
  app.appendChild(renderTopbar(doc, 'Marketing › Sequences'));
  const page = el(doc, 'main', 'sequence_list_page js_sequence_list');
  const create = el(doc, 'button', 'btn_primary', '+ New sequence');
  create.type = 'button';
  page.appendChild(append(el(doc, 'div', 'list_header'), el(doc, 'h1', '', 'Sequences'), create));
  const table = el(doc, 'table', 'sequences_table');
  const head = el(doc, 'tr');
  for (const label of ['Name', 'Subscribed', 'Completed', 'Actions'])
    head.appendChild(el(doc, 'th', '', label));
  table.appendChild(append(el(doc, 'thead'), head));
  const body = el(doc, 'tbody');
  for (const row of spec.sequences) {
    const tr = el(doc, 'tr', 'js_sequence_row');
    const link = el(doc, 'a', '', row.name);
    link.href = `/marketing/sequences/edit/${row.id}`;
    let status = row.status;
    const statusBtn = el(doc, 'button', 'sequence_status_btn js_sequence_status');
    statusBtn.type = 'button';
    setStatusButton(doc, statusBtn, status);
    statusBtn.addEventListener('click', () => {
      status = status === 'active' ? 'paused' : 'active';
      setStatusButton(doc, statusBtn, status);
    });
    const edit = append(el(doc, 'a', 'row_action'), icon(doc, 'fa-pencil'), doc.createTextNode('Edit'));
    edit.href = link.href;
    const actions = append(el(doc, 'td', 'sequence_actions'), statusBtn, edit);
    for (const [label, name] of [
      ['Clone', 'fa-clone'],
      ['Delete', 'fa-trash'],
    ] as const) {
      const button = append(el(doc, 'button', 'row_action'), icon(doc, name), doc.createTextNode(label));
      button.type = 'button';
      actions.appendChild(button);
    }
    tr.append(
      append(el(doc, 'td', 'sequence_name'), link),
      el(doc, 'td', 'sequence_subscribed', String(row.subscribers)),
      el(doc, 'td', 'sequence_completed', String(row.completed)),
      actions,
    );
    body.appendChild(tr);
  }
  if (spec.sequences.length === 0) {
    const empty = el(doc, 'td', 'list_empty', 'No sequences yet');
    empty.colSpan = 4;
    body.appendChild(append(el(doc, 'tr'), empty));
  }
  table.appendChild(body);
  page.appendChild(table);
  app.appendChild(page);
  root.appendChild(app);
  return () => app.remove();
}
