import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page, type Request, type Route } from '@playwright/test';
import { openInAppScript, type PageOptions } from '../replica/page';
import { skinKey } from '../replica/skin';
import { findChromium } from './chromium';
import { drawnSelector, kartraSite } from './kartra-site';

const EDITOR_URL = /\/marketing\/sequences\/edit\//;
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
// A fresh profile's service worker starts in ~1 s on a quiet machine, but took over 15 s at load 20.
const SERVICE_WORKER_WAIT_MS = 45_000;

export interface LaunchOptions {
  /** Load the built extension (default true). */
  extension?: boolean;
  /** Default true. */
  headless?: boolean;
  /** Default <repo>/.output/chrome-mv3. */
  extensionPath?: string;
  /**
   * Lets the test reinstall the extension over CDP (`Extensions.loadUnpacked`, what an update
   * does); `chrome.runtime.reload()` does not bring back an extension loaded from the command line.
   */
  extensionDebugging?: boolean;
}

export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
  /** Who asked: a web page, the extension (its service worker or its pages), or unknown. */
  by: 'page' | 'extension' | 'unknown';
  /** What the harness did: served a local page, aborted it, or let it through (extension/data URLs). */
  outcome: 'served' | 'aborted' | 'allowed';
}

export interface OpenOptions extends PageOptions {
  /**
   * When `into` shows another sequence's builder in the same skin, open this one inside the app,
   * as a user going from one sequence to the next does (the address changes, no reload; the
   * extension's content script stays and re-audits). Otherwise, and for the sequence list, the
   * page is loaded. Only while nothing else ran in the browser since `into` was loaded (another
   * page, another test), so no earlier page's state reaches this one.
   */
  inApp?: boolean;
}

export interface KartraSession {
  context: BrowserContext;
  /** From the extension's service worker URL; null when launched without the extension. */
  extensionId: string | null;
  requests: RecordedRequest[];
  /**
   * Validates the spec (throws SpecError) and serves it at its Kartra URL, in `options.skin`
   * (default: the replica's own markup); returns that URL. Other Kartra pages follow the skin
   * of the last spec served.
   */
  serve(spec: unknown, options?: PageOptions): string;
  /**
   * Serves the spec, opens it in a new tab (or in `into`, a tab already open) and waits until the
   * builder or list is rendered.
   */
  openSpec(spec: unknown, options?: OpenOptions, into?: Page): Promise<Page>;
  close(): Promise<void>;
}

function whoAsked(request: Request): RecordedRequest['by'] {
  const worker = request.serviceWorker();
  if (worker) return worker.url().startsWith('chrome-extension://') ? 'extension' : 'page';
  try {
    const url = request.frame().url();
    if (url.startsWith('chrome-extension://')) return 'extension';
    return 'page';
  } catch {
    // Requests made before a frame exists (or by workers) have no frame.
    return 'unknown';
  }
}

/** Chromium's launch arguments for headless tests; the extension flags only when loading it. */
export function chromiumArgs(extensionPath: string | null): string[] {
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  if (extensionPath)
    args.unshift(`--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`);
  return args;
}

/**
 * Launches Chromium (fresh profile) with every request routed: Kartra's sequence URLs serve the
 * replica, other app.kartra.com pages a plain Kartra page, and everything else is aborted.
 */
export async function launchKartra(options: LaunchOptions = {}): Promise<KartraSession> {
  const withExtension = options.extension !== false;
  const extensionPath = resolve(options.extensionPath ?? join(repoRoot, '.output', 'chrome-mv3'));
  if (withExtension && !existsSync(join(extensionPath, 'manifest.json'))) {
    throw new Error(
      `The built extension is missing (no manifest.json in ${extensionPath}): run npm run build`,
    );
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'kartra-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: options.headless !== false,
    args: [
      ...chromiumArgs(withExtension ? extensionPath : null),
      ...(options.extensionDebugging ? ['--enable-unsafe-extension-debugging'] : []),
    ],
    viewport: { width: 1400, height: 900 },
  });

  const site = kartraSite();
  const requests: RecordedRequest[] = [];

  const handle = async (route: Route) => {
    const request = route.request();
    const url = request.url();
    const record: RecordedRequest = {
      url,
      method: request.method(),
      resourceType: request.resourceType(),
      by: whoAsked(request),
      outcome: 'aborted',
    };
    requests.push(record);
    if (url.startsWith('chrome-extension://') || url.startsWith('data:')) {
      record.outcome = 'allowed';
      await route.fallback();
      return;
    }
    const response = await site.respond(url);
    if (!response) {
      await route.abort('blockedbyclient');
      return;
    }
    record.outcome = 'served';
    await route.fulfill({
      status: response.status,
      contentType: 'text/html; charset=utf-8',
      body: response.body,
    });
  };
  await context.route(() => true, handle);

  // Pages opened in this browser so far: a tab opens the next sequence inside the app only while
  // it is the last page that was loaded.
  let pagesOpened = 0;
  context.on('page', () => {
    pagesOpened += 1;
  });
  let loads = 0;
  const builders = new WeakMap<Page, { url: string; skin: string; load: number; pagesOpened: number }>();
  const openInApp = async (page: Page, spec: unknown, url: string, skin: string): Promise<boolean> => {
    const shown = builders.get(page);
    if (!shown || shown.skin !== skin || shown.url === url || page.url() !== shown.url) return false;
    if (shown.load !== loads || shown.pagesOpened !== pagesOpened) return false;
    await page.evaluate(openInAppScript(spec, url));
    builders.set(page, { ...shown, url });
    return true;
  };

  let extensionId: string | null = null;
  if (withExtension) {
    const worker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', { timeout: SERVICE_WORKER_WAIT_MS }));
    extensionId = new URL(worker.url()).host;
  }

  return {
    context,
    extensionId,
    requests,
    serve: site.serve,
    async openSpec(spec: unknown, options: OpenOptions = {}, into?: Page) {
      const url = site.serve(spec, options);
      const page = into && !into.isClosed() ? into : await context.newPage();
      // A tab behind another runs its timers and paints only now and then: the page, the
      // extension's audits and the test all wait less in front.
      await page.bringToFront();
      const skin = skinKey(options.skin);
      const editor = EDITOR_URL.test(url);
      if (!(options.inApp && editor && (await openInApp(page, spec, url, skin)))) {
        await page.goto(url);
        loads += 1;
        if (editor) builders.set(page, { url, skin, load: loads, pagesOpened });
        else builders.delete(page);
      }
      await page.locator(drawnSelector(options.skin)).first().waitFor();
      return page;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
