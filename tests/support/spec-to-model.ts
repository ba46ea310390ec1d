import type { ListRow, SequenceModel, Step, StepWindow } from '../../lib/model/model';
import type { UnsavedChange, UnsavedChanges } from '../../lib/visit/visit';
import { recipientsText } from '../replica/app/texts';
import { type EditorSpec, type ListSpec, type SpecStep, tabOfRef } from '../replica/spec';

/**
 * What the reader should make of a spec's page: the oracle for the checks' fixture tests
 * (which run on models, in Node) and for the reader's round-trip test (page read vs spec).
 * It only carries over what the card shows, so a field the replica does not render for a kind
 * (an action on an email, say) is null here too.
 */

export interface SpecToModelOptions {
  /** Tabs whose canvas the reader saw; default every tab. Steps and lines of unseen tabs are left out. */
  tabsSeen?: string[];
}

const MAIN_TAB = 'Main';

/** Collapses whitespace as text read from the page does ("a  b\n" reads "a b"). */
function shown(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function toWindow(window: SpecStep['window']): StepWindow {
  if (window === null) return { type: 'any' };
  // The card shows an end of "00:00" as 12:00 AM, which is midnight at the end of the day.
  const to = window.to === '00:00' ? '24:00' : window.to;
  return { type: 'hours', days: [...window.days], from: window.from, to };
}

function toStep(step: SpecStep): Step {
  const isMessage = step.kind === 'email' || step.kind === 'sms';
  const hasAction = step.kind === 'tag' || step.kind === 'list' || step.kind === 'sequence';
  const recipients = isMessage ? (step.recipients ?? 'anyone') : null;
  return {
    ref: step.ref,
    tab: tabOfRef(step.ref),
    kind: step.kind,
    active: step.active,
    title: shown(step.title),
    delay: { ...step.delay },
    window: toWindow(step.window),
    recipients,
    recipientsText: recipients === null ? null : recipientsText(recipients),
    versions: step.kind === 'email' ? (step.versions ?? []).map((v) => ({ ...v })) : [],
    goto: step.kind === 'goto' ? (step.goto ?? null) : null,
    action: hasAction ? (step.action ?? null) : null,
    target: hasAction && step.target !== undefined ? shown(step.target) : null,
  };
}

/** Main first, then the sub-sequence letters in alphabetical order, as the tab bar lists them. */
export function tabsOfSpec(spec: EditorSpec): string[] {
  const letters = new Set<string>();
  for (const step of spec.steps) {
    const tab = tabOfRef(step.ref);
    if (tab !== MAIN_TAB) letters.add(tab);
  }
  return [MAIN_TAB, ...[...letters].sort()];
}

export function specToModel(spec: EditorSpec, options: SpecToModelOptions = {}): SequenceModel {
  const all = tabsOfSpec(spec);
  const seen = options.tabsSeen ? all.filter((tab) => options.tabsSeen?.includes(tab)) : all;
  const onSeenTab = (ref: string) => seen.includes(ref === 'start' ? MAIN_TAB : tabOfRef(ref));
  return {
    id: spec.id,
    name: spec.name,
    publicName: spec.publicName,
    // An editor without a status control shows no status (the list page would).
    status: spec.statusControl === false ? null : spec.status,
    subscribers: spec.subscribers,
    // The Starting Rules module lives on the Main tab: unseen Main means rules not seen.
    startingRules: seen.includes(MAIN_TAB) ? spec.startingRules.map((rule) => ({ ...rule })) : null,
    steps: spec.steps.filter((step) => onSeenTab(step.ref)).map(toStep),
    connections: spec.connections
      .filter((line) => onSeenTab(line.from) && onSeenTab(line.to))
      .map((line) =>
        line.branch
          ? { from: line.from, to: line.to, branch: line.branch }
          : { from: line.from, to: line.to },
      ),
    tabs: { all, seen },
    diagnostics: [],
  };
}

export function listSpecToRows(spec: ListSpec): ListRow[] {
  return spec.sequences.map((row) => ({
    id: row.id,
    name: shown(row.name),
    status: row.status,
    subscribers: row.subscribers,
    completed: row.completed,
  }));
}

/** The spec as the page shows it once its `edits` were made on the canvas. */
export function specAfterEdits(spec: EditorSpec): EditorSpec {
  const active = activationAfterEdits(spec);
  return {
    ...spec,
    steps: spec.steps.map((step) => ({ ...step, active: active.get(step.ref) ?? step.active })),
  };
}

function activationAfterEdits(spec: EditorSpec): Map<string, boolean> {
  const active = new Map(spec.steps.map((step) => [step.ref, step.active]));
  for (const edit of spec.edits ?? []) active.set(edit.step, edit.action === 'activate');
  return active;
}

/**
 * What the extension should count as unsaved once the spec's edits were made (no Save Progress
 * clicked): every step whose activation ended up other than at load. A step switched and
 * switched back is not a change.
 */
export function unsavedChangesOfSpec(spec: EditorSpec): UnsavedChanges {
  const after = activationAfterEdits(spec);
  const changes: UnsavedChange[] = [];
  for (const step of spec.steps) {
    const now = after.get(step.ref) ?? step.active;
    if (now !== step.active) changes.push({ kind: now ? 'activated' : 'deactivated', step: step.ref });
  }
  return { changes, lastSaveSeenAt: null };
}
