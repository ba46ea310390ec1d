import { notFoundPageHtml, otherKartraPageHtml, replicaHtml } from '../replica/page';
import { parseSpec } from '../replica/spec';

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
  /** Validates the spec (throws SpecError) and serves it at its Kartra URL; returns that URL. */
  serve(spec: unknown): string;
  /** The page for `url`, or null when it is not on app.kartra.com. */
  respond(url: string): Promise<KartraResponse | null>;
}

export function kartraSite(): KartraSite {
  const editors = new Map<string, unknown>();
  let list: unknown = null;
  return {
    serve(spec) {
      const parsed = parseSpec(spec);
      if (parsed.page === 'list') {
        list = spec;
        return `${KARTRA_ORIGIN}/marketing/sequences`;
      }
      editors.set(parsed.id, spec);
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
        const spec = editors.get(editorId);
        if (spec === undefined) return { status: 404, body: await notFoundPageHtml() };
        return { status: 200, body: await replicaHtml(spec) };
      }
      if (LIST_PATH.test(parsed.pathname))
        return { status: 200, body: await replicaHtml(list ?? { page: 'list', sequences: [] }) };
      return { status: 200, body: await otherKartraPageHtml() };
    },
  };
}
