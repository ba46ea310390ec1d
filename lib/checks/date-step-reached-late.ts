import { computeTimeline, cutArrival, earliestArrivals } from '../timeline/timeline';
import { flowUncertainty, linesNotRead, linesNotReadMessage } from './support';
import { defineRule, type Finding } from './types';

const REACHED_LATE =
  '{{step}} runs on {{date}} in {{zone}}, but a contact entering now reaches it at the earliest at {{reaches}}, after its reported firing window closes (about {{closes}}): contacts entering from now on skip it.';

const meta = {
  id: 'date-step-reached-late',
  severity: 'warning',
  title: 'Date step reached after its window',
  description:
    'A date-specific step whose date is still ahead, but a contact entering now reaches it only after its reported firing window (its date and time plus about 2 hours), by the quickest path from Starting Rules with its delays and windows. Contacts entering from now on skip it.',
  fix: 'Shorten the delays before the step so contacts reach it in time, or send it as a broadcast.',
  messages: {
    reachedLate: REACHED_LATE,
    maybeReachedLate: `${REACHED_LATE} (Not everything was seen: {{uncertain}}.)`,
    maybeLate:
      '{{step}} runs on {{date}} in {{zone}}; a contact entering now may reach it in time (at {{reaches}} at the earliest), but the timing of a step on the way could not be read, so it may be later than the firing window allows.',
    tooManyPaths:
      '{{step}} runs on {{date}} in {{zone}}; the sequence has more paths than the timeline follows, so whether contacts reach it in time could not be worked out.',
    linesNotRead: linesNotReadMessage('when contacts reach the date-specific steps'),
  },
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx, report) => {
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
  if (graph.connectionsUnread) return linesNotRead(report, 'linesNotRead', graph);
  // Only the earliest arrivals matter here: the quickest paths are enough.
  const timeline = computeTimeline(graph, timing, now, { quickest: true });
  const arrivals = earliestArrivals(timeline);
  // Paths past the timeline's limit were not followed: from this moment on, nothing is known.
  const cutAt = cutArrival(timeline);
  const uncertain = flowUncertainty(graph);
  const found: Finding[] = [];
  for (const { step, at, closes } of dated) {
    const arrival = arrivals.get(step.ref);
    const set = { step: ctx.describe(step.ref), date: at.replace('T', ' '), zone: timing.timeZoneLabel };
    const late = arrival === undefined || arrival.at > closes.getTime();
    // A path cut before the window closes may reach it in time; one cut after may reach it at all.
    const cutMatters = cutAt !== null && (cutAt <= closes.getTime() || arrival === undefined);
    if (late && cutMatters && (arrival || graph.reachable.has(step.ref))) {
      found.push(report('review', 'tooManyPaths', [step.ref], set));
      continue;
    }
    if (arrival === undefined) continue;
    const reaches = timing.formatLocal(new Date(arrival.at));
    if (arrival.at > closes.getTime()) {
      const data = { ...set, reaches, closes: timing.formatLocal(closes) };
      // A Go To on an unseen tab (or an untraced line) might offer a quicker way.
      found.push(
        uncertain
          ? report('review', 'maybeReachedLate', [step.ref], { ...data, uncertain })
          : report('fail', 'reachedLate', [step.ref], data),
      );
      // In time, but only "not before" unless some path read in full also gets there in time.
    } else if (arrival.exactAt === null || arrival.exactAt > closes.getTime()) {
      found.push(report('review', 'maybeLate', [step.ref], { ...set, reaches }));
    }
  }
  return found;
});
