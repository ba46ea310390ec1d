import { notFoundPageHtml, otherKartraPageHtml, type PageOptions, replicaHtml } from '../replica/page';
import { resolveSkin } from '../replica/skin';
import { parseSpec } from '../replica/spec';
import { skinned } from './replica-dom';

export const KARTRA_ORIGIN = 'https://app.kartra.com';
const EDITOR_PATH = /^\/marketing\/sequences\/edit\/([A-Za-z0-9_-]+)\/?$/;
const LIST_PATH = /^\/marketing\/sequences\/?$/;

export interface KartraResponse {
  status: number;
  body: string;
}

/**
 * Kartra's pages as the tests serve them, whatever drives the browser (Playwright's Chromium,
 * Puppeteer's Firefox): the sequence URLs render the replica of the specs served, other
 * app.kartra.com pages a plain Kartra page. Anything else is not Kartra, and the caller refuses it.
 */
export interface KartraSite {
  /**
   * Validates the spec (throws SpecError) and serves it at its Kartra URL, in `options.skin`
   * (default: the default markup); returns that URL. Other Kartra pages take the skin of the
   * last spec served.
   */
  serve(spec: unknown, options?: PageOptions): string;
  /** The page for `url`, or null when it is not on app.kartra.com. */
  respond(url: string): Promise<KartraResponse | null>;
}

/** The builder or the sequence list, as the page's skin spells it: what a harness waits for. */
export function drawnSelector(skin: PageOptions['skin']): string {
  return skinned(skin, '.js_sequence_builder, .js_sequence_list');
}

export function kartraSite(): KartraSite {
  const editors = new Map<string, { spec: unknown; options: PageOptions }>();
  let list: { spec: unknown; options: PageOptions } | null = null;
  let lastOptions: PageOptions = {};
  return {
    serve(spec, options = {}) {
      const parsed = parseSpec(spec);
      resolveSkin(options.skin);
      lastOptions = options;
      if (parsed.page === 'list') {
        list = { spec, options };
        return `${KARTRA_ORIGIN}/marketing/sequences`;
      }
      editors.set(parsed.id, { spec, options });
      return `${KARTRA_ORIGIN}/marketing/sequences/edit/${parsed.id}`;
    },
    async respond(url) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return null;
      }
      if (parsed.origin !== KARTRA_ORIGIN) return null;
      const editorId = EDITOR_PATH.exec(parsed.pathname)?.[1];
      if (editorId !== undefined) {
        const served = editors.get(editorId);
        if (served === undefined) return { status: 404, body: await notFoundPageHtml(lastOptions) };
        return { status: 200, body: await replicaHtml(served.spec, served.options) };
      }
      if (LIST_PATH.test(parsed.pathname))
        return {
          status: 200,
          body: list
            ? await replicaHtml(list.spec, list.options)
            : await replicaHtml({ page: 'list', sequences: [] }, lastOptions),
        };
      return { status: 200, body: await otherKartraPageHtml(lastOptions) };
    },
  };
}
