import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES, RULES_BY_ID } from '../../../lib/checks/index';
import { fixtureNames, loadFixture } from '../../fixtures/sequences/fixtures';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');

// The team's rule catalog, when present beside the project; the comparison is skipped otherwise.
const SHARED_CATALOG = join(ROOT, '../shared/rules.md');

/** The catalog's table rows: | `id` | severity | ... */
function catalogRows(markdown: string): Array<{ id: string; severity: string }> {
  return [...markdown.matchAll(/^\| `([a-z0-9-]+)` \| (error|warning|info) \|/gm)].map((m) => ({
    id: m[1] as string,
    severity: m[2] as string,
  }));
}

const catalog = catalogRows(readFileSync(join(ROOT, 'docs/rules/README.md'), 'utf8'));
const fixtures = fixtureNames().map(loadFixture);

describe('rule catalog', () => {
  it('has the catalog tables', () => {
    expect(catalog.length).toBeGreaterThanOrEqual(26);
    expect(new Set(catalog.map((r) => r.id)).size).toBe(catalog.length);
  });

  it.skipIf(!existsSync(SHARED_CATALOG))("the project's copy matches the shared catalog", () => {
    expect(catalogRows(readFileSync(SHARED_CATALOG, 'utf8'))).toEqual(catalog);
  });

  it('every rule module is in the catalog, and nothing else is registered', () => {
    expect(RULES.map((r) => r.meta.id).sort()).toEqual(catalog.map((r) => r.id).sort());
  });

  it('no rule module exists outside the catalog', () => {
    const helpers = new Set(['index', 'types', 'support', 'causes', 'test-address']);
    const modules = readdirSync(join(ROOT, 'lib/checks'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.slice(0, -3))
      .filter((f) => !helpers.has(f));
    expect(modules.sort()).toEqual(catalog.map((r) => r.id).sort());
  });

  describe.each(catalog.map((r) => [r.id, r] as const))('%s', (id, row) => {
    const rule = RULES_BY_ID.get(id);

    it('has a module with the catalog severity and full meta', () => {
      expect(rule?.meta.severity).toBe(row.severity);
      expect(rule?.meta.title.length).toBeGreaterThan(5);
      expect(rule?.meta.description.length).toBeGreaterThan(30);
      expect(rule?.meta.fix.length).toBeGreaterThan(15);
      expect(rule?.meta.docs).toBe(`docs/rules/${id}.md`);
    });

    it('words its findings from messages with short ids and well-formed placeholders', () => {
      const messages = rule?.meta.messages ?? {};
      expect(Object.keys(messages).length).toBeGreaterThan(0);
      for (const key of Object.keys(messages)) expect(key).toMatch(/^[a-z][A-Za-z0-9]*$/);
      for (const text of [...Object.values(messages), ...Object.values(rule?.meta.fixes ?? {})]) {
        expect(text.trim()).not.toBe('');
        // A brace outside a {{word}} placeholder is never filled: users would see it.
        expect(text.replaceAll(/\{\{\w+\}\}/g, '')).not.toMatch(/[{}]/);
      }
    });

    it('has a doc page that explains, cites and fixes', () => {
      const page = readFileSync(join(ROOT, `docs/rules/${id}.md`), 'utf8');
      for (const heading of [
        '## What it checks',
        '## Why it matters',
        '## How to fix it in Kartra',
        '## Example',
      ]) {
        expect(page).toContain(heading);
      }
      expect(page).toMatch(/support\.kartra\.com|pineapplerelations|danielledoucette|genesisdigital/);
    });

    it('has a table test', () => {
      expect(existsSync(join(ROOT, `tests/unit/checks/${id}.test.ts`))).toBe(true);
    });

    it('has a fixture where it fires and one where it does not', () => {
      const fires = fixtures.filter((f) => f.expected.findings.some((e) => e.ruleId === id));
      const silent = fixtures.filter((f) => !f.expected.findings.some((e) => e.ruleId === id));
      expect(
        fires.map((f) => f.name),
        'fires',
      ).not.toEqual([]);
      expect(
        silent.map((f) => f.name),
        'does not fire',
      ).not.toEqual([]);
      // A fixture named after the rule must agree about whether it fires.
      for (const f of fixtures.filter((x) => x.name.startsWith(`${id}.`))) {
        expect(fires.includes(f), f.name).toBe(/\.(fires|review)$/.test(f.name));
      }
    });
  });
});
