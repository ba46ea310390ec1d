import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../lib/checks/index';
import type { RuleMeta } from '../../../lib/checks/types';
import { ruleCatalog, rulePage } from '../../../scripts/lib/rule-docs';

const DOCS = join(dirname(fileURLToPath(import.meta.url)), '../../../docs/rules');
const STALE = 'written from the rule meta differently: run npm run docs:rules';

describe('the rule docs say what each rule meta says, written once', () => {
  it.each(RULES.map((rule) => [rule.meta.id, rule.meta] as const))('docs/rules/%s.md', (id, meta) => {
    const page = readFileSync(join(DOCS, `${id}.md`), 'utf8');
    expect(rulePage(meta, page), STALE).toBe(page);
  });

  it('docs/rules/README.md: every rule row and page line', () => {
    const catalog = readFileSync(join(DOCS, 'README.md'), 'utf8');
    expect(
      ruleCatalog(
        RULES.map((rule) => rule.meta),
        catalog,
      ),
      STALE,
    ).toBe(catalog);
  });

  it('a meta edited without regenerating shows as stale, on the page and in the catalog', () => {
    const [rule] = RULES;
    if (!rule) throw new Error('no rule');
    const edited: RuleMeta = { ...rule.meta, fix: `${rule.meta.fix} Then save.` };
    const page = readFileSync(join(DOCS, `${rule.meta.id}.md`), 'utf8');
    const catalog = readFileSync(join(DOCS, 'README.md'), 'utf8');
    expect(rulePage(edited, page)).not.toBe(page);
    expect(rulePage(edited, page)).toContain(`\n## How to fix it in Kartra\n\n${edited.fix}\n`);
    expect(ruleCatalog([edited], catalog)).toContain(`| ${edited.fix} |`);
  });

  it('a page without the sections the generator writes into is named', () => {
    const [rule] = RULES;
    if (!rule) throw new Error('no rule');
    expect(() => rulePage(rule.meta, '# nothing here\n')).toThrow(/no "## What it checks" section/);
  });
});
