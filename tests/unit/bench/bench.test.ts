import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkBudgets, type Figures } from '../../../scripts/bench/budgets';
import { contentScriptSize, relativeImports } from '../../../scripts/bench/bundle-size';
import { alternately, comparePaired, roundOrder } from '../../../scripts/bench/compare';
import { generateSpec, mainTabSteps } from '../../../scripts/bench/generate-spec';
import { timeInExtension } from '../../../scripts/bench/startup';
import { gaps, maxInWindow, median, ratio } from '../../../scripts/bench/stats';
import { parseSpec, SPEC_STEP_KINDS } from '../../../tests/replica/spec';

describe('generated benchmark sequences', () => {
  it.each([100, 1000])('%i steps: a valid spec with every step kind, splits and sub-sequences', (total) => {
    const spec = generateSpec(total);
    expect(() => parseSpec(structuredClone(spec))).not.toThrow();
    expect(spec.steps).toHaveLength(total);
    expect(new Set(spec.steps.map((s) => s.kind))).toEqual(new Set(SPEC_STEP_KINDS));
    expect(spec.connections.some((c) => c.branch === 'yes')).toBe(true);
    expect(spec.connections.some((c) => c.branch === 'no')).toBe(true);
    expect(spec.steps.some((s) => s.ref.startsWith('A'))).toBe(true);
    expect(spec.steps.some((s) => s.kind === 'goto' && s.goto === 'A1')).toBe(true);
    expect(spec.steps.some((s) => !s.active)).toBe(true);
    expect(mainTabSteps(spec)).toBeGreaterThan(total * 0.9);
  });

  it('places every card itself, on a grid where no two Main-tab cards share a spot', () => {
    const spec = generateSpec(1000);
    const main = spec.steps.filter((s) => /^\d/.test(s.ref));
    expect(main.every((s) => s.x !== undefined && s.y !== undefined)).toBe(true);
    expect(new Set(main.map((s) => `${s.x},${s.y}`)).size).toBe(main.length);
  });

  it('is the same sequence every run, so runs compare', () => {
    expect(generateSpec(100)).toEqual(generateSpec(100));
  });
});

describe('benchmark statistics', () => {
  it('takes the median of odd and even counts, ignoring failed samples', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([2, Number.NaN, 4])).toBe(3);
    expect(median([])).toBeNaN();
  });

  it('counts the most events inside any 250 ms window', () => {
    expect(maxInWindow([0, 250, 500, 750], 250)).toBe(1);
    expect(maxInWindow([0, 100, 249, 600], 250)).toBe(3);
    expect(gaps([500, 0, 250])).toEqual([250, 250]);
  });

  it('gives no ratio over zero or a missing figure', () => {
    expect(ratio(10, 4)).toBe(2.5);
    expect(ratio(10, 0)).toBeNaN();
    expect(ratio(Number.NaN, 4)).toBeNaN();
  });
});

describe('budgets', () => {
  const within: Figures = {
    auditMs1000: 50,
    auditOverFloor1000: 2,
    scale1000over100: 12,
    contentLoaderGzipBytes: 8 * 1024,
    popupOwnMs1000: 130,
    popupFloorMs: 100,
    inferredAuditOverFloor1000: 3,
    startupMs: 3.9,
    startupFloorMs: 3,
    drag: { audits: 8, minGapMs: 250, maxPer250ms: 1 },
  };

  it('passes figures exactly at their limits', () => {
    expect(checkBudgets(within).every((b) => b.pass)).toBe(true);
  });

  it('misses each figure over its limit, and any figure that could not be measured', () => {
    const over: Figures = {
      auditMs1000: 50.1,
      auditOverFloor1000: 2.1,
      scale1000over100: 12.5,
      contentLoaderGzipBytes: 8.5 * 1024,
      popupOwnMs1000: 131,
      popupFloorMs: 100,
      inferredAuditOverFloor1000: 3.2,
      startupMs: 4,
      startupFloorMs: 3,
      drag: { audits: 9, minGapMs: 120, maxPer250ms: 2 },
    };
    expect(checkBudgets(over).filter((b) => b.pass)).toEqual([]);
    // A floor that could not be measured holds nothing.
    expect(
      checkBudgets({ ...within, startupFloorMs: Number.NaN }).find((b) => b.id === 'startup-over-floor')
        ?.pass,
    ).toBe(false);
    expect(
      checkBudgets({ ...within, popupFloorMs: Number.NaN }).find((b) => b.id === 'popup-over-floor')?.pass,
    ).toBe(false);
    expect(checkBudgets({ ...within, drag: null }).find((b) => b.id === 'drag-throttle')?.pass).toBe(false);
  });
});

describe('start-up time from a CPU profile', () => {
  const ext = 'chrome-extension://abc/';
  // root → page script → (native), and root → content script → native DOM call.
  const profile = {
    nodes: [
      { id: 1, callFrame: { url: '' }, children: [2, 4] },
      { id: 2, callFrame: { url: 'https://app.kartra.com/app.js' }, children: [3] },
      { id: 3, callFrame: { url: '' } },
      { id: 4, callFrame: { url: `${ext}content-scripts/content.js` }, children: [5] },
      { id: 5, callFrame: { url: '' } },
    ],
    samples: [2, 3, 4, 5, 5, 1],
    timeDeltas: [1000, 1000, 500, 250, 250, 4000],
  };

  it('counts the samples with a frame of the extension on the stack, native calls under it too', () => {
    expect(timeInExtension(profile, ext)).toBe(1);
  });

  it('counts nothing of another extension or of the page', () => {
    expect(timeInExtension(profile, 'chrome-extension://other/')).toBe(0);
  });
});

describe("the content script's size", () => {
  it('finds the relative imports of a built file, static and dynamic', () => {
    const code = `import{a as b}from"./chunks/x-1.js";import "../y.js";const m=import("./z.js");import("https://e.com/w.js");`;
    expect(relativeImports(code)).toEqual(['./chunks/x-1.js', '../y.js', './z.js']);
  });

  it('sums the loader, the audit module and every chunk they import, each file once; the loader apart', () => {
    const root = mkdtempSync(join(tmpdir(), 'bundle-size-'));
    const files: Record<string, string> = {
      'manifest.json': JSON.stringify({ content_scripts: [{ js: ['content-scripts/content.js'] }] }),
      'content-scripts/content.js': 'var loader=1;'.repeat(40),
      'audit.js': `import{s}from"./chunks/shared-1.js";import"./chunks/other-2.js";${'var audit=2;'.repeat(90)}`,
      'chunks/shared-1.js': `import"./other-2.js";export const s=${'3+'.repeat(60)}3;`,
      'chunks/other-2.js': 'export const o=4;',
      'chunks/unused-3.js': 'export const u=5;'.repeat(100),
    };
    try {
      for (const [file, code] of Object.entries(files)) {
        mkdirSync(dirname(join(root, '.output', 'chrome-mv3', file)), { recursive: true });
        writeFileSync(join(root, '.output', 'chrome-mv3', file), code);
      }
      const size = contentScriptSize(root);
      const shipped = ['content-scripts/content.js', 'audit.js', 'chunks/shared-1.js', 'chunks/other-2.js'];
      expect(size.files.map((f) => f.file)).toEqual(shipped);
      const gzip = (file: string) => gzipSync(files[file] ?? '').length;
      expect(size.gzip).toBe(shipped.reduce((sum, file) => sum + gzip(file), 0));
      expect(size.raw).toBe(shipped.reduce((sum, file) => sum + (files[file] ?? '').length, 0));
      expect(size.loader).toEqual({
        file: 'content-scripts/content.js',
        raw: 520,
        gzip: gzip('content-scripts/content.js'),
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('two builds compared round by round', () => {
  it('alternates which build goes first', () => {
    expect([0, 1, 2, 3].map(roundOrder)).toEqual([
      [0, 1],
      [1, 0],
      [0, 1],
      [1, 0],
    ]);
  });

  it('takes a figure and its floor in turns, who goes first alternating', async () => {
    const order: string[] = [];
    const take = (who: string) => async (rep: number) => {
      order.push(`${who}${rep}`);
      return [`${who}${rep}`];
    };
    expect(await alternately(3, take('ours'), take('floor'))).toEqual([
      ['ours0', 'ours1', 'ours2'],
      ['floor0', 'floor1', 'floor2'],
    ]);
    expect(order).toEqual(['ours0', 'floor0', 'floor1', 'ours1', 'ours2', 'floor2']);
  });

  it('compares each round with its own pair, so a machine slowing down mid-run moves neither', () => {
    // The machine slows down 3x halfway; the candidate is 20% slower in every round.
    const baseline = [10, 10, 10, 30, 30, 30];
    const candidate = baseline.map((ms) => ms * 1.2);
    const result = comparePaired(baseline, candidate);
    expect(result.pairedRatio).toBeCloseTo(1.2);
    expect(result.verdict).toBe('slower');
    expect(result.candidateFasterRounds).toBe(0);
  });

  it('calls a candidate within 10% either way the same, and one well under faster', () => {
    expect(comparePaired([50, 60, 70], [52, 57, 75]).verdict).toBe('same');
    expect(comparePaired([50, 60, 70], [40, 45, 50])).toMatchObject({
      verdict: 'faster',
      candidateFasterRounds: 3,
    });
  });

  it('refuses timings that are not paired, and says unknown without any', () => {
    expect(() => comparePaired([1, 2], [1])).toThrow(/unpaired/);
    expect(comparePaired([], []).verdict).toBe('unknown');
  });
});
