import { describeIssue } from '../issue-message';
import { type KartraProfile, kartraProfile } from './profile';
import { kartraProfileSchema } from './profile-schema';
import { SELECTOR_PATHS, valueAt } from './selector-paths';

/**
 * The one validation of a profile override, for the options page, audit:page and the content
 * script alike. An override may hold only what differs from the built-in profile: it is merged
 * over it (objects field by field, a list replaces the built-in list) and the result is
 * validated as a whole, with one message per problem that says where and what:
 * `card.fields.timing: expected a non-empty string`. A whole profile is an override too.
 */

export type ProfileValidation =
  | {
      ok: true;
      /** The whole profile to read pages with: the override merged over the built-in one. */
      profile: KartraProfile;
      /** What to store: the override as given, so later built-in fixes still apply under it. */
      override: unknown;
      warnings: string[];
    }
  | { ok: false; problems: string[] };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `override` over `base`: objects merge key by key, anything else (a list, a string) replaces. */
export function mergeOverride(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override === undefined ? base : override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) merged[key] = mergeOverride(base[key], value);
  return merged;
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
 * Validates an override (parsed JSON) merged over `builtIn`. `parseSelector` throws on an
 * invalid selector (in a page: `(s) => document.createDocumentFragment().querySelector(s)`);
 * without it, selectors are left to the reader, which reports one it cannot use.
 */
export function validateProfileOverride(
  override: unknown,
  parseSelector: (selector: string) => void = () => {},
  builtIn: KartraProfile = kartraProfile,
): ProfileValidation {
  const merged = mergeOverride(builtIn, override);
  const result = kartraProfileSchema.safeParse(merged);
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues.map((issue) => describeIssue(issue, merged, 'profile')),
    };
  }
  const problems = semanticProblems(result.data, parseSelector);
  if (problems.length > 0) return { ok: false, problems };
  const warnings: string[] = [];
  unknownKeys(builtIn, override, '', warnings);
  return { ok: true, profile: result.data, override, warnings };
}

/** The same, for an override given as JSON text (the options page's box, a file). */
export function validateProfileJson(
  text: string,
  parseSelector: (selector: string) => void,
): ProfileValidation {
  let override: unknown;
  try {
    override = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`Not valid JSON: ${(error as Error).message}`] };
  }
  return validateProfileOverride(override, parseSelector);
}
