import type { CDPSession } from '@playwright/test';
import type { KartraSession } from '../../tests/harness';

/** A Kartra page that is not a sequence (the harness serves it as a plain Kartra page). */
export const NOT_A_SEQUENCE_URL = 'https://app.kartra.com/dashboard';

/** Long enough for the content script to get its settings from the background and audit once. */
const IDLE_AFTER_LOAD_MS = 1000;
const SAMPLING_INTERVAL_US = 100;

export interface StartupSample {
  /** Main-thread time with the content script on the stack: its top-level run and every callback. */
  runMs: number;
  /** V8 compiling the content script (a cost its size decides). */
  compileMs: number;
}

export interface ProfileNode {
  id: number;
  callFrame: { url: string };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}
interface TraceEvent {
  name: string;
  dur?: number;
  args?: { data?: { url?: string }; fileName?: string };
}

/** Sampled time (ms) whose stack holds a frame of the extension's scripts. */
export function timeInExtension(profile: CpuProfile, extensionUrl: string): number {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inExtension = new Map<number, boolean>();
  const holds = (id: number): boolean => {
    const known = inExtension.get(id);
    if (known !== undefined) return known;
    const up = parent.get(id);
    const value =
      (byId.get(id)?.callFrame.url.startsWith(extensionUrl) ?? false) || (up !== undefined && holds(up));
    inExtension.set(id, value);
    return value;
  };
  let us = 0;
  profile.samples.forEach((id, i) => {
    if (holds(id)) us += profile.timeDeltas[i] ?? 0;
  });
  return us / 1000;
}

function compileOf(events: readonly TraceEvent[], extensionUrl: string): number {
  let us = 0;
  for (const e of events) {
    const url = e.args?.data?.url ?? e.args?.fileName ?? '';
    if (e.name === 'v8.compile' && url.startsWith(extensionUrl)) us += e.dur ?? 0;
  }
  return us / 1000;
}

async function traced<T>(
  cdp: CDPSession,
  run: () => Promise<T>,
): Promise<{ result: T; events: TraceEvent[] }> {
  const events: TraceEvent[] = [];
  // CDP types the events as string maps; they are trace events.
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['v8'] },
    transferMode: 'ReportEvents',
  });
  const result = await run();
  await cdp.send('Tracing.end');
  await complete;
  return { result, events };
}

/**
 * The content script's start-up on a Kartra page that is not a sequence, `reps` times, each in a
 * new tab: from the script's start until it is idle, the main-thread time it takes (sampled by
 * V8's profiler, which the tab's every task goes through) and V8's compile of it (traced).
 * `first`: the first repetition's number, in the page's address (each opening a new address).
 */
export async function measureStartup(
  session: KartraSession,
  reps: number,
  first = 0,
): Promise<StartupSample[]> {
  const extensionUrl = `chrome-extension://${session.extensionId}/`;
  const samples: StartupSample[] = [];
  for (let i = 0; i < reps; i++) {
    const page = await session.context.newPage();
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
    const { result: profile, events } = await traced(cdp, async () => {
      await cdp.send('Profiler.start');
      await page.goto(`${NOT_A_SEQUENCE_URL}?bench=${first + i}`);
      await page.waitForTimeout(IDLE_AFTER_LOAD_MS);
      return ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile;
    });
    samples.push({
      runMs: timeInExtension(profile, extensionUrl),
      compileMs: compileOf(events, extensionUrl),
    });
    await cdp.detach();
    await page.close();
  }
  return samples;
}
