import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/sequences');

export interface FixtureSpec {
  name: string;
  spec: Record<string, unknown>;
  /** The findings it must produce, when it has a <name>.expected.json. */
  expected: { findings: { ruleId: string; severity: string; steps: string[]; kind?: string }[] } | null;
}

/** Every fixture spec in tests/fixtures/sequences, with its expected findings. */
export function fixtureSpecs(): FixtureSpec[] {
  const files = readdirSync(FIXTURE_DIR).filter((file) => file.endsWith('.json') && !file.endsWith('.expected.json'));
  return files.sort().map((file) => {
    const name = file.replace(/\.json$/, '');
    const spec = JSON.parse(readFileSync(join(FIXTURE_DIR, file), 'utf8')) as Record<string, unknown>;
    let expected: FixtureSpec['expected'] = null;
    try {
      expected = JSON.parse(readFileSync(join(FIXTURE_DIR, `${name}.expected.json`), 'utf8'));
    } catch {
      expected = null;
    }
    return { name, spec, expected };
  });
}
