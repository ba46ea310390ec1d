import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kartraProfile } from '../../../lib/kartra/profile';
import { kartraProfileSchema } from '../../../lib/kartra/profile-schema';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every string in the profile that names a Kartra class, icon or selector. */
function selectorsOf(value: unknown): string[] {
  if (typeof value === 'string') return /^[.#]|^fa-|^js_|^jtk-/.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(selectorsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(selectorsOf);
  return [];
}

describe('the Kartra profile', () => {
  it('validates against its schema', () => {
    expect(kartraProfileSchema.parse(kartraProfile)).toEqual(kartraProfile);
  });

  it('says which field is wrong in a broken profile', () => {
    const broken = structuredClone(kartraProfile) as unknown as { card: { fields: { timing: string } } };
    broken.card.fields.timing = '';
    const result = kartraProfileSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.join('.')).toBe('card.fields.timing');
  });

  it('is the only place in lib/ that names a Kartra selector, class or icon', () => {
    const selectors = [...new Set(selectorsOf(kartraProfile))];
    expect(selectors.length).toBeGreaterThan(20);
    const offenders: string[] = [];
    for (const file of filesUnder('lib')) {
      if (file.startsWith(join('lib', 'kartra'))) continue;
      const source = readFileSync(file, 'utf8');
      for (const selector of selectors) {
        if (source.includes(`'${selector}'`) || source.includes(`"${selector}"`))
          offenders.push(`${file}: ${selector}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
