import { optionValueWords, type RuleMeta } from '../../lib/checks/types';

/**
 * The rule pages' and the rule catalog's words that come from each rule's `meta`
 * (lib/checks/<id>.ts), so each sentence is written once: a page's head (id, severity, title,
 * description) and the first paragraph of its "How to fix it in Kartra" (the fix the popup shows);
 * the catalog's table rows and its list of pages. Everything else on a page is written by hand.
 * Pure: `npm run docs:rules` writes what these return, and a unit test fails when a file differs.
 */

const WHAT = '\n## What it checks\n';
const FIX = '\n## How to fix it in Kartra\n';

function note(id: string): string {
  return `<!-- The title, the description and the fix's first paragraph come from the meta in lib/checks/${id}.ts: edit them there, then run npm run docs:rules. -->`;
}

/** `page` (docs/rules/<id>.md) with its generated parts written from `meta`. */
export function rulePage(meta: RuleMeta, page: string): string {
  const what = page.indexOf(WHAT);
  if (what < 0) throw new Error(`docs/rules/${meta.id}.md: no "## What it checks" section`);
  const options = Object.entries(meta.options ?? {}).map(
    ([name, option]) =>
      `- \`${name}\`: ${option.label.charAt(0).toLowerCase()}${option.label.slice(1)} (default: ${optionValueWords(option, option.default)}${
        option.type === 'choice'
          ? `; or ${Object.entries(option.choices)
              .filter(([key]) => key !== option.default)
              .map(([, words]) => words)
              .join(', or ')}`
          : `; ${option.min} to ${option.max}`
      }).`,
  );
  const houseRules =
    options.length > 0 ? `\nHouse rules (set in the options page):\n\n${options.join('\n')}\n` : '';
  const head = `# \`${meta.id}\` (${meta.severity})\n\n${note(meta.id)}\n\n**${meta.title}**\n\n${meta.description}\n${houseRules}`;
  const rest = page.slice(what);
  const fix = rest.indexOf(FIX);
  if (fix < 0) throw new Error(`docs/rules/${meta.id}.md: no "## How to fix it in Kartra" section`);
  const body = rest.slice(fix + FIX.length).replace(/^\n+/, '');
  // The first paragraph ends at a blank line or at the next heading.
  const end = body.search(/\n\n|\n#/);
  const after = end < 0 ? '\n' : body.slice(end);
  return `${head}${rest.slice(0, fix + FIX.length)}\n${meta.fix}${after}`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/**
 * The catalog (docs/rules/README.md) with each rule's table row and its line in the list of
 * pages written from `meta`; the rest of the catalog (sections, their order, the text between)
 * is kept. A rule with no row or no line in it is an error: where it belongs is the author's call.
 */
export function ruleCatalog(metas: readonly RuleMeta[], catalog: string): string {
  let out = catalog;
  for (const meta of metas) {
    const row = new RegExp(`^\\| \`${meta.id}\` \\|.*$`, 'm');
    const line = new RegExp(`^- \\[\`${meta.id}\`\\]\\(${meta.id}\\.md\\).*$`, 'm');
    if (!row.test(out)) throw new Error(`docs/rules/README.md: no table row for ${meta.id}`);
    if (!line.test(out)) throw new Error(`docs/rules/README.md: no line for ${meta.id} under "Rule pages"`);
    out = out
      .replace(row, `| \`${meta.id}\` | ${meta.severity} | ${cell(meta.description)} | ${cell(meta.fix)} |`)
      .replace(line, `- [\`${meta.id}\`](${meta.id}.md): ${meta.title}`);
  }
  return out;
}
