import { plural } from '@/lib/export/plural';
import { STATUS_WORDS } from '@/lib/export/report-view';
import { editorUrl } from '@/lib/kartra/editor-url';
import { kartraProfile } from '@/lib/kartra/profile';
import {
  type OverviewRow,
  type Sort,
  type SortKey,
  shownName,
  type Trend,
  trendText,
} from '@/lib/overview/overview';

const COLUMNS: readonly { key: SortKey; label: string; number?: true }[] = [
  { key: 'name', label: 'Sequence' },
  { key: 'status', label: 'Status' },
  { key: 'lastAudited', label: 'Last audited' },
  { key: 'error', label: 'Errors', number: true },
  { key: 'warning', label: 'Warnings', number: true },
  { key: 'info', label: 'Tips', number: true },
  { key: 'review', label: 'To review', number: true },
  { key: 'accepted', label: 'Accepted', number: true },
  { key: 'trend', label: 'Trend' },
];

/** Fewer open findings is better: the glyph beside the words (which say it for a screen reader). */
const TREND_GLYPHS: Record<Trend['direction'], string> = { down: '↓ ', up: '↑ ', flat: '→ ', none: '' };

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function SortHeader({
  column,
  sort,
  onSort,
}: {
  column: (typeof COLUMNS)[number];
  sort: Sort;
  onSort: (key: SortKey) => void;
}) {
  const active = sort.key === column.key;
  return (
    <th
      scope="col"
      class={column.number ? 'number' : undefined}
      aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}
    >
      <button type="button" class="sort" onClick={() => onSort(column.key)}>
        {column.label}
        <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>
  );
}

function Row({ row, onForget }: { row: OverviewRow; onForget: (row: OverviewRow) => void }) {
  const name = shownName(row);
  const url = editorUrl(kartraProfile, row.id);
  const { status, counts } = row;
  return (
    <tr>
      <th scope="row" class="sequence-cell">
        {url ? (
          <a href={url} target="_blank" rel="noreferrer">
            {name}
            <span class="visually-hidden"> (opens in Kartra)</span>
          </a>
        ) : (
          name
        )}
        <span class="hint">
          id {row.id}
          {row.name === null && ', name not seen yet'}
        </span>
      </th>
      <td>
        {status ? (
          <>
            <span class={`status status--${status.value}`}>{STATUS_WORDS[status.value]}</span>
            <span class="hint">
              {status.seenOn === 'list' ? 'on the sequence list' : 'in the editor'},{' '}
              <time dateTime={status.at}>{when(status.at)}</time>
            </span>
          </>
        ) : (
          'Not seen'
        )}
      </td>
      <td>
        <time dateTime={row.lastAudited}>{when(row.lastAudited)}</time>
        <span class="hint">
          {plural(row.audits, 'visit')} kept{row.complete ? '' : ', partly read'}
        </span>
      </td>
      <td class={`number${counts.error > 0 ? ' count--error' : ''}`}>{counts.error}</td>
      <td class={`number${counts.warning > 0 ? ' count--warning' : ''}`}>{counts.warning}</td>
      <td class="number">{counts.info}</td>
      <td class="number">{counts.review}</td>
      <td class="number">{row.accepted ?? <span class="hint">not counted</span>}</td>
      <td class={`trend trend--${row.trend.direction}`}>
        <span aria-hidden="true">{TREND_GLYPHS[row.trend.direction]}</span>
        {trendText(row.trend)}
      </td>
      <td>
        <button type="button" aria-label={`Forget ${name}`} onClick={() => onForget(row)}>
          Forget
        </button>
      </td>
    </tr>
  );
}

/** The sequences, one row each, sorted by a click on a column's heading. */
export function SequenceTable({
  rows,
  sort,
  onSort,
  onForget,
}: {
  rows: readonly OverviewRow[];
  sort: Sort;
  onSort: (key: SortKey) => void;
  onForget: (row: OverviewRow) => void;
}) {
  return (
    <table class="sequences">
      <caption class="visually-hidden">
        Sequences audited in this browser; each column's button sorts by it
      </caption>
      <thead>
        <tr>
          {COLUMNS.map((column) => (
            <SortHeader key={column.key} column={column} sort={sort} onSort={onSort} />
          ))}
          <th scope="col">
            <span class="visually-hidden">Forget</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <Row key={row.id} row={row} onForget={onForget} />
        ))}
      </tbody>
    </table>
  );
}
