import { describe, expect, it } from 'vitest';
import { audit } from '../../lib/audit';
import type { PageModel } from '../../lib/model';
import { validateReport } from '../../lib/report';
import { defaultSettings } from '../../lib/settings';
import { FIXTURE_AUDIT_TIME, type Fixture, loadFixtures } from '../fixtures/sequences/fixtures';
import { findingDifferences } from '../support/expected-findings';
import { listSpecToRows, specToModel } from '../support/spec-to-model';

const TOOL = { name: 'kartra-sequence-auditor', version: '0.0.0-test' };

function pageOf(fixture: Fixture): PageModel {
  if (fixture.page === 'list') {
    return {
      kind: 'list',
      url: 'https://app.kartra.com/marketing/sequences',
      rows: listSpecToRows(fixture.spec),
      diagnostics: [],
    };
  }
  return {
    kind: 'editor',
    url: `https://app.kartra.com/marketing/sequences/edit/${fixture.spec.id}`,
    sequence: specToModel(fixture.spec),
  };
}

const fixtures = loadFixtures();

describe('sequence fixtures audit as their expected files say', () => {
  it('has fixtures to check', () => {
    expect(fixtures.length).toBeGreaterThan(20);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s', (_name, fixture) => {
    const report = audit(pageOf(fixture), {
      settings: defaultSettings(),
      now: FIXTURE_AUDIT_TIME,
      tool: TOOL,
      timeZone: 'UTC',
    });
    expect(() => validateReport(report)).not.toThrow();
    expect(findingDifferences(fixture.expected.findings, report.findings)).toEqual([]);
    // The kind (fail or review) matters too: a fixture shows everything, so a review is listed.
    for (const wanted of fixture.expected.findings) {
      const match = report.findings.find(
        (f) =>
          f.ruleId === wanted.ruleId &&
          [...f.steps].sort().join() === [...wanted.steps].sort().join() &&
          (wanted.sequenceId === undefined || f.sequenceId === wanted.sequenceId),
      );
      expect(match?.kind, `${wanted.ruleId} [${wanted.steps.join(', ')}]`).toBe(wanted.kind);
    }
    // Only a fixture whose truth is uncertain (it says so) may hold reviews, and only those it lists.
    expect(
      report.counts.review,
      report.findings
        .filter((f) => f.kind === 'review')
        .map((f) => f.message)
        .join('\n'),
    ).toBe(fixture.expected.findings.filter((f) => f.kind === 'review').length);
  });
});
