import type { Report } from '../audit/report';

const MAX_SLUG = 50;

// Letters that Unicode decomposition leaves whole but that have a usual ASCII spelling.
const LATIN_EXTRAS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/** Lowercase ASCII words joined by single dashes, accents stripped, at most 50 characters; "" when nothing is left. */
export function slugify(text: string, max = MAX_SLUG): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (char) => LATIN_EXTRAS[char] ?? char);
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug.slice(0, max).replace(/-+$/, '');
}

function fallbackName(report: Report): string {
  if (report.page.kind === 'list') return 'sequence-list';
  if (report.page.kind === 'editor') return 'sequence';
  return 'page';
}

function isoDay(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  return date.toISOString().slice(0, 10);
}

/** The day an export's file name carries: `date`, else the report's generatedAt, else today (UTC). */
export function fileDay(report: Pick<Report, 'generatedAt'>, date?: Date): string {
  return isoDay(date ?? new Date(report.generatedAt)) ?? isoDay(new Date()) ?? '';
}

/**
 * `kartra-audit-<name>-<yyyy-mm-dd>.<ext>`. The day is `date` (default: the report's
 * generatedAt, else today), taken in UTC like generatedAt itself.
 */
export function reportFileName(report: Report, ext: string, date?: Date): string {
  const name =
    (report.page.kind === 'list' ? '' : slugify(report.sequence?.name ?? '')) || fallbackName(report);
  const day = fileDay(report, date);
  const extension = ext.toLowerCase().replace(/[^a-z0-9]/g, '') || 'txt';
  return `kartra-audit-${name}-${day}.${extension}`;
}
