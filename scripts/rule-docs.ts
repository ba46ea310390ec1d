/**
 * npm run docs:rules
 *
 * Writes the parts of docs/rules/*.md that come from each rule's meta (scripts/lib/rule-docs.ts):
 * run it after editing a rule's title, description or fix. A unit test fails while they differ.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES } from '../lib/checks/index';
import { ruleCatalog, rulePage } from './lib/rule-docs';

const docs = join(dirname(fileURLToPath(import.meta.url)), '../docs/rules');
let written = 0;
const update = (file: string, make: (text: string) => string) => {
  const before = readFileSync(file, 'utf8');
  const after = make(before);
  if (after === before) return;
  writeFileSync(file, after);
  written++;
  console.log(`wrote ${file}`);
};
for (const { meta } of RULES) update(join(docs, `${meta.id}.md`), (page) => rulePage(meta, page));
update(join(docs, 'README.md'), (catalog) =>
  ruleCatalog(
    RULES.map((rule) => rule.meta),
    catalog,
  ),
);
console.log(written === 0 ? 'docs/rules is up to date' : `${written} file(s) written`);
