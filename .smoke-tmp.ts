import { readFileSync } from 'node:fs';
import { launchKartra } from './tests/harness';
import { readLines, readNodes, skinned } from './tests/harness/replica-dom';
const s = await launchKartra({ extension: false });
await s.context.addInitScript('window.__name = (f) => f');
const name = process.argv[2] ?? 'small';
const spec = JSON.parse(readFileSync(`tests/replica/examples/${name}.json`,'utf8'));
import { NAMED_SKINS } from './tests/replica/skin';
const zv = { ...NAMED_SKINS.default, zoom: 0.8, orientation: 'vertical' as const };
for (const skin of ['default', 'plain-svg', 'renamed-zoomed-vertical', zv, 'plain-svg-zoomed-vertical', 'foreign'] as const) {
  const page = await s.openSpec(spec, { skin });
  page.on('pageerror', (e) => console.log('ERR', e.message));
  const boxes = await page.locator(skinned(skin, '.js_sequence_step, .js_starting_rules')).evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return [Math.round(r.x*10)/10, Math.round(r.y*10)/10, Math.round(r.width*10)/10, Math.round(r.height*10)/10].join(','); }));
  const lines = (await readLines(page, skin)).map((l) => [l.start.x, l.start.y, l.end.x, l.end.y].map((v) => Math.round(v * 10) / 10).join(','));
  const nodes = (await readNodes(page, skin)).map((c) => `${c.ref}:${c.nodes.map((n) => `${n.edge}${n.along}${n.connected ? '+' : '-'}`).join('/')}`);
  console.log(skin, '\n boxes', boxes.join(' | '), '\n lines', lines.join(' | '), '\n nodes', nodes.join(' '));
  if (skin === 'foreign') console.log((await page.evaluate(() => document.querySelector('main')!.outerHTML)).slice(0, 6000));
}
await s.close();
