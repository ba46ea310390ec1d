import { START } from '../flow/graph';
import type { Connection } from '../model/model';
import type { UnsavedChange } from '../visit/visit';
import { defineRule } from './types';

const NOT_KEPT = 'Until Save Progress is clicked, Kartra does not keep {{them}}.';

const meta = {
  id: 'changes-not-saved',
  severity: 'warning',
  title: 'Changes not saved',
  description:
    'During this visit the canvas changed (a step activated or deactivated, a line drawn or removed, a step added or removed) and no click on Save Progress has been seen since. Kartra keeps activation and new lines only once saved.',
  fix: 'Kartra keeps activation and new lines only once saved: click Save Progress before leaving the builder.',
  messages: {
    unsavedSinceLoad: `Since this page loaded, not saved yet: {{changes}}. ${NOT_KEPT}`,
    unsavedSinceSave: `Since Save Progress was last clicked ({{savedAt}}), not saved yet: {{changes}}. ${NOT_KEPT}`,
  },
  pages: ['editor'],
} as const;

export const RULE_ID = meta.id;

const end = (ref: string) => (ref === START ? 'Starting Rules' : `step ${ref}`);
const lineText = (line: Connection) =>
  `the line from ${end(line.from)}${line.branch ? ` (${line.branch})` : ''} to ${end(line.to)}`;

function changeText(change: UnsavedChange): string {
  switch (change.kind) {
    case 'activated':
      return `step ${change.step} activated`;
    case 'deactivated':
      return `step ${change.step} deactivated`;
    case 'step-added':
      return `step ${change.step} added`;
    case 'step-removed':
      return `step ${change.step} removed`;
    case 'line-added':
      return `${lineText(change.line)} drawn`;
    case 'line-removed':
      return `${lineText(change.line)} removed`;
  }
}

/** The steps a change is about: a line's two ends. */
function changeSteps(change: UnsavedChange): string[] {
  return 'step' in change ? [change.step] : [change.line.from, change.line.to];
}

export const rule = defineRule(meta, (ctx, report) => {
  const unsaved = ctx.visit.unsaved;
  // Nobody watched the page change (a one-off read): nothing to say.
  if (!unsaved || unsaved.changes.length === 0) return [];
  const steps = [...new Set(unsaved.changes.flatMap(changeSteps))];
  const data = {
    changes: unsaved.changes.map(changeText).join('; '),
    them: unsaved.changes.length === 1 ? 'this change' : 'these changes',
  };
  if (!unsaved.lastSaveSeenAt) return [report('fail', 'unsavedSinceLoad', steps, data)];
  const savedAt = ctx.timing.formatLocal(new Date(unsaved.lastSaveSeenAt)).slice(11);
  return [report('fail', 'unsavedSinceSave', steps, { ...data, savedAt })];
});
