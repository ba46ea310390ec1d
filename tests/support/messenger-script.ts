import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import type { sendMessage } from '../../lib/extension/messaging/messages';

/**
 * Tests ask the extension what the popup asks, from one of its pages, in the protocol's own
 * wire format: this script (messenger-entry.ts bundled: lib/extension/messaging/messages.ts and the
 * library) gives the page `kartraAuditor.sendMessage`, the very function the popup calls.
 * Run it in the page once (Playwright's evaluate, Firefox's script.evaluate); extension pages
 * allow no inline script, but a debugger's evaluation is not one.
 */
let bundled: string | null = null;
export function messengerScript(): string {
  bundled ??=
    buildSync({
      entryPoints: [fileURLToPath(new URL('./messenger-entry.ts', import.meta.url))],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    }).outputFiles[0]?.text ?? '';
  return bundled;
}

/** What the script defines in the page (for code evaluated there). */
export interface PageMessenger {
  kartraAuditor: { sendMessage: typeof sendMessage };
}
