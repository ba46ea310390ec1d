import { computeTimeline, cutArrival, earliestArrivals } from '../timeline/timeline';
import { flowUncertainty, linesNotRead } from './support';
import { defineRule, type Finding, finding } from './types';

const meta = {
  id: 'date-step-reached-late',
  severity: 'warning',
  title: 'Date step reached after its window',
  description:
    'A date-specific step whose date is still ahead, but a contact entering now reaches it only after its reported firing window (its date and time plus about 2 hours), by the quickest path from Starting Rules with its delays and windows. Contacts entering from now on skip it.',
  fix: 'Shorten the delays before the step so contacts reach it in time, or send it as a broadcast.',
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx) => {
  const { graph, timing } = ctx;
  const now = ctx.now.getTime();
  // Once the window has closed, date-in-past reports the step; with none still ahead, the
  // timeline (most of this rule's cost) is not needed.
  const dated: Array<{ step: (typeof graph.steps)[number]; at: string; closes: Date }> = [];
  for (const step of graph.steps) {
    if (!step.active || step.delay?.type !== 'date') continue;
    const { closes } = timing.dateStepWindow(step.delay.at);
    if (closes.getTime() >= now) dated.push({ step, at: step.delay.at, closes });
  }
  if (dated.length === 0) return [];
  if (graph.connectionsUnread)
    return linesNotRead(meta, 'when contacts reach the date-specific steps', graph);
  // Only the earliest arrivals matter here: the quickest paths are enough.
  const timeline = computeTimeline(graph, timing, now, { quickest: true });
  const arrivals = earliestArrivals(timeline);
  // Paths past the timeline's limit were not followed: from this moment on, nothing is known.
  const cutAt = cutArrival(timeline);
  const uncertain = flowUncertainty(graph);
  const found: Finding[] = [];
  for (const { step, at, closes } of dated) {
    const arrival = arrivals.get(step.ref);
    const name = ctx.describe(step.ref);
    const set = `${at.replace('T', ' ')} in ${timing.timeZoneLabel}`;
    const late = arrival === undefined || arrival.at > closes.getTime();
    // A path cut before the window closes may reach it in time; one cut after may reach it at all.
    const cutMatters = cutAt !== null && (cutAt <= closes.getTime() || arrival === undefined);
    if (late && cutMatters && (arrival || graph.reachable.has(step.ref))) {
      const message = `${name} runs on ${set}; the sequence has more paths than the timeline follows, so whether contacts reach it in time could not be worked out.`;
      found.push(finding(meta, 'review', message, [step.ref]));
      continue;
    }
    if (arrival === undefined) continue;
    const reaches = timing.formatLocal(new Date(arrival.at));
    if (arrival.at > closes.getTime()) {
      const message = `${name} runs on ${set}, but a contact entering now reaches it at the earliest at ${reaches}, after its reported firing window closes (about ${timing.formatLocal(closes)}): contacts entering from now on skip it.`;
      // A Go To on an unseen tab (or an untraced line) might offer a quicker way.
      found.push(
        uncertain
          ? finding(meta, 'review', `${message} (Not everything was seen: ${uncertain}.)`, [step.ref])
          : finding(meta, 'fail', message, [step.ref]),
      );
      // In time, but only "not before" unless some path read in full also gets there in time.
    } else if (arrival.exactAt === null || arrival.exactAt > closes.getTime()) {
      found.push(
        finding(
          meta,
          'review',
          `${name} runs on ${set}; a contact entering now may reach it in time (at ${reaches} at the earliest), but the timing of a step on the way could not be read, so it may be later than the firing window allows.`,
          [step.ref],
        ),
      );
    }
  }
  return found;
});
