import { escapeHtml } from '../../lib/export/escape-html';
import { describeIssue } from '../../lib/issue-message';
import {
  type PageStructure,
  pathGeometry,
  STRUCTURE_FORMAT,
  type StructureElement,
  type StructureText,
} from '../../lib/structure/export';
import { structureSchema } from '../../lib/structure/structure-schema';
import { KARTRA_ORIGIN } from './saved-page';

/**
 * A structure export (lib/structure/export.ts) rendered back as a page: every element at its
 * place (absolutely positioned, with its classes and id), its texts as exported, and the lines'
 * paths, so that the extension can read and audit it like the page it came from. A field the
 * export masked whole (titles, names) is left out rather than shown as its placeholder, and what
 * the export never had (styles, colours, attribute values, icons' glyphs) is not invented.
 * Pure: structure in, HTML out.
 */

/** Whether parsed JSON is meant as a structure export (then it is validated as one). */
export function looksLikeStructure(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && (value as { format?: unknown }).format === STRUCTURE_FORMAT
  );
}

/** The structure, or the problems with it, each naming the field. */
export function parseStructure(
  value: unknown,
): { ok: true; structure: PageStructure } | { ok: false; problems: string[] } {
  const result = structureSchema.safeParse(value);
  if (result.success) return { ok: true, structure: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => describeIssue(issue, value, 'structure')),
  };
}

/** Tags never rendered as themselves: they could load, run or hide something. */
const NEUTRALISED = new Set([
  'script',
  'style',
  'link',
  'meta',
  'base',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'template',
  'noscript',
  'title',
  'head',
  'html',
  'body',
  'foreignobject',
  'image',
  'use',
  'portal',
]);
const VOID = new Set(['area', 'br', 'col', 'hr', 'img', 'input', 'source', 'track', 'wbr']);
const TAG = /^[a-z][a-z0-9-]{0,40}$/;
const CLASS = /^-?[A-Za-z_][A-Za-z0-9_-]{0,59}$/;
const ID = /^[A-Za-z0-9_-]{1,40}$/;
/** Only `data-*` names (Vue's scoped-style markers are among them), empty as exported. */
const DATA_ATTRIBUTE = /^data-[a-z0-9_.-]{1,40}$/i;

/** A computed 2D transform, numbers only, as the export keeps it. */
const MATRIX = /^matrix\((\s*-?[\d.e+-]+\s*,){5}\s*-?[\d.e+-]+\s*\)$/;

const px = (value: number) => `${Math.round(value * 10) / 10}px`;

/** The uniform scale a computed `matrix(...)` transform applies (1 when there is none). */
function scaleOf(transform: string | undefined): number {
  const numbers = /^matrix\(([^)]*)\)$/
    .exec(transform ?? '')?.[1]
    ?.split(',')
    .map(Number);
  const [a, b] = numbers ?? [];
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b)) return 1;
  return Math.hypot(a, b) || 1;
}

function openTag(node: StructureElement, tag: string, style: string | null, extra = ''): string {
  let out = `<${tag}`;
  if (node.id && ID.test(node.id)) out += ` id="${node.id}"`;
  const classes = (node.classes ?? []).filter((token) => CLASS.test(token));
  if (classes.length > 0) out += ` class="${classes.join(' ')}"`;
  for (const name of node.attributes ?? []) if (DATA_ATTRIBUTE.test(name)) out += ` ${name.toLowerCase()}=""`;
  if (style) out += ` style="${style}"`;
  return `${out}${extra}>`;
}

interface Frame {
  /** The parent's top-left corner, relative to the export's root. */
  x: number;
  y: number;
  /** Inside an <svg>: positions come from the SVG's own geometry. */
  inSvg: boolean;
  /** The zoom of the ancestors, for an SVG's own units. */
  scale: number;
}

/**
 * An element holding a wholly masked text (a title, a name) is left out: the reader then says it
 * could not read that field, and the rules that need it answer "needs review", where a
 * placeholder read as a title or a name could make them answer wrongly.
 */
const holdsMaskedText = (node: StructureElement) =>
  (node.children ?? []).some((child) => 'text' in child && child.masked === true);

function renderNode(node: StructureElement | StructureText, frame: Frame): string {
  if ('text' in node) return escapeHtml(node.text);
  if (holdsMaskedText(node)) return '';
  const tag = TAG.test(node.tag) && !NEUTRALISED.has(node.tag) ? node.tag : 'div';
  const [x, y, width, height] = node.rect;
  const scale = frame.scale * scaleOf(node.transform);
  let open: string;
  if (frame.inSvg) {
    // Inside an SVG, the element's own transform places it (jsPlumb shifts its paths so).
    const d = tag === 'path' && node.d ? pathGeometry(node.d) : null;
    const transform = node.transform && MATRIX.test(node.transform) ? ` transform="${node.transform}"` : '';
    open = openTag(node, tag, null, `${d ? ` d="${d}"` : ''}${transform}`);
  } else {
    // Boxes that had no size (hidden ones among them) keep none, and show nothing that overflows.
    const hidden = width === 0 && height === 0 ? 'overflow:hidden;' : '';
    const style = `position:absolute;left:${px(x - frame.x)};top:${px(y - frame.y)};width:${px(width)};height:${px(height)};${hidden}`;
    const svgSize =
      tag === 'svg'
        ? ` width="${px(width)}" height="${px(height)}" viewBox="0 0 ${Math.round((width / scale) * 10) / 10} ${Math.round((height / scale) * 10) / 10}" overflow="visible"`
        : '';
    open = openTag(node, tag, style, svgSize);
  }
  if (VOID.has(tag)) return open;
  const inner: Frame = { x, y, inSvg: frame.inSvg || tag === 'svg', scale };
  const children = (node.children ?? []).map((child) => renderNode(child, inner)).join('');
  return `${open}${children}</${tag}>`;
}

/** The page's URL: the export's path with its id ("{id}") replaced by `id`. */
export function structureUrl(structure: PageStructure, id: string): string {
  return `${KARTRA_ORIGIN}${structure.page.path.replace('{id}', id)}`;
}

/** The structure as an HTML page served at `url` (recorded as its canonical link). */
export function renderStructurePage(structure: PageStructure, url: string): string {
  const [left, top] = structure.root.rect;
  const { width, height } = structure.page.viewport;
  const root = renderNode(structure.tree, { x: -left, y: -top, inSvg: false, scale: 1 });
  const about = `${structure.tool.name} ${structure.tool.version}, ${structure.generatedAt}, profile "${structure.profile.name}"`;
  return [
    '<!DOCTYPE html>',
    `<!-- A page structure export rendered back as a page (${escapeHtml(about).replace(/--/g, '- -')}). -->`,
    '<html><head><meta charset="utf-8">',
    `<link rel="canonical" href="${escapeHtml(url)}">`,
    '<title>Page structure</title>',
    `<style>html,body{margin:0;padding:0;min-width:${px(width)};min-height:${px(height)}}`,
    '*{box-sizing:border-box;margin:0;padding:0;border:0;font:12px/1.2 sans-serif;white-space:nowrap}</style>',
    `</head><body>${root}</body></html>`,
  ].join('\n');
}
