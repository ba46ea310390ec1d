import type { Timeline, TimelineBranch, TimelineEntry } from './timeline';
import { isMessage } from './words';

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
export function firstRows(
  groups: readonly BranchGroup[],
  rows: number,
): { groups: BranchGroup[]; hidden: number } {
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

/**
 * The timeline with only the given branches (and their entries cut as the groups are), numbered
 * again: the chart draws what the table shows, so a long timeline's chart opens as fast as its
 * first rows. A fork keeps the alternatives that stay.
 */
export function onlyGroups(timeline: Timeline, groups: readonly BranchGroup[]): Timeline {
  if (groups.length === timeline.branches.length && !groups.some((g) => g.cut)) return timeline;
  const newId = new Map<number, number>();
  for (const [index, group] of groups.entries()) newId.set(group.branch.id, index);
  const branches = groups.map((group, index): TimelineBranch => {
    const { branch } = group;
    const entries = group.cut
      ? branch.entries.slice(0, branch.entries.indexOf(group.messages.at(-1) as TimelineEntry) + 1)
      : branch.entries;
    const end =
      branch.end.type === 'forks'
        ? { type: 'forks' as const, branches: branch.end.branches.flatMap((id) => newId.get(id) ?? []) }
        : branch.end;
    return {
      ...branch,
      id: index,
      parent: branch.parent === null ? null : (newId.get(branch.parent) ?? null),
      entries,
      end: group.cut ? { type: 'stops' } : end,
    };
  });
  return { ...timeline, branches };
}
