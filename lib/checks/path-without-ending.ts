import { flowUncertainty, isEnding, linesNotRead, linesNotReadMessage } from './support';
import { defineRule, type Finding, optionValueWords } from './types';

const meta = {
  id: 'path-without-ending',
  severity: 'warning',
  title: 'Path ends without Complete or Unsubscribe',
  description:
    'A path stops on a step that is not Complete, an unsubscribe step or a Go To. Contacts just stop there and are never counted as having completed the sequence, so "completes sequence" automations and "has completed" filters never see them.',
  fix: 'End the path with a Complete step (Kartra recommends it) or an unsubscribe step (the troubleshooting list recommends it); in a sub-sequence, a Go To back to the main flow also works.',
  messages: {
    noEnding:
      'The path ends at {{step}}: contacts stop there and never count as having completed the sequence.',
    maybeNoEnding: '{{step}} seems to end a path without Complete or Unsubscribe ({{uncertain}}).',
    kindUnread: '{{step}} ends a path, but its kind could not be read to tell whether that is an ending.',
    otherEnding:
      'The path ends at {{step}}; your house rule is to end paths with {{ending}}, so contacts are not counted as you expect.',
    linesNotRead: linesNotReadMessage('whether every path ends'),
  },
  fixes: {
    house:
      'End the path with {{ending}} (your house rule); in a sub-sequence, a Go To back to the main flow also works.',
  },
  options: {
    ending: {
      type: 'choice',
      label: 'How every path ends',
      default: 'either',
      choices: {
        either: 'Complete or Unsubscribe',
        complete: 'a Complete step',
        unsubscribe: 'an unsubscribe step',
      },
    },
  },
  pages: ['editor'],
} as const;

export const rule = defineRule(meta, (ctx, report, { ending }) => {
  if (ctx.graph.connectionsUnread) return linesNotRead(report, 'linesNotRead', ctx.graph);
  const { graph, sequence } = ctx;
  if (!sequence) return [];
  const untraced = graph.linesUncertain ? flowUncertainty(graph) : null;
  // With a house rule, the fix names the ending the team chose, and the other ending is flagged.
  const house = ending === 'either' ? null : { ending: optionValueWords(meta.options.ending, ending) };
  const extra = house ? ({ fix: 'house' } as const) : {};
  const found: Finding[] = [];
  for (const step of graph.steps) {
    // Splits with an open branch belong to split-branch-open.
    if (step.kind === 'split' || !graph.mayRun.has(step.ref)) continue;
    if (graph.connectionsFrom(step.ref).length > 0) continue;
    const name = ctx.describe(step.ref);
    if (isEnding(step, sequence)) {
      const other =
        ending === 'complete' ? step.kind !== 'complete' && step.kind !== 'goto' : step.kind === 'complete';
      if (house && other)
        found.push(report('fail', 'otherEnding', [step.ref], { step: name, ...house }, extra));
      continue;
    }
    if (step.kind === 'unknown') {
      found.push(report('review', 'kindUnread', [step.ref], { step: name, ...house }, extra));
    } else if (untraced) {
      found.push(
        report('review', 'maybeNoEnding', [step.ref], { step: name, uncertain: untraced, ...house }, extra),
      );
    } else {
      found.push(report('fail', 'noEnding', [step.ref], { step: name, ...house }, extra));
    }
  }
  return found;
});
