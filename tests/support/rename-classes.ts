/**
 * Renames every class of a live page and of its stylesheets, as another build of the app would:
 * the page looks and behaves the same to a person, and no class the built-in profile knows is
 * left (Font Awesome's icon classes stay, as an app keeps its icon font's). Data-v attributes
 * stand in for Vue's scoped styles. Run in the page: `page.evaluate(renameEveryClass)`.
 */
export function renameEveryClass(): number {
  const names = new Map<string, string>();
  const rename = (name: string) => {
    if (name.startsWith('fa')) return name;
    if (!names.has(name)) names.set(name, `c${names.size.toString(36)}-${name.length}`);
    return names.get(name) as string;
  };
  for (const sheet of Array.from(document.styleSheets)) {
    for (const rule of Array.from(sheet.cssRules)) {
      if (rule instanceof CSSStyleRule)
        rule.selectorText = rule.selectorText.replace(
          /\.([A-Za-z_][\w-]*)/g,
          (_, n: string) => `.${rename(n)}`,
        );
    }
  }
  for (const el of Array.from(document.querySelectorAll('[class]'))) {
    if (el.closest('kartra-auditor-ui')) continue;
    const renamed = (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean).map(rename);
    el.setAttribute('class', renamed.join(' '));
    el.setAttribute('data-v-3f2a1c9e', '');
  }
  return names.size;
}
