/**
 * npm run bench [-- --json FILE] [--sizes 100,1000,2000] [--reps 10] [--axe-reps 3] [--markdown]
 *
 * The audit's cost against its floor, in headless Chromium with the built extension: generated
 * sequences rendered in the replica at Kartra's URL; each figure is the median of `--reps`
 * repetitions, all measured in one run (compare ratios within a run: machines are shared).
 * Prints a table and the budgets (PASS/MISS); exits 0 unless it could not run (then 2).
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type KartraSession, launchKartra } from '../tests/harness';
import { ExtensionReports, tabShowing } from '../tests/support/extension-report';
import { RENAME_EVERY_CLASS } from '../tests/support/rename-classes';
import { checkBudgets, type Figures } from './bench/budgets';
import { contentScriptSize } from './bench/bundle-size';
import { alternately } from './bench/compare';
import { buildPopupFloor, buildStartupFloor, POPUP_FLOOR_ANSWER_ID } from './bench/floors';
import {
  budgetMarkdown,
  budgetTable,
  contentScriptSizeLine,
  type SizeRow,
  sizeMarkdown,
  sizeTable,
  startupLine,
} from './bench/format';
import { generateSpec, mainTabSteps } from './bench/generate-spec';
import { RECORDER_SCRIPT } from './bench/in-page';
import {
  type DragFigures,
  inactiveStepRef,
  measureAuditsAndFloor,
  measureAxe,
  measureDrag,
  measurePopup,
  measureReaudits,
  settle,
} from './bench/measure';
import { measureStartup, NOT_A_SEQUENCE_URL } from './bench/startup';
import { median, ratio, round } from './bench/stats';
import { measureTimeline } from './bench/timeline-cost';
import { ensureBuilt } from './lib/ensure-built';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const log = (line: string) => console.error(line);

function options() {
  const { values } = parseArgs({
    options: {
      json: { type: 'string' },
      sizes: { type: 'string', default: '100,1000,2000' },
      reps: { type: 'string', default: '10' },
      // axe-core takes seconds to tens of seconds per run on these pages; its figure is a sense
      // of scale, not a budget, so it gets fewer repetitions unless asked.
      'axe-reps': { type: 'string', default: '3' },
      markdown: { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 20)) throw new Error('--sizes: whole numbers >= 20');
  const reps = Number(values.reps);
  if (!Number.isInteger(reps) || reps < 1) throw new Error('--reps: a whole number >= 1');
  const axeReps = Number(values['axe-reps']);
  if (!Number.isInteger(axeReps) || axeReps < 0) throw new Error('--axe-reps: a whole number >= 0');
  return { json: values.json, sizes, reps, axeReps, markdown: values.markdown };
}

/**
 * A tab of the popup floor's browser whose content script answers with `answer` (JSON), as ours
 * answered on the same page: the dashboard, holding the answer for the floor to hand back.
 */
async function popupFloorTab(floor: KartraSession, answer: string) {
  const page = await floor.context.newPage();
  await page.goto(NOT_A_SEQUENCE_URL);
  await page.evaluate(
    ([id, json]) => {
      const holder = document.createElement('script');
      holder.type = 'application/json';
      holder.id = id;
      holder.textContent = json;
      document.body.append(holder);
    },
    [POPUP_FLOOR_ANSWER_ID, answer] as const,
  );
  const worker = floor.context.serviceWorkers()[0];
  if (!worker) throw new Error("the popup floor's extension has no service worker");
  const { id: tabId } = await tabShowing(worker, page.url());
  if (tabId === null) throw new Error('the popup floor found no tab for its page');
  return { tabId, close: () => page.close() };
}

async function main(): Promise<void> {
  const args = options();
  ensureBuilt(root, log);
  const size = contentScriptSize(root);
  const session = await launchKartra();
  // The replica lays out thousands of jsPlumb elements on load; that is setup, not measured.
  session.context.setDefaultNavigationTimeout(900_000);
  session.context.setDefaultTimeout(120_000);
  await session.context.addInitScript({ content: RECORDER_SCRIPT });
  const reports = new ExtensionReports(session.context, session.extensionId ?? '');
  const rows: SizeRow[] = [];
  let drag: DragFigures | null = null;
  let inferredAuditMs = Number.NaN;
  let inferredOverFloor = Number.NaN;
  let startupMs = Number.NaN;
  let startupCompileMs = Number.NaN;
  let startupFloorMs = Number.NaN;
  // The popup's floor, in a Chromium of its own, opened beside ours on the same answer.
  log("the popup's floor: a Preact page drawing the same answer's counts and first findings...");
  const popupFloor = await launchKartra({ extensionPath: buildPopupFloor(root) });
  try {
    log(
      "a Kartra page that is not a sequence: the content script's start-up, beside its floor (an empty WXT content script with the same polyfill)...",
    );
    const floorSession = await launchKartra({ extensionPath: buildStartupFloor(root) });
    try {
      // Twice the openings of the other figures: a few milliseconds, sampled every 0.1 ms, move
      // by a third between openings on a shared machine.
      const [startup, startupFloor] = await alternately(
        2 * args.reps,
        (i) => measureStartup(session, 1, i),
        (i) => measureStartup(floorSession, 1, i),
      );
      startupMs = median(startup.map((s) => s.runMs));
      startupCompileMs = median(startup.map((s) => s.compileMs));
      startupFloorMs = median(startupFloor.map((s) => s.runMs));
    } finally {
      await floorSession.close();
    }
    for (const steps of args.sizes) {
      const spec = generateSpec(steps);
      log(`${steps} steps: rendering the replica...`);
      const opened = Date.now();
      const page = await session.openSpec(spec);
      await settle(page);
      log(`  rendered and first audit done in ${Math.round((Date.now() - opened) / 1000)} s; measuring`);
      await page.bringToFront();
      const { audits, floor, isolatedFloor } = await measureAuditsAndFloor(page, reports, args.reps);
      const ref = inactiveStepRef(spec);
      const reaudits = await measureReaudits(page, reports, ref, args.reps);
      if (steps === 1000 || (drag === null && steps === args.sizes.at(-1))) {
        log('  dragging a card for 2 s...');
        drag = await measureDrag(page, '2');
      }
      const tabId = await reports.tabIdOf(page);
      const floorTab = await popupFloorTab(popupFloor, JSON.stringify(await reports.popupAnswer(page)));
      const [popup, popupFloorSamples] = await alternately(
        args.reps,
        () => measurePopup(session, tabId, 1),
        () => measurePopup(popupFloor, floorTab.tabId, 1),
      );
      await floorTab.close();
      await page.bringToFront();
      if (args.axeReps > 0) log(`  axe-core (${args.axeReps} runs)...`);
      const axe = args.axeReps > 0 ? await measureAxe(page, args.axeReps) : [];
      const auditMs = median(audits.map((a) => a.ms));
      const floorMs = median(floor);
      const isolatedFloorMs = median(isolatedFloor);
      const axeMs = median(axe);
      rows.push({
        steps,
        visibleSteps: mainTabSteps(spec),
        auditMs,
        readMs: median(audits.map((a) => a.readMs)),
        checkMs: median(audits.map((a) => a.checkMs)),
        renderMs: median(audits.map((a) => a.renderMs)),
        reauditMs: median(reaudits.map((r) => r.ms)),
        changeToReportMs: median(reaudits.map((r) => r.latencyMs)),
        floorMs,
        isolatedFloorMs,
        axeMs,
        popupMs: median(popup.map((p) => p.totalMs)),
        popupOwnMs: median(popup.map((p) => p.ownMs)),
        popupFloorMs: median(popupFloorSamples.map((p) => p.ownMs)),
        auditOverPageFloor: ratio(auditMs, floorMs),
        auditOverFloor: ratio(auditMs, isolatedFloorMs),
        auditOverAxe: ratio(auditMs, axeMs),
      });
      const row = rows.at(-1);
      if (steps === 1000 && row) {
        // The same page in a markup the built-in profile does not know: read with a profile
        // inferred from the page, against the floor of that profile's selectors.
        log('  renaming every class; audits with the inferred profile...');
        await page.evaluate(RENAME_EVERY_CLASS);
        const inferred = await reports.waitFor(
          page,
          (r) => r.coverage.reading?.profile === 'inferred',
          120_000,
        );
        if (!inferred.inferredProfile) throw new Error('the extension did not pass its inferred profile on');
        const runs = await measureAuditsAndFloor(page, reports, args.reps, inferred.inferredProfile);
        inferredAuditMs = median(runs.audits.map((a) => a.ms));
        inferredOverFloor = ratio(inferredAuditMs, median(runs.isolatedFloor));
        log(`  inferred-profile audit ${round(inferredAuditMs)} ms (${round(inferredOverFloor)}x its floor)`);
      }
      if (row)
        log(
          `  audit ${round(row.auditMs)} ms, floor ${round(row.floorMs)} ms (${round(row.isolatedFloorMs)} ms from a content-script world), re-audit ${round(row.reauditMs)} ms, popup ${round(row.popupMs)} ms (${round(row.popupOwnMs)} ms of it the extension's; its floor ${round(row.popupFloorMs)} ms)`,
        );
      await page.close();
    }
  } finally {
    await reports.close();
    await session.close();
    await popupFloor.close();
  }
  const at = (steps: number) => rows.find((r) => r.steps === steps);
  const figures: Figures & Record<string, unknown> = {
    auditMs1000: at(1000)?.auditMs ?? Number.NaN,
    auditOverFloor1000: at(1000)?.auditOverFloor ?? Number.NaN,
    auditOverAxe1000: at(1000)?.auditOverAxe ?? Number.NaN,
    scale1000over100: ratio(at(1000)?.auditMs ?? Number.NaN, at(100)?.auditMs ?? Number.NaN),
    scale2000over1000: ratio(at(2000)?.auditMs ?? Number.NaN, at(1000)?.auditMs ?? Number.NaN),
    contentScriptBytes: size.raw,
    contentScriptGzipBytes: size.gzip,
    contentLoaderBytes: size.loader.raw,
    contentLoaderGzipBytes: size.loader.gzip,
    popupMs1000: at(1000)?.popupMs ?? Number.NaN,
    popupOwnMs1000: at(1000)?.popupOwnMs ?? Number.NaN,
    popupFloorMs: at(1000)?.popupFloorMs ?? Number.NaN,
    popupOverFloor: ratio(at(1000)?.popupOwnMs ?? Number.NaN, at(1000)?.popupFloorMs ?? Number.NaN),
    inferredAuditMs1000: inferredAuditMs,
    inferredAuditOverFloor1000: inferredOverFloor,
    startupMs,
    startupCompileMs,
    startupFloorMs,
    startupOverFloor: ratio(startupMs, startupFloorMs),
    drag,
  };
  for (const row of rows) {
    for (const key of Object.keys(row) as (keyof SizeRow)[]) {
      if (key !== 'steps') figures[`${key}${row.steps}`] = row[key];
    }
  }
  // Node, before the browser's figures are printed: the same code the audit and the popup run.
  const timelines = args.sizes.map((steps) => measureTimeline(steps, Math.max(args.reps, 20)));
  for (const t of timelines) {
    figures[`timelineMs${t.steps}`] = t.ms;
    figures[`timelineQuickestMs${t.steps}`] = t.quickestMs;
  }
  const budgets = checkBudgets(figures);

  console.log(sizeTable(rows));
  console.log('');
  console.log(contentScriptSizeLine(size));
  if (drag)
    console.log(
      `dragging a card ${round(drag.durationMs / 1000)} s (${drag.moves} moves): ${drag.audits} audits, ` +
        `smallest gap ${Number.isFinite(drag.minGapMs) ? `${round(drag.minGapMs)} ms` : 'none'}, ` +
        `at most ${drag.maxPer250ms} per 250 ms`,
    );
  console.log(startupLine(startupMs, startupCompileMs, startupFloorMs));
  console.log(
    `timeline of a contact entering now (Node, median): ${timelines
      .map(
        (t) =>
          `${t.steps} steps ${round(t.ms)} ms (${t.entries} entries, ${t.branches} branches${t.cut ? ', cut' : ''}; its quickest paths, as each audit computes them: ${round(t.quickestMs)} ms)`,
      )
      .join('; ')}`,
  );
  console.log('');
  console.log(budgetTable(budgets));

  if (args.markdown) {
    console.log('');
    console.log(sizeMarkdown(rows));
    console.log('');
    console.log(budgetMarkdown(budgets));
  }

  if (args.json) {
    const json = {
      generatedAt: new Date().toISOString(),
      machine: { cpus: cpus().length, node: process.version },
      reps: args.reps,
      sizes: rows,
      ...Object.fromEntries(
        Object.entries(figures).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v]),
      ),
      budgets: budgets.map((b) => ({ ...b, value: round(b.value) })),
    };
    writeFileSync(args.json, `${JSON.stringify(json, null, 2)}\n`);
    log(`figures written to ${args.json}`);
  }
}

main().catch((error) => {
  console.error(
    `bench: could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exit(2);
});
