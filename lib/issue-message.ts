import type { core } from 'zod/mini';

/**
 * One sentence per zod issue, naming the field: `card.fields.timing: expected a non-empty
 * string`, `tooManyEmailsLimit: expected at least 1, found number 0`. Written here
 * rather than taken from zod's messages because zod/mini (what the content script bundles)
 * carries no English messages, and because users read these: they say what was found too.
 */

/** `card.kindIcons[2].value` from zod's path; `whole` when the path is empty. */
export function formatPath(path: readonly PropertyKey[], whole: string): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text ? `.${String(key)}` : String(key);
  }
  return text || whole;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

const EXPECTED: Record<string, string> = {
  string: 'a string',
  object: 'an object',
  record: 'an object',
  array: 'a list',
  number: 'a number',
  int: 'a whole number',
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

function sizeProblem(issue: core.$ZodIssueTooSmall | core.$ZodIssueTooBig, found: unknown): string {
  const small = issue.code === 'too_small';
  const limit = small ? issue.minimum : issue.maximum;
  if (issue.origin === 'string' && small && Number(limit) === 1) return 'expected a non-empty string';
  const bound = issue.exact ? 'exactly' : small ? 'at least' : 'at most';
  if (issue.origin === 'array') {
    const count = Array.isArray(found) ? found.length : 0;
    return `expected ${bound} ${String(limit)} items, found ${count}`;
  }
  if (issue.origin === 'string') return `expected ${bound} ${String(limit)} characters`;
  return `expected ${bound} ${String(limit)}, found ${describeValue(found)}`;
}

/** "path: expected ..., found ..."; `whole` names the value itself (an empty path). */
export function describeIssue(issue: core.$ZodIssue, input: unknown, whole: string): string {
  const where = formatPath(issue.path, whole);
  const found = valueAtPath(input, issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      return found === undefined
        ? `${where}: missing (expected ${expected})`
        : `${where}: expected ${expected}, found ${describeValue(found)}`;
    }
    case 'too_small':
    case 'too_big':
      return `${where}: ${sizeProblem(issue, found)}`;
    case 'invalid_value': {
      const allowed = issue.values.map((v) => JSON.stringify(v));
      const expected = allowed.length === 1 ? allowed[0] : `one of ${allowed.join(', ')}`;
      return found === undefined
        ? `${where}: missing (expected ${expected})`
        : `${where}: expected ${expected}, found ${describeValue(found)}`;
    }
    case 'invalid_format':
      return `${where}: expected ${issue.format} format, found ${describeValue(found)}`;
    case 'custom':
      return `${where}: ${issue.message}`;
    case 'invalid_union': {
      // The alternative that failed on the fewest fields says best what was meant.
      const [closest] = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      if (closest) return describeIssue({ ...closest, path: [...issue.path, ...closest.path] }, input, whole);
      return `${where}: not a valid value (${issue.code})`;
    }
    default:
      return `${where}: not a valid value (${issue.code})`;
  }
}
