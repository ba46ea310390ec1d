import type { z } from 'zod';
import { type KartraProfile, kartraProfile } from '../kartra/profile';
import { kartraProfileSchema } from '../kartra/profile-schema';
import { SELECTOR_PATHS, valueAt } from '../kartra/selector-paths';

/**
 * Validation of a profile JSON supplied on the options page, with one message per problem that
 * says where and what: `card.fields.timing: expected a non-empty string`. Uses zod, so it is
 * for extension pages only, never the content script.
 */

export type ProfileValidation =
  | { ok: true; profile: KartraProfile; warnings: string[] }
  | { ok: false; problems: string[] };

/** `card.kindIcons[2].value` from zod's path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text ? `.${String(key)}` : String(key);
  }
  return text || 'profile';
}

function describeKind(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

const ARTICLE: Record<string, string> = {
  string: 'a string',
  object: 'an object',
  array: 'a list',
  number: 'a number',
  boolean: 'true or false',
};

function valueAtPath(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** One zod issue as "path: expected ..., found ...". */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const where = formatPath(issue.path);
  const found = valueAtPath(input, issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = ARTICLE[issue.expected] ?? issue.expected;
      return found === undefined
        ? `${where}: missing (expected ${expected})`
        : `${where}: expected ${expected}, found ${describeKind(found)}`;
    }
    case 'too_small':
    case 'too_big': {
      if (issue.origin === 'string' && issue.code === 'too_small' && Number(issue.minimum) === 1)
        return `${where}: expected a non-empty string`;
      if (issue.origin === 'array') {
        const count = Array.isArray(found) ? found.length : 0;
        const limit = issue.code === 'too_small' ? issue.minimum : issue.maximum;
        const bound = issue.exact ? 'exactly' : issue.code === 'too_small' ? 'at least' : 'at most';
        return `${where}: expected ${bound} ${String(limit)} items, found ${count}`;
      }
      return `${where}: ${issue.message}`;
    }
    case 'invalid_value':
      return `${where}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, found ${describeKind(found)}`;
    default:
      return `${where}: ${issue.message}`;
  }
}

/** Keys the schema would silently drop (a typo such as `card.feilds` shows up here). */
function unknownKeys(template: unknown, value: unknown, path: string, out: string[]): void {
  if (typeof template !== 'object' || template === null || typeof value !== 'object' || value === null)
    return;
  if (Array.isArray(template)) {
    if (!Array.isArray(value) || template[0] === undefined) return;
    value.forEach((item, index) => {
      unknownKeys(template[0], item, `${path}[${index}]`, out);
    });
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    if (!(key in template)) out.push(`${childPath}: not a profile field, ignored`);
    else unknownKeys((template as Record<string, unknown>)[key], child, childPath, out);
  }
}

/** Checks the schema cannot make: selectors parse, URL patterns compile. */
function semanticProblems(profile: KartraProfile, parseSelector: (selector: string) => void): string[] {
  const problems: string[] = [];
  for (const path of SELECTOR_PATHS) {
    const selector = valueAt(profile, path);
    if (typeof selector !== 'string') continue;
    try {
      parseSelector(selector);
    } catch {
      problems.push(`${path}: "${selector}" is not a valid CSS selector`);
    }
  }
  for (const key of ['editorPath', 'listPath'] as const) {
    try {
      new RegExp(profile.urls[key]);
    } catch (error) {
      problems.push(`urls.${key}: not a valid regular expression (${(error as Error).message})`);
    }
  }
  return problems;
}

/**
 * Validates a profile given as JSON text. `parseSelector` throws on an invalid selector (in a
 * page: `(s) => document.createDocumentFragment().querySelector(s)`).
 */
export function validateProfileJson(
  text: string,
  parseSelector: (selector: string) => void,
): ProfileValidation {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`Not valid JSON: ${(error as Error).message}`] };
  }
  const result = kartraProfileSchema.safeParse(input);
  if (!result.success) {
    return { ok: false, problems: result.error.issues.map((issue) => describeIssue(issue, input)) };
  }
  const problems = semanticProblems(result.data, parseSelector);
  if (problems.length > 0) return { ok: false, problems };
  const warnings: string[] = [];
  unknownKeys(kartraProfile, input, '', warnings);
  return { ok: true, profile: result.data, warnings };
}
