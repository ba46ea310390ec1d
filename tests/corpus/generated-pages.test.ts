import type { Page } from '@playwright/test';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Finding } from '../../lib/report';
import { type KartraSession, launchKartra } from '../harness';
import type { SkinName } from '../replica/skin';
import type { EditorSpec } from '../replica/spec';
import { type Audited, ExtensionReports } from '../support/extension-report';
import { corpusSpecArb } from '../support/random-spec';
import { runSeed } from '../support/run-seed';
import { skinVerdict } from '../support/skin-findings';

/**
 * The generated corpus: sequences as people build and name them (tests/support/random-spec.ts),
 * drawn on the default skin and on every skin whose markup the built-in profile does not know,
 * audited by the built extension in Chromium as a user meets them (every sub-sequence tab
 * opened). On every skin the report must be the default skin's, finding for finding; at least
 * 95% of the pages of each skin must be, and no page may be falsely clear or falsely alarmed.
 * The read rate of each skin is printed. The specs come from the run's seed (FC_SEED replays).
 */

const SPECS = 40;
/** The skins judged against the default one: none hides a fact a person sees. */
const SKINS: readonly SkinName[] = ['renamed', 'foreign', 'plain-svg', 'sibling-edges'];
const READ_RATE = 0.95;

const seed = runSeed();
const specs: EditorSpec[] = fc.sample(corpusSpecArb, { numRuns: SPECS, seed });
const named = (index: number) => {
  const spec = specs[index] as EditorSpec;
  return `sample ${index} of seed ${seed} (${spec.steps.length} steps)`;
};

/** A finding as the comparison sees it: rule, severity, decided or not, steps. */
const key = (f: Pick<Finding, 'ruleId' | 'severity' | 'kind' | 'steps'>) =>
  `${f.ruleId} ${f.severity} ${f.kind} [${[...f.steps].sort().join(', ')}]`;

/** What one list has that the other does not, counting repeats. */
function exactDifferences(expected: readonly Finding[], actual: readonly Finding[]): string[] {
  const left = expected.map(key);
  const differences: string[] = [];
  for (const k of actual.map(key)) {
    const at = left.indexOf(k);
    if (at >= 0) left.splice(at, 1);
    else differences.push(`unexpected: ${k}`);
  }
  return [...differences, ...left.map((k) => `missing: ${k}`)];
}

let kartra: KartraSession;
let reports: ExtensionReports;
let tab: Page | undefined;
const defaults: Finding[][] = [];

async function audit(spec: EditorSpec, skin: SkinName): Promise<Audited> {
  tab = await kartra.openSpec(spec, { skin, inApp: true }, tab);
  return reports.auditEveryTab(tab);
}

beforeAll(async () => {
  kartra = await launchKartra();
  if (!kartra.extensionId) throw new Error('The built extension did not load');
  reports = new ExtensionReports(kartra.context, kartra.extensionId);
}, 120_000);

afterAll(async () => {
  await kartra?.close();
});

describe(`${SPECS} generated sequences (seed ${seed})`, () => {
  test('on the default skin, each is read as drawn: the reference for every other skin', async () => {
    const unread: string[] = [];
    for (const [index, spec] of specs.entries()) {
      const { report, page } = await audit(spec, 'default');
      defaults[index] = report.findings;
      const steps = page.kind === 'editor' ? page.sequence.steps.length : 0;
      if (steps !== spec.steps.length || report.coverage.reading?.fit !== 1)
        unread.push(`${named(index)}: ${steps} steps read, fit ${report.coverage.reading?.fit}`);
    }
    console.log(`default: ${SPECS - unread.length} of ${SPECS} pages read in full`);
    expect(unread).toEqual([]);
  });

  for (const skin of SKINS) {
    test(`on the ${skin} skin, at least ${READ_RATE * 100}% read to the default skin's findings, none falsely clear or alarmed`, async () => {
      expect(defaults, 'the default skin ran first').toHaveLength(SPECS);
      const differing: string[] = [];
      const wrong: string[] = [];
      for (const [index, spec] of specs.entries()) {
        const { report } = await audit(spec, skin);
        const expected = defaults[index] ?? [];
        const differences = exactDifferences(expected, report.findings);
        if (differences.length === 0) continue;
        differing.push(`${named(index)}: ${differences.join('; ')}`);
        const verdict = skinVerdict(expected, report.findings);
        if (verdict.outcome === 'wrong') wrong.push(`${named(index)}: ${verdict.problems.join('; ')}`);
      }
      const same = SPECS - differing.length;
      console.log(
        `${skin}: ${same} of ${SPECS} pages read to the default skin's findings (${Math.round((100 * same) / SPECS)}%)` +
          (differing.length > 0 ? `\n  ${differing.join('\n  ')}` : ''),
      );
      expect(wrong, 'falsely clear or falsely alarmed').toEqual([]);
      expect(same / SPECS, differing.join('\n')).toBeGreaterThanOrEqual(READ_RATE);
    });
  }
});
