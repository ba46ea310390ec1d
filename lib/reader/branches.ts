import type { KartraProfile } from '../kartra/profile';
import { centre, distance } from './geometry';
import type { PlacedNode } from './match-nodes';
import type { SceneLabel } from './scene';
import { samePhrase } from './text';

export type Branch = 'yes' | 'no';

/**
 * A split's outputs are told apart by the "Yes"/"No" label beside each node. Pairs are taken
 * nearest first, one label per node, so two nodes never claim the same label.
 */
export function assignBranches(
  outputs: readonly PlacedNode[],
  labels: readonly SceneLabel[],
  words: KartraProfile['words'],
): { branches: Map<number, Branch>; unknownLabels: string[] } {
  const known: { branch: Branch; label: SceneLabel }[] = [];
  const unknownLabels: string[] = [];
  for (const label of labels) {
    if (samePhrase(label.text, words.yes)) known.push({ branch: 'yes', label });
    else if (samePhrase(label.text, words.no)) known.push({ branch: 'no', label });
    else unknownLabels.push(label.text);
  }
  const pairs: { node: PlacedNode; branch: Branch; labelIndex: number; d: number }[] = [];
  for (const node of outputs)
    known.forEach(({ branch, label }, labelIndex) => {
      const d = distance(node.centre, centre(label.rect));
      if (Number.isFinite(d)) pairs.push({ node, branch, labelIndex, d });
    });
  pairs.sort((a, b) => a.d - b.d);
  const branches = new Map<number, Branch>();
  const usedLabels = new Set<number>();
  for (const p of pairs) {
    if (branches.has(p.node.index) || usedLabels.has(p.labelIndex)) continue;
    branches.set(p.node.index, p.branch);
    usedLabels.add(p.labelIndex);
  }
  return { branches, unknownLabels };
}
