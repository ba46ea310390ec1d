import { launchKartra } from '../../tests/harness';
import { generateSpec } from './generate-spec';
const s = await launchKartra();
await s.context.addInitScript(() => {
  (window as any).__m = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) (window as any).__m.push([e.name, e.startTime, e.duration]); }).observe({ type: 'measure', buffered: true });
});
const t0 = Date.now();
const page = await s.openSpec(generateSpec(1000));
console.log('open ms', Date.now() - t0);
await page.waitForTimeout(1500);
console.log(await page.evaluate(() => [(window as any).__m, performance.getEntriesByType('measure').map(e => [e.name, e.duration])]));
for (let i = 0; i < 5; i++) { await page.evaluate((i) => { document.title = 't' + i; }, i); await page.waitForTimeout(400); }
console.log(await page.evaluate(() => (window as any).__m));
await s.close();
