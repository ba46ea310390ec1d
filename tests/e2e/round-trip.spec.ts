import type { SequenceModel } from '../../lib/model';
import { loadFixtures } from '../fixtures/sequences/fixtures';
import { specToModel } from '../support/spec-to-model';
import { expect, test } from './extension-fixture';

/**
 * Round trip through the built extension: render a fixture spec in the replica, let the content
 * script read the page (every sub-sequence tab opened as a user would), and compare the model it
 * built with the spec, field by field, for everything the page shows.
 */

const editorFixtures = loadFixtures().flatMap((fixture) => (fixture.page === 'editor' ? [fixture] : []));

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

for (const fixture of editorFixtures) {
  test(`round trip: ${fixture.name}`, async ({ kartra, reports }) => {
    const spec = fixture.spec;
    const page = await kartra.openSpec(spec);
    const { page: read } = await reports.auditEveryTab(page);
    if (read.kind !== 'editor') throw new Error(`read as ${read.kind}`);
    const model = read.sequence;
    expect(comparable(model)).toEqual(comparable(specToModel(spec)));
  });
}

test('round trip holds when the canvas is zoomed out, scrolled and laid out vertically', async ({
  kartra,
  reports,
}) => {
  const fixture = editorFixtures.find((candidate) => candidate.name === 'launch-sequence');
  if (!fixture) throw new Error('launch-sequence.json is missing');
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
