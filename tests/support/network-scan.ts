/**
 * A static scan of built JavaScript for anything that could send data out of the browser: network
 * APIs, and URL literals (each is classified; only links shown to the user and identifiers that
 * are never requested may appear).
 */

export interface ScanHit {
  file: string;
  match: string;
  /** Up to 120 characters before and after, for the person judging it. */
  context: string;
  /** The enclosing 1,000 characters before the match, for recognising known library code. */
  before: string;
}

export const NETWORK_APIS =
  /\bfetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\b|\bsendBeacon\b|\bEventSource\b|\bnavigator\.connection\b|\bimportScripts\b|\bRTCPeerConnection\b|\bwindow\.open\s*\(|\bnew\s+(Shared)?Worker\s*\(|\bconnectNative\s*\(|\bsendNativeMessage\s*\(|\bWebTransport\b/g;

export function scanNetworkApis(file: string, code: string): ScanHit[] {
  return [...code.matchAll(NETWORK_APIS)].map((m) => hitAt(file, code, m.index ?? 0, m[0]));
}

export const URL_LITERAL = /https?:\/\/[^\s"'`)<>\\]*/g;

/** Why a URL literal in the build is harmless; null when it is not one of the known kinds. */
export function classifyUrl(url: string): string | null {
  if (/^http:\/\/www\.w3\.org\//.test(url))
    return 'XML namespace identifier (Preact creating SVG/MathML elements), never requested';
  if (/^https?:\/\/json-schema\.org\//.test(url))
    return "JSON Schema identifier in zod's toJSONSchema, never requested";
  if (/^http:\/\/\[(\$\{[\w$]+\}\])?$/.test(url))
    return "zod's IPv6 check: parses `http://[addr]` with new URL(), no request";
  if (url === 'https://app.kartra.com/*') return 'the content script match pattern';
  if (url === 'https://app.kartra.com')
    return "Kartra's app, where the account overview's links open each sequence's editor (a link the user may click)";
  if (/^https:\/\/support\.kartra\.com\/support\/solutions\/articles\/\d+$/.test(url))
    return 'Kartra help-centre article cited in the bundled rule docs (a link the user may click)';
  if (/^https:\/\/(github\.com\/wxt-dev\/wxt\/issues\/\d+|wxt\.dev\/)/.test(url))
    return "text of WXT's developer error message";
  if (/^https:\/\/github\.com\/markedjs\/marked\.?$/.test(url)) return "text of marked's error message";
  if (url === 'http://') return "marked's autolinker prefixing www. links in the bundled docs";
  return null;
}

export function scanUrls(file: string, code: string): ScanHit[] {
  // Sentence punctuation right after a URL in prose is not part of it.
  return [...code.matchAll(URL_LITERAL)].map((m) =>
    hitAt(file, code, m.index ?? 0, m[0].replace(/[.,;:]+$/, '')),
  );
}

function hitAt(file: string, code: string, index: number, match: string): ScanHit {
  return {
    file,
    match,
    context: code.slice(Math.max(0, index - 120), index + match.length + 120),
    before: code.slice(Math.max(0, index - 1000), index),
  };
}
