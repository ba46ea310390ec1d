import type { Page } from '@playwright/test';
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

async function openEveryTab(page: Page, read: () => Promise<SequenceModel>): Promise<SequenceModel> {
  const tabs = page.locator('.js_subsequence_tab');
  const count = await tabs.count();
  let model = await read();
  for (let index = 1; index < count; index++) {
    await tabs.nth(index).click();
    const label = ((await tabs.nth(index).textContent()) ?? '').trim();
    await expect
      .poll(async () => {
        model = await read();
        return model.tabs.seen;
      })
      .toContain(label);
  }
  return model;
}

for (const fixture of editorFixtures) {
  test(`round trip: ${fixture.name}`, async ({ kartra, reports }) => {
    const spec = fixture.spec;
    const page = await kartra.openSpec(spec);
    const read = async () => {
      const { page: model } = await reports.waitFor(page);
      if (model.kind !== 'editor') throw new Error(`read as ${model.kind}`);
      return model.sequence;
    };
    const model = await openEveryTab(page, read);
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
