import { describe, expect, it } from 'vitest';
import { createContext } from '../../../lib/audit/audit';
import type { Finding, FindingKind, Rule } from '../../../lib/checks/types';
import type { Connection, Delay, ListRow, SequenceModel, Step, StepWindow } from '../../../lib/model/model';
import { defaultSettings, type Settings } from '../../../lib/settings/settings';
import { createTiming, type TimeZoneSource } from '../../../lib/time/timing';
import type { VisitObservations } from '../../../lib/visit/visit';

/** Small builders so rule tables read like the cards on the canvas. */

export const NOW = new Date('2026-11-27T12:00:00Z');

const tabOf = (ref: string) => /^([A-Z])\d+$/.exec(ref)?.[1] ?? 'Main';

type StepInit = Partial<Omit<Step, 'ref' | 'kind'>>;

export function step(ref: string, kind: Step['kind'], init: StepInit = {}): Step {
  const message = kind === 'email' || kind === 'sms';
  return {
    ref,
    tab: tabOf(ref),
    kind,
    active: true,
    title: kind === 'email' ? `Email ${ref}` : kind === 'sms' ? `SMS ${ref}` : '',
    delay: { type: 'immediate' },
    window: { type: 'any' },
    recipients: message ? 'anyone' : null,
    recipientsText: message ? 'Anyone reaching this step' : null,
    versions: [],
    goto: null,
    action: null,
    target: null,
    ...init,
  };
}

export const email = (ref: string, init: StepInit = {}) => step(ref, 'email', init);
export const sms = (ref: string, init: StepInit = {}) => step(ref, 'sms', init);
export const tag = (ref: string, init: StepInit = {}) =>
  step(ref, 'tag', { action: 'add', target: 'Buyers', title: 'Add tag: Buyers', ...init });
export const split = (ref: string, init: StepInit = {}) =>
  step(ref, 'split', { title: 'Has tag Buyers', ...init });
export const goto = (ref: string, target: string, init: StepInit = {}) =>
  step(ref, 'goto', { goto: target, title: `Go to ${target}`, ...init });
export const complete = (ref: string, init: StepInit = {}) =>
  step(ref, 'complete', { title: 'Done', ...init });
export const unsubscribe = (ref: string, init: StepInit = {}) => step(ref, 'unsubscribe', init);

export const wait = (days: number, hours = 0): Delay => ({ type: 'wait', days, hours });
export const onDate = (at: string): Delay => ({ type: 'date', at });
export const weekdays = (from = '09:00', to = '17:00'): StepWindow => ({
  type: 'hours',
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  from,
  to,
});

/** `chain('start', '1', '2')` joins each to the next. */
export function chain(...refs: string[]): Connection[] {
  const lines: Connection[] = [];
  for (let i = 1; i < refs.length; i++) lines.push({ from: refs[i - 1] as string, to: refs[i] as string });
  return lines;
}

/** The reader's note for a canvas whose lines are painted where it cannot read them. */
export const LINES_ON_A_CANVAS: SequenceModel['diagnostics'][number] = {
  code: 'lines-unreadable',
  where: 'canvas',
  expected: 'lines',
  found: 'the lines are painted on a <canvas> over the cards',
};

export const yes = (from: string, to: string): Connection => ({ from, to, branch: 'yes' });
export const no = (from: string, to: string): Connection => ({ from, to, branch: 'no' });

export function sequence(init: Partial<SequenceModel> = {}): SequenceModel {
  const steps = init.steps ?? [];
  const tabs = ['Main', ...new Set(steps.map((s) => s.tab).filter((t) => t !== 'Main'))];
  return {
    id: '2231',
    name: 'Lead magnet follow-up',
    publicName: 'Free recipe pack',
    status: 'active',
    subscribers: 0,
    startingRules: [{ type: 'optin', label: 'Opt-in form: Recipes' }],
    steps,
    connections: [],
    tabs: { all: tabs, seen: tabs },
    diagnostics: [],
    ...init,
  };
}

/** A healthy two-email flow: start → 1 → 2 (wait 2 days) → 3 Complete. */
export function healthy(init: Partial<SequenceModel> = {}): SequenceModel {
  return sequence({
    steps: [email('1'), email('2', { delay: wait(2) }), complete('3')],
    connections: chain('start', '1', '2', '3'),
    ...init,
  });
}

export interface RunOptions {
  now?: Date;
  timeZone?: string;
  /** Whether the zone is the user's account setting (default) or the browser's own. */
  timeZoneSource?: TimeZoneSource;
  settings?: Partial<Settings>;
  /** What the audit session observed beyond the page (default: nothing). */
  visit?: VisitObservations;
}

/** Runs one rule on a sequence as the audit would. */
export function run(rule: Rule, seq: SequenceModel, options: RunOptions = {}): Finding[] {
  return rule.check(
    createContext('editor', {
      sequence: seq,
      timing: createTiming(options.timeZone ?? 'UTC', options.timeZoneSource ?? 'setting'),
      settings: { ...defaultSettings(), ...options.settings },
      now: options.now ?? NOW,
      ...(options.visit ? { visit: options.visit } : {}),
    }),
  );
}

export function runList(rule: Rule, rows: ListRow[]): Finding[] {
  return rule.check(createContext('list', { sequence: null, rows, now: NOW, timing: createTiming('UTC') }));
}

/** The parts of findings a table compares: what a user (and outside tests) match on. */
export function summary(
  findings: readonly Finding[],
): Array<{ kind: string; severity: string; steps: string[] }> {
  return findings.map((f) => ({ kind: f.kind, severity: f.severity, steps: f.steps }));
}

export interface RuleCase {
  name: string;
  seq: SequenceModel;
  /**
   * Expected findings in order: [kind, steps, messageId] (the key of the rule's `meta.messages`
   * that worded it). [] = the rule must stay silent.
   */
  expect: Array<[FindingKind, string[], string]>;
  options?: RunOptions;
  /** The first finding's message must match: for what the data fills in, not the wording. */
  message?: RegExp;
}

/** A table test: the rule fires exactly as listed, with its own id and severity. */
export function ruleTable(rule: Rule, cases: RuleCase[]): void {
  describe(rule.meta.id, () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const found = run(rule, c.seq, c.options);
      expect(found.map((f) => [f.kind, f.steps, f.messageId])).toEqual(c.expect);
      for (const f of found) {
        expect(f.message).not.toMatch(/\{\{/);
        expect(f.ruleId).toBe(rule.meta.id);
        expect(f.severity).toBe(rule.meta.severity);
        expect(f.fix.length).toBeGreaterThan(10);
      }
      if (c.message) expect(found[0]?.message).toMatch(c.message);
    });
  });
}
