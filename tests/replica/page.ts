import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { classMapper, renameCss, resolveSkin, type Skin, type SkinName } from './skin';
import { parseSpec, type Spec, SpecError } from './spec';

/**
 * Node side of the replica: complete HTML documents that render a spec on load. The browser
 * code (tests/replica/app) is bundled with esbuild on demand, so edits to it show in the next
 * page without a build step.
 */

const here = dirname(fileURLToPath(import.meta.url));
const appDir = join(here, 'app');
const require = createRequire(import.meta.url);
/** The app's global: it exposes the render functions, never the spec. */
const GLOBAL = 'KartraSequenceBuilder';

/** The app's bundles by entry file, each with the stamp of the sources it was built from. */
const cached = new Map<string, { stamp: string; code: string }>();

/** Changes whenever a source file of the bundle changes, so a stale bundle is never served. */
function sourceStamp(): string {
  const files = [
    ...readdirSync(appDir).map((f) => join(appDir, f)),
    join(here, 'spec-shape.ts'),
    join(here, 'skin-markup.ts'),
  ];
  return files.map((f) => `${f}:${statSync(f).mtimeMs}`).join('|');
}

/**
 * The skins drawn by node-editor libraries from npm: their pages carry a bundle with the library
 * and its stylesheet (the other pages do not).
 */
const LIBRARIES: Partial<Record<Skin['lines'], { css: string[]; own?: string }>> = {
  'vue-flow': { css: ['@vue-flow/core/dist/style.css', '@vue-flow/core/dist/theme-default.css'] },
  // An app styles Drawflow's boxes itself: these fit the cards instead of the demo's 160 px.
  drawflow: {
    css: ['drawflow/dist/drawflow.min.css'],
    own: '.drawflow .drawflow-node { width: auto; background: #fff; }',
  },
};

async function bundle(skin: Skin): Promise<string> {
  const entry = join(appDir, LIBRARIES[skin.lines] ? 'libraries.ts' : 'main.ts');
  const stamp = sourceStamp();
  const hit = cached.get(entry);
  if (hit && hit.stamp === stamp) return hit.code;
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    platform: 'browser',
    target: 'chrome110',
    minify: true,
    write: false,
    logLevel: 'silent',
    // Vue's production build, as an app ships it.
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'false',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
  });
  const code = result.outputFiles[0]?.text ?? '';
  cached.set(entry, { stamp, code });
  return code;
}

/** The replica's stylesheet, its selectors spelt in the skin's class names. */
export function skinCss(skin: Skin): string {
  const css = readFileSync(join(appDir, 'replica.css'), 'utf8');
  const own = skin.classNames === 'kartra' ? css : renameCss(css, classMapper(skin));
  const library = LIBRARIES[skin.lines];
  const libraryCss = (library?.css ?? []).map((file) => readFileSync(require.resolve(file), 'utf8'));
  return [own, ...libraryCss, ...(library?.own ? [library.own] : [])].join('\n');
}

/** How a page is drawn: which skin (default: the replica's own markup, docs/replica-markup.md). */
export interface PageOptions {
  skin?: Skin | SkinName;
}

/** JSON that is safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string,
  );
}

async function documentHtml(title: string, call: string, skin: Skin): Promise<string> {
  const code = await bundle(skin);
  // The bundle's own "</script" sequences (if any) must not end the element early.
  const safeCode = code.replace(/<\/script/gi, '<\\/script');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${skinCss(skin)}</style>
</head>
<body>
<script>${safeCode}</script>
<script>(function () { var self = document.currentScript; try { ${call} } finally { self.remove(); } })();</script>
</body>
</html>
`;
}

/**
 * A complete HTML document rendering `spec` (editor or list) synchronously on load. The spec is
 * validated here, in Node, so the page carries no validator; the call that carries it removes its
 * own script element, so the spec does not stay in the page. An invalid spec still gives a page:
 * it shows the problems in an alert banner.
 */
export async function replicaHtml(spec: unknown, options: PageOptions = {}): Promise<string> {
  const skin = resolveSkin(options.skin);
  let parsed: Spec;
  try {
    parsed = parseSpec(spec);
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    const call = `${GLOBAL}.renderInvalid(${scriptJson(error.message)}, document, ${scriptJson(skin)});`;
    return documentHtml('Sequence builder | KARTRA', call, skin);
  }
  return documentHtml(
    pageTitle(parsed),
    `${GLOBAL}.render(${scriptJson(parsed)}, document, ${scriptJson(skin)});`,
    skin,
  );
}

function pageTitle(spec: Spec): string {
  return spec.page === 'list' ? 'Sequences | KARTRA' : `${spec.name} | Sequence builder | KARTRA`;
}

/**
 * A script that opens `spec` at `url` inside a replica page already showing, in that page's skin,
 * as the app's router does (no reload). Like the page's own render call, it leaves no trace of
 * the spec in the page. Throws SpecError for an invalid spec.
 */
export function openInAppScript(spec: unknown, url: string): string {
  const parsed = parseSpec(spec);
  return `${GLOBAL}.open(${scriptJson(parsed)}, ${scriptJson(url)}, ${scriptJson(pageTitle(parsed))});`;
}

/** A plain Kartra page (the dashboard) for app.kartra.com URLs that are not sequence pages. */
export async function otherKartraPageHtml(options: PageOptions = {}): Promise<string> {
  const skin = resolveSkin(options.skin);
  return documentHtml('Dashboard | KARTRA', `${GLOBAL}.renderOther(document, ${scriptJson(skin)});`, skin);
}

/** Kartra's page for a sequence id that does not exist. */
export async function notFoundPageHtml(options: PageOptions = {}): Promise<string> {
  const skin = resolveSkin(options.skin);
  return documentHtml(
    'Page not found | KARTRA',
    `${GLOBAL}.renderNotFound(document, ${scriptJson(skin)});`,
    skin,
  );
}
