import type { Timeline, TimelineBranch, TimelineEntry } from '@/lib/timeline';
import { isMessage } from './timeline-words';

/** One branch of the timeline's tree as the popup lists it: the messages on it, in order. */
export interface BranchGroup {
  branch: TimelineBranch;
  messages: readonly TimelineEntry[];
  /** Only its first messages are drawn ("Show all" draws the rest). */
  cut?: boolean;
}

/**
 * The branches depth first (a branch, then each of its alternatives in turn), so every path reads
 * from its start down, with what it shares with the others listed once. Linear in the entries.
 */
export function branchGroups(timeline: Timeline): BranchGroup[] {
  const groups: BranchGroup[] = [];
  const first = timeline.branches[0];
  if (!first) return groups;
  const stack: TimelineBranch[] = [first];
  while (stack.length > 0) {
    const branch = stack.pop() as TimelineBranch;
    groups.push({ branch, messages: branch.entries.filter(isMessage) });
    if (branch.end.type !== 'forks') continue;
    const children = branch.end.branches;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = timeline.branches[children[i] as number];
      if (child) stack.push(child);
    }
  }
  return groups;
}

/** The groups cut to their first `rows` messages in all (the popup draws a long timeline in part). */
export function firstRows(groups: readonly BranchGroup[], rows: number): { groups: BranchGroup[]; hidden: number } {
  const shown: BranchGroup[] = [];
  let left = rows;
  let hidden = 0;
  for (const group of groups) {
    if (left <= 0) {
      hidden += group.messages.length;
      continue;
    }
    const messages = group.messages.length > left ? group.messages.slice(0, left) : group.messages;
    hidden += group.messages.length - messages.length;
    left -= Math.max(1, messages.length);
    shown.push(messages === group.messages ? group : { ...group, messages, cut: true });
  }
  return { groups: shown, hidden };
}
