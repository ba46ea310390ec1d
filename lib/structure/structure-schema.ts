import * as z from 'zod/mini';
import { type PageStructure, STRUCTURE_FORMAT, type StructureText } from './export';

/**
 * The structure export's shape (structure-export.ts), validated where an export arrives: in
 * the popup from the content script, and in the tools that render one back as a page. zod/mini, like every schema the extension's pages load.
 */

const rect = z.tuple([z.number(), z.number(), z.number(), z.number()]);
const textSchema = z.object({ text: z.string(), masked: z.optional(z.literal(true)) });
type ElementInput = z.infer<typeof elementBase> & { children?: (ElementInput | StructureText)[] };
const elementBase = z.object({
  tag: z.string(),
  id: z.optional(z.string()),
  classes: z.optional(z.array(z.string())),
  attributes: z.optional(z.array(z.string())),
  rect,
  transform: z.optional(z.string()),
  d: z.optional(z.string()),
});
const elementSchema: z.ZodMiniType<ElementInput> = z.extend(elementBase, {
  children: z.optional(z.array(z.union([textSchema, z.lazy(() => elementSchema)]))),
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
