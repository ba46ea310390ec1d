import type { SequenceModel } from '../../lib/model/model';
import { type Fixture, loadFixtures } from '../fixtures/sequences/fixtures';
import { factsHidden, NAMED_SKINS, SKIN_NAMES, type SkinName } from '../replica/skin';
import { auditFixture, inAppOrder } from '../support/audit-fixture';
import { findingDifferences } from '../support/expected-findings';
import type { Audited } from '../support/extension-report';
import { hiddenFactProblems } from '../support/hidden-facts';
import { skinVerdict } from '../support/skin-findings';
import { specAfterEdits, specToModel } from '../support/spec-to-model';
import { expect, test } from './extension-fixture';

/**
 * Every fixture audited by the built extension as its owner meets it (the page opened, its
 * `edits` made, every sub-sequence tab opened), on every skin:
 * - default skin, `expected findings`: the fixture's expected findings and nothing more at error
 *   or warning severity (axe-core style);
 * - default skin, `round trip`: the model the content script read equals the spec, field by
 *   field, for everything the page shows;
 * - every other skin: the default skin's findings or, where the extension could not read the
 *   foreign markup, reviews in their place; never a fail the default skin does not give, and
 *   never a clean report for a page it did not read. The outcome (same / reviews) is attached to
 *   each test as an annotation, for counting per skin.
 * - `canvas-lines` (lines painted on a <canvas>, no element per line): the rules that follow the
 *   lines say "needs review" with the reason, never "not connected" or "unreachable", every other
 *   rule says what it says on the default skin's report of the same fixture, and the report is
 *   never clean. Judged in the default skin's group, against its audits.
 * Each skin is one group, run in order in one worker and one tab, fixture after fixture, the app
 * opening each sequence in place as a user goes from one to the next; the groups share the
 * workers. The default-skin tests of a fixture check the same audit.
 */
test.describe.configure({ mode: 'parallel' });

const fixtures = inAppOrder(loadFixtures());

function comparable(model: SequenceModel) {
  const steps = [...model.steps].sort((a, b) => a.ref.localeCompare(b.ref, 'en', { numeric: true }));
  const connections = model.connections
    .map((line) => `${line.from} → ${line.to}${line.branch ? ` (${line.branch})` : ''}`)
    .sort();
  return {
    id: model.id,
    name: model.name,
    publicName: model.publicName,
    status: model.status,
    subscribers: model.subscribers,
    startingRules: model.startingRules,
    steps,
    connections,
    tabs: { all: model.tabs.all, seen: [...model.tabs.seen].sort() },
    diagnostics: model.diagnostics,
  };
}

/**
 * Skins whose editor pages must read to exactly the fixture's expected findings, reviews not
 * accepted: the lines drawn as another library lays them out (Vue Flow's sibling edges layer).
 * List pages must on every skin.
 */
const EXACT_SKINS: readonly SkinName[] = ['sibling-edges'];

/** This worker's audits of the default skin, so that a fixture's tests share one. */
const defaultAudits = new Map<string, Audited>();

for (const skin of SKIN_NAMES) {
  test.describe(`skin ${skin}`, () => {
    test.describe.configure({ mode: 'default' });
    if (skin === 'default') defaultSkinTests();
    else otherSkinTests(skin);
  });
}

function defaultSkinTests(): void {
  const audited = test.extend<{ audited: (fixture: Fixture) => Promise<Audited> }>({
    audited: async ({ kartra, reports, tab }, use) => {
      await use(async (fixture) => {
        const known = defaultAudits.get(fixture.name);
        if (known) return known;
        const result = await auditFixture(kartra, reports, fixture, 'default', undefined, tab);
        defaultAudits.set(fixture.name, result);
        return result;
      });
    },
  });
  for (const fixture of fixtures) {
    audited(`expected findings: ${fixture.name}`, async ({ audited }) => {
      const { report } = await audited(fixture);
      expect(findingDifferences(fixture.expected.findings, report.findings)).toEqual([]);
    });
    if (fixture.page !== 'editor') continue;
    audited(`round trip: ${fixture.name}`, async ({ audited }) => {
      const { page: read } = await audited(fixture);
      if (read.kind !== 'editor') throw new Error(`read as ${read.kind}`);
      // The page as the fixture's edits (if any) left it.
      expect(comparable(read.sequence)).toEqual(comparable(specToModel(specAfterEdits(fixture.spec))));
    });
  }
  // After every default-skin audit, so the tab goes from skin to skin once.
  const hidden = factsHidden(NAMED_SKINS['canvas-lines']);
  for (const fixture of fixtures) {
    if (fixture.page !== 'editor') continue;
    audited(
      `${fixture.name} on skin canvas-lines: line rules review, the others as on the default skin`,
      async ({ audited, kartra, reports, tab }) => {
        const plain = await audited(fixture);
        const { report } = await auditFixture(kartra, reports, fixture, 'canvas-lines', undefined, tab);
        expect(hiddenFactProblems(hidden, /<canvas>/, plain.report.findings, report.findings)).toEqual([]);
      },
    );
  }
}

function otherSkinTests(skin: SkinName): void {
  for (const fixture of fixtures) {
    // The sequence list is read by its links and icons on any markup: no review is excused.
    if (fixture.page === 'list' || EXACT_SKINS.includes(skin)) {
      test(`${fixture.name} on skin ${skin}: the default skin's findings exactly`, async ({
        kartra,
        reports,
        tab,
      }) => {
        const { report } = await auditFixture(kartra, reports, fixture, skin, undefined, tab);
        expect(findingDifferences(fixture.expected.findings, report.findings)).toEqual([]);
        expect(report.coverage.reading?.fit ?? 1).toBeGreaterThanOrEqual(0.9);
      });
      continue;
    }
    test(`${fixture.name} on skin ${skin}: the default skin's findings, or reviews where it could not read`, async ({
      kartra,
      reports,
      tab,
    }) => {
      // A reader that cannot follow the tabs still has a report for what it saw; judge that one.
      const onTabsUnfollowed = (error: Error) => {
        test.info().annotations.push({ type: 'tabs', description: error.message });
      };
      const { report } = await auditFixture(kartra, reports, fixture, skin, onTabsUnfollowed, tab);
      const verdict = skinVerdict(fixture.expected.findings, report.findings);
      const seen = `page ${report.page.kind}, ${report.findings.length} findings`;
      test.info().annotations.push({ type: 'outcome', description: `${verdict.outcome} (${seen})` });
      expect(verdict.outcome === 'wrong' ? verdict.problems : [], `${skin}: ${seen}`).toEqual([]);
    });
  }
}

test('round trip holds when the canvas is zoomed out, scrolled and laid out vertically', async ({
  kartra,
  reports,
}) => {
  const fixture = fixtures.find((candidate) => candidate.name === 'launch-sequence');
  if (fixture?.page !== 'editor') throw new Error('launch-sequence.json is missing');
  const spec = fixture.spec;
  const page = await kartra.openSpec(spec);
  // Scrolling alone changes no node, so it comes first: the re-audits that follow the layout and
  // zoom changes then read a scrolled, vertical, zoomed-out canvas.
  await page.locator('.js_builder_viewport').evaluate((viewport) => viewport.scrollTo(80, 60));
  await page.getByRole('button', { name: /vertical/i }).click();
  const changedAt = Date.now();
  await page.getByRole('button', { name: /zoom out/i }).click();
  const expected = comparable(specToModel(spec, { tabsSeen: ['Main'] }));
  const mainOnly = {
    ...expected,
    steps: expected.steps.filter((step) => step.tab === 'Main'),
    connections: expected.connections.filter((line) => !/[A-Z]/.test(line)),
  };
  await expect
    .poll(async () => {
      const response = await reports.current(page);
      if (!response?.report || Date.parse(response.report.generatedAt) < changedAt) return null;
      return response.page.kind === 'editor' ? comparable(response.page.sequence) : null;
    })
    .toEqual(mainOnly);
});
