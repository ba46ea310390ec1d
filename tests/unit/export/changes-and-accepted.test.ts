import { describe, expect, it } from 'vitest';
import type { Report } from '../../../lib/audit/report';
import { renderHtmlReport } from '../../../lib/export/html';
import { renderMarkdownReport } from '../../../lib/export/markdown';
import { editorReport } from './reports';

const [first, ...rest] = editorReport.findings;
if (!first) throw new Error('fixture has findings');
/** The editor report after a later visit: one finding accepted, one fixed since 1 Dec, one new. */
const report: Report = {
  ...editorReport,
  findings: rest,
  accepted: [{ ...first, reason: 'a <b>draft</b> on purpose', acceptedAt: '2026-12-01T09:00:00.000Z' }],
  changes: {
    since: '2026-12-01T09:00:00.000Z',
    fixed: ['step-inactive fail 2'],
    added: ['email-burst review 3 4'],
  },
};

describe('exports of a sequence with accepted findings and an earlier visit', () => {
  it('Markdown: says how many are accepted, lists them with when and why, and what changed', () => {
    const md = renderMarkdownReport(report);
    expect(md).toMatch(/- Result: \*\*.*\*\* \(and 1 accepted\)/);
    expect(md).toContain('## Accepted (1)');
    expect(md).toContain('Accepted on 2026-12-01: a \\<b\\>draft\\</b\\> on purpose');
    expect(md).toContain('## Changes since 2026-12-01: 1 fixed, 1 new');
    expect(md).toContain('- Fixed: step-inactive, Step 2');
    expect(md).toContain('- New: email-burst (to review), Steps 3, 4');
    expect(renderMarkdownReport(editorReport)).not.toMatch(/Accepted|Changes since/);
  });

  it('HTML: the same, every user text escaped', () => {
    const html = renderHtmlReport(report);
    expect(html).toContain('<h3 id="s1-changes">Changes since 2026-12-01: 1 fixed, 1 new</h3>');
    expect(html).toContain('<h3 id="s1-group-accepted">Accepted (1)</h3>');
    expect(html).toContain('And 1 accepted (listed under Accepted).');
    expect(html).toContain('a &lt;b&gt;draft&lt;/b&gt; on purpose');
    expect(html).not.toContain('<b>draft</b>');
  });
});
