import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audit } from '../../../lib/audit/audit';
import { reportSchema } from '../../../lib/audit/report';
import { EXPORT_FORMATS, renderReport } from '../../../lib/export';
import { kartraProfile } from '../../../lib/kartra/profile';
import { pageModelSchema } from '../../../lib/model/model';
import { interpretScene } from '../../../lib/reader';
import { parseCsv } from '../../support/parse-csv';
import { runSeed } from '../../support/run-seed';
import { nowArb, pageModelArb, sceneArb, sequenceArb, settingsArb, timeZoneArb } from './arbitraries';

/**
 * Whatever the reader hands over, the checks and the exports must neither throw nor write an
 * invalid report: a crash would leave the popup empty and, worse, a silent pass. Seeds are fixed
 * so a failure replays; fast-check prints the shrunk counterexample.
 */

/** Elements and attributes in an HTML export that could run script or load something. */
// Escaped page text never holds a literal "<", so every "<" in the export opens markup the
// exporter wrote itself; parsing tags this way is exact for its output and 100x faster than a DOM.
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g;
const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;
const PASSIVE_TAGS = new Set(
  'html head meta title style body main header footer section article nav h1 h2 h3 h4 p ol ul li dl dt dd strong em b i code pre span div a bdi time table thead tbody tr th td small br hr abbr details summary'.split(
    ' ',
  ),
);

/** Elements and attributes in an HTML export that could run script or load something. */
function activeMarkup(html: string): string[] {
  const found: string[] = [];
  for (const [, name = '', rest = ''] of html.matchAll(TAG)) {
    const tag = name.toLowerCase();
    if (!PASSIVE_TAGS.has(tag)) found.push(`<${tag}>`);
    for (const [, attribute = '', quoted = ''] of rest.matchAll(ATTRIBUTE)) {
      const value = quoted.replace(/^["']|["']$/g, '');
      if (/^on/i.test(attribute)) found.push(`${tag}[${attribute}]`);
      if (/^(href|src|action|srcset)$/i.test(attribute) && /^\s*(javascript|data|vbscript):/i.test(value))
        found.push(`${tag}[${attribute}=${value}]`);
    }
  }
  return found;
}

const TOOL = { name: 'Kartra Sequence Auditor', version: '0.1.0' };
const SEED = runSeed();

// Total sequences through audit: 6,000 + 3,000 + 1,500 = 10,500 (at least 10,000 by design).
const RUNS_EDITOR = 6000;
const RUNS_ANY_PAGE = 3000;
const RUNS_EXPORTS = 1500;
const RUNS_SCENES = 2000;

describe('fuzzing the checks and the exports', () => {
  it('the HTML check sees markup that could run and ignores escaped text', () => {
    expect(activeMarkup('<p class="x">&lt;img src=x onerror=y&gt;</p>')).toEqual([]);
    expect(activeMarkup('<p><img src=x onerror=y></p>')).toEqual(['<img>', 'img[onerror]']);
    expect(activeMarkup('<a href="javascript:alert(1)">x</a>')).toEqual(['a[href=javascript:alert(1)]']);
  });

  it(`audits ${RUNS_EDITOR} random editor models without throwing, into valid reports`, () => {
    fc.assert(
      fc.property(sequenceArb, settingsArb, nowArb, timeZoneArb, (sequence, settings, now, timeZone) => {
        const report = audit(
          { kind: 'editor', url: 'https://app.kartra.com/marketing/sequences/edit/2231', sequence },
          { settings, now, tool: TOOL, timeZone },
        );
        const parsed = reportSchema.safeParse(report);
        if (!parsed.success) throw new Error(parsed.error.message);
        // No rule may have crashed: a crashed rule is reported as a note, which hides findings.
        const crashed = report.coverage.notes.filter((note) => note.startsWith('Rule '));
        expect(crashed).toEqual([]);
      }),
      { numRuns: RUNS_EDITOR, seed: SEED },
    );
  }, 180_000);

  it(`audits ${RUNS_ANY_PAGE} random page models of every kind into valid reports`, () => {
    fc.assert(
      fc.property(pageModelArb, nowArb, (page, now) => {
        const report = audit(page, { now, tool: TOOL });
        const parsed = reportSchema.safeParse(report);
        if (!parsed.success) throw new Error(parsed.error.message);
        expect(report.page.kind).toBe(page.kind);
        // An unrecognised page is never a clean bill of health.
        if (page.kind === 'unrecognised') expect(report.counts.review).toBeGreaterThan(0);
      }),
      { numRuns: RUNS_ANY_PAGE, seed: SEED + 1 },
    );
  }, 180_000);

  it(`renders ${RUNS_EXPORTS} random reports in every export format without throwing`, () => {
    fc.assert(
      fc.property(pageModelArb, settingsArb, nowArb, (page, settings, now) => {
        const report = audit(page, { settings, now, tool: TOOL });
        for (const format of EXPORT_FORMATS) {
          const text = renderReport(report, format);
          expect(typeof text).toBe('string');
          if (format === 'json') {
            const parsed = reportSchema.safeParse(JSON.parse(text));
            if (!parsed.success) throw new Error(parsed.error.message);
          }
          if (format === 'html') expect(activeMarkup(text)).toEqual([]);
          if (format === 'csv') {
            // No cell starts with a character that makes a spreadsheet evaluate it.
            const rows = parseCsv(text);
            expect(rows.length).toBe(report.findings.length + 1);
            for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
          }
        }
      }),
      { numRuns: RUNS_EXPORTS, seed: SEED + 2 },
    );
  }, 180_000);
});

describe('fuzzing the reader', () => {
  it(`interprets ${RUNS_SCENES} random scenes without throwing, into valid page models`, () => {
    fc.assert(
      fc.property(sceneArb, (scene) => {
        const page = interpretScene(
          scene,
          kartraProfile,
          'https://app.kartra.com/marketing/sequences/edit/2231',
        );
        const parsed = pageModelSchema.safeParse(page);
        if (!parsed.success) throw new Error(parsed.error.message);
        expect(['editor', 'unrecognised']).toContain(page.kind);
        // What the reader produced must audit too.
        const report = audit(page, { now: new Date('2026-11-27T12:00:00Z'), tool: TOOL });
        expect(reportSchema.safeParse(report).success).toBe(true);
      }),
      { numRuns: RUNS_SCENES, seed: SEED + 3 },
    );
  }, 180_000);
});
