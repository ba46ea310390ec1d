import { describe, expect, it } from 'vitest';
import { audit } from '../../../lib/audit/audit';
import { validateReport } from '../../../lib/audit/report';
import type { PageModel } from '../../../lib/model/model';
import { defaultSettings } from '../../../lib/settings/settings';
import type { VisitObservations } from '../../../lib/visit/visit';
import { FIXTURE_AUDIT_TIME, type Fixture, loadFixtures } from '../../fixtures/sequences/fixtures';
import { findingDifferences } from '../../support/expected-findings';
import {
  listSpecToRows,
  specAfterEdits,
  specToModel,
  unsavedChangesOfSpec,
} from '../../support/spec-to-model';

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
    // What the page shows once the user's edits (if any) were made on the canvas.
    sequence: specToModel(specAfterEdits(fixture.spec)),
  };
}

/** What the audit session would have watched: the edits, unsaved; a list never seen before. */
function visitOf(fixture: Fixture): VisitObservations | undefined {
  if (fixture.page === 'list') return undefined;
  return { listSeen: null, unsaved: unsavedChangesOfSpec(fixture.spec) };
}

const fixtures = loadFixtures();

describe('sequence fixtures audit as their expected files say', () => {
  it('has fixtures to check', () => {
    expect(fixtures.length).toBeGreaterThan(20);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s', (_name, fixture) => {
    const visit = visitOf(fixture);
    const report = audit(pageOf(fixture), {
      settings: defaultSettings(),
      now: FIXTURE_AUDIT_TIME,
      tool: TOOL,
      timeZone: 'UTC',
      ...(visit ? { visit } : {}),
    });
    expect(() => validateReport(report)).not.toThrow();
    expect(findingDifferences(fixture.expected.findings, report.findings)).toEqual([]);
    // The kind (fail or review) matters too: every review a fixture produces is listed as one
    // (the page really does not show enough there, or the fixture says its truth is uncertain).
    for (const wanted of fixture.expected.findings) {
      const match = report.findings.find(
        (f) =>
          f.ruleId === wanted.ruleId &&
          [...f.steps].sort().join() === [...wanted.steps].sort().join() &&
          (wanted.sequenceId === undefined || f.sequenceId === wanted.sequenceId),
      );
      expect(match?.kind, `${wanted.ruleId} [${wanted.steps.join(', ')}]`).toBe(wanted.kind);
    }
    const reviewsListed = fixture.expected.findings.filter((f) => f.kind === 'review').length;
    expect(
      report.counts.review,
      report.findings
        .filter((f) => f.kind === 'review')
        .map((f) => f.message)
        .join('\n'),
    ).toBe(reviewsListed);
  });
});
