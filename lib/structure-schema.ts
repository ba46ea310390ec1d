import { z } from 'zod';
import { type PageStructure, STRUCTURE_FORMAT, type StructureText } from './structure-export';

/**
 * The structure export's shape (structure-export.ts), validated where an export arrives: in
 * the popup from the content script, and in the tools that render one back as a page. Full
 * zod: the content script, which makes exports, never imports this file.
 */

const rect = z.tuple([z.number(), z.number(), z.number(), z.number()]);
const textSchema = z.object({ text: z.string(), masked: z.literal(true).optional() });
type ElementInput = z.infer<typeof elementBase> & { children?: (ElementInput | StructureText)[] };
const elementBase = z.object({
  tag: z.string(),
  id: z.string().optional(),
  classes: z.array(z.string()).optional(),
  attributes: z.array(z.string()).optional(),
  rect,
  transform: z.string().optional(),
  d: z.string().optional(),
});
const elementSchema: z.ZodType<ElementInput> = elementBase.extend({
  children: z.array(z.union([textSchema, z.lazy(() => elementSchema)])).optional(),
});

export const structureSchema = z.object({
  format: z.literal(STRUCTURE_FORMAT),
  formatVersion: z.union([z.literal(1), z.literal(2)]),
  tool: z.object({ name: z.string(), version: z.string() }),
  generatedAt: z.string(),
  page: z.object({ path: z.string(), viewport: z.object({ width: z.number(), height: z.number() }) }),
  profile: z.object({ name: z.string() }),
  root: z.object({ found: z.enum(['profile-root', 'main', 'body']), rect }),
  selectorMatches: z.record(z.string(), z.number()),
  counts: z.object({ elements: z.number(), texts: z.number(), truncated: z.boolean() }),
  tree: elementSchema,
});

// The schema and the types in structure-export.ts must describe the same export.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<z.infer<typeof structureSchema>, PageStructure> = true;
void sameShape;
