import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import type { PageOptions } from '../replica/page';
import { drawnSelector, kartraSite } from './kartra-site';

/**
 * Headless Firefox with the built Firefox extension, driven over WebDriver BiDi by
 * puppeteer-core (which downloads no browser), as docs/testing.md describes. Kartra's
 * URLs serve the replica (tests/harness/kartra-site.ts, as for Chromium) and every other request
 * is refused and recorded.
 */

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIREFOX_BUILD_DIR = join(repoRoot, '.output', 'firefox-mv3');
const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];
/**
 * The extension's internal UUID, pinned by a preference so that its pages have a known
 * moz-extension:// address (Firefox otherwise picks a random one per profile).
 */
const EXTENSION_UUID = '6b0f3c2e-5a41-4d7e-9c18-2f4e8a7d1b90';
/** Pages as slow as a loaded 2-core machine makes them; a wait that runs out fails the test. */
const WAIT_MS = 30_000;

/** The Firefox to drive: `FIREFOX_PATH` when set and present, else Debian's firefox-esr or firefox. */
export function findFirefox(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.FIREFOX_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const found = FIREFOX_CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  const envNote = fromEnv ? ` FIREFOX_PATH is set to ${fromEnv}, but no file is there.` : '';
  throw new Error(
    `No Firefox was found for the Firefox tests.${envNote} On Debian/Ubuntu install it with ` +
      '`apt-get install firefox-esr` (it lands at /usr/bin/firefox-esr), or point FIREFOX_PATH at a ' +
      'Firefox executable.',
  );
}

/** A page of the extension (popup.html, options.html...) open in a Firefox tab. */
export interface ExtensionPage {
  /**
   * Runs `body` (the source of an async function body, with the extension's `browser` API in
   * scope) in the page and returns what it returns, passed through JSON.
   */
  run<T>(body: string): Promise<T>;
  close(): Promise<void>;
}

export interface FirefoxKartra {
  browser: Browser;
  /** Every request any tab made to somewhere other than app.kartra.com or the extension itself. */
  outgoing: string[];
  /** Every request made to app.kartra.com (served from the replica): shows the recorder works. */
  kartraRequests: string[];
  /** Serves the spec at its Kartra URL (in a skin), opens it and waits until the builder or list is drawn. */
  openSpec(spec: unknown, options?: PageOptions): Promise<Page>;
  /** Opens `path` of the extension (`popup.html?tabId=3`) in a new tab. */
  openExtensionPage(path: string): Promise<ExtensionPage>;
  /**
   * Which running copy of the extension Firefox has enabled (a number that changes when it
   * reloads), or null between copies, when no page of the extension can load.
   */
  extensionInstance(): Promise<number | null>;
  close(): Promise<void>;
}

/** The slice of puppeteer's BiDi connection the harness uses (it is internal to puppeteer). */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
  on(event: string, handler: (params: never) => void): void;
}
interface BidiContext {
  context: string;
  url: string;
  children?: BidiContext[] | null;
}
type EvaluateResult =
  | { type: 'success'; result: { type: string; value?: unknown } }
  | { type: 'exception'; exceptionDetails: { text: string } };

const isOwnUrl = (url: string) =>
  url.startsWith('moz-extension://') || url.startsWith('data:') || url.startsWith('about:');

function geckoId(buildDir: string): string {
  const manifest = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${buildDir}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

/** Waits until `probe` gives a value (not null or undefined), polling; fails after a while. */
export async function waitUntil<T>(what: string, probe: () => Promise<T | null | undefined>): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Firefox: ${what} did not happen within ${WAIT_MS} ms`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

export async function launchFirefoxKartra(buildDir = FIREFOX_BUILD_DIR): Promise<FirefoxKartra> {
  if (!existsSync(join(buildDir, 'manifest.json')))
    throw new Error(
      `The Firefox build is missing (no manifest.json in ${buildDir}): run npx wxt build -b firefox`,
    );
  const id = geckoId(buildDir);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    // The Chromium harness's size: the builder shows the fixtures' cards without scrolling.
    defaultViewport: { width: 1400, height: 900 },
    // Lets the harness run script in the browser's own window, the one way to open an
    // extension page (BiDi refuses to navigate a tab to moz-extension://).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'xpinstall.signatures.required': false,
      'extensions.webextensions.uuids': JSON.stringify({ [id]: EXTENSION_UUID }),
    },
  });
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const outgoing: string[] = [];
  const kartraRequests: string[] = [];
  // Puppeteer subscribes to the network events of every tab, extension pages included.
  connection.on('network.beforeRequestSent', (event: { request: { url: string } }) => {
    const url = event.request.url;
    if (url.startsWith('https://app.kartra.com/')) kartraRequests.push(url);
    else if (!isOwnUrl(url)) outgoing.push(url);
  });
  const installed = await browser.installExtension(buildDir);
  if (installed !== id) throw new Error(`Firefox installed the extension as ${installed}, not ${id}`);

  const site = kartraSite();
  const serveOrRefuse = async (request: HTTPRequest) => {
    const url = request.url();
    if (isOwnUrl(url)) return request.continue();
    const response = await site.respond(url);
    if (!response) return request.abort('blockedbyclient');
    return request.respond({
      status: response.status,
      contentType: 'text/html; charset=utf-8',
      body: response.body,
    });
  };

  const evaluate = async (context: string, expression: string): Promise<unknown> => {
    const { result } = (await connection.send('script.evaluate', {
      expression,
      target: { context },
      awaitPromise: true,
    })) as { result: EvaluateResult };
    if (result.type === 'exception') throw new Error(`Firefox: ${result.exceptionDetails.text}`);
    return result.result.value;
  };
  const contexts = async (params: object): Promise<BidiContext[]> =>
    ((await connection.send('browsingContext.getTree', params)).result as { contexts: BidiContext[] })
      .contexts;
  // The browser window's chrome document, once it has its tabs: right after start-up the first
  // chrome context can be one that has none yet (gBrowser not defined).
  const browserWindow = (): Promise<string> =>
    waitUntil('a browser window with its tabs', async () => {
      for (const window of await contexts({ 'moz:scope': 'chrome' })) {
        const ready = await evaluate(window.context, "typeof gBrowser !== 'undefined'").catch(() => false);
        if (ready === true) return window.context;
      }
      return null;
    });

  return {
    browser,
    outgoing,
    kartraRequests,
    async openSpec(spec, options = {}) {
      const url = site.serve(spec, options);
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => void serveOrRefuse(request));
      await page.goto(url);
      await page.waitForSelector(drawnSelector(options.skin), { timeout: WAIT_MS });
      return page;
    },
    async openExtensionPage(path) {
      const url = `moz-extension://${EXTENSION_UUID}/${path}`;
      await evaluate(
        await browserWindow(),
        `gBrowser.selectedTab = gBrowser.addTab(${JSON.stringify(url)}, {
          triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal(),
        }); true`,
      );
      const context = await waitUntil(`opening ${url}`, async () => {
        const tab = (await contexts({})).find((candidate) => candidate.url === url);
        if (!tab) return null;
        const ready = await evaluate(tab.context, 'document.readyState === "complete"');
        return ready ? tab.context : null;
      }).catch(async (error: Error) => {
        const shown = (await contexts({})).map((tab) => tab.url).join(', ');
        throw new Error(`${error.message} (the tabs show: ${shown})`);
      });
      return {
        async run<T>(body: string) {
          const json = await evaluate(
            context,
            `(async () => JSON.stringify(await (async () => { ${body} })()))()`,
          );
          return (typeof json === 'string' ? JSON.parse(json) : undefined) as T;
        },
        async close() {
          await connection.send('browsingContext.close', { context });
        },
      };
    },
    async extensionInstance() {
      const policy = `WebExtensionPolicy.getByID(${JSON.stringify(id)})`;
      const instance = await evaluate(
        await browserWindow(),
        `${policy}?.active ? ${policy}.instanceId : null`,
      );
      return typeof instance === 'number' ? instance : null;
    },
    async close() {
      await browser.close();
    },
  };
}
