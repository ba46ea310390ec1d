import type { PlacedNode } from './match-nodes';

/**
 * A node's role (input or output) from what a person sees, not from the edge it sits on alone:
 * the Starting Rules module only gives; a split's "Yes"/"No" labels mark its outputs; a line
 * joins an output to an input; and a card takes exactly one input. Roles spread from those
 * certain facts along the lines and across each card. A node none of them reaches (a card not
 * joined to anything certain) follows what the settled nodes on the same edge were (the
 * Starting Rules module's own node among them), since one builder draws every card alike;
 * failing that, the guess from its edge (left or top edges take inputs). So vertical layouts
 * and outputs on any edge read right.
 */
export function resolveRoles(
  placed: readonly PlacedNode[],
  /** The two nodes each traced line ends on. */
  lineEnds: ReadonlyArray<readonly [PlacedNode, PlacedNode]>,
  /** Nodes a split's Yes/No label sits beside. */
  labelledOutputs: ReadonlySet<number>,
): PlacedNode[] {
  type Role = NonNullable<PlacedNode['role']>;
  const role = new Map<number, Role>();
  const byCard = new Map<number, PlacedNode[]>();
  for (const node of placed) {
    if (node.owner?.type !== 'card') continue;
    const list = byCard.get(node.owner.card);
    if (list) list.push(node);
    else byCard.set(node.owner.card, [node]);
  }
  const across = new Map<number, PlacedNode[]>();
  const join = (from: PlacedNode, to: PlacedNode) => {
    const list = across.get(from.index);
    if (list) list.push(to);
    else across.set(from.index, [to]);
  };
  for (const [a, b] of lineEnds) {
    join(a, b);
    join(b, a);
  }

  // The queue as two lists side by side: a pair per entry is thousands of arrays on every read.
  const queueNodes: PlacedNode[] = [];
  const queueRoles: Role[] = [];
  const enqueue = (node: PlacedNode, r: Role) => {
    queueNodes.push(node);
    queueRoles.push(r);
  };
  const settle = () => {
    for (let head = 0; head < queueNodes.length; head++) {
      const node = queueNodes[head] as PlacedNode;
      const r = queueRoles[head] as Role;
      if (!node.owner || role.has(node.index)) continue;
      role.set(node.index, r);
      for (const other of across.get(node.index) ?? []) enqueue(other, r === 'output' ? 'input' : 'output');
      if (node.owner.type !== 'card') continue;
      const onCard = byCard.get(node.owner.card) ?? [];
      if (r === 'input') {
        for (const mate of onCard) if (mate !== node) enqueue(mate, 'output');
      } else {
        // Every card takes one input: once all its other nodes are outputs, the last one is it.
        let open: PlacedNode | null = null;
        let openCount = 0;
        for (const mate of onCard) {
          if (mate === node || role.get(mate.index) === 'output') continue;
          open ??= mate;
          openCount++;
        }
        if (openCount === 1 && open && !role.has(open.index)) enqueue(open, 'input');
      }
    }
    queueNodes.length = 0;
    queueRoles.length = 0;
  };

  for (const node of placed) {
    if (node.owner?.type === 'start' || labelledOutputs.has(node.index)) enqueue(node, 'output');
  }
  settle();
  // What settled nodes on each edge were: +1 per output, -1 per input.
  const edgeVotes = () => {
    const votes = new Map<string, number>();
    for (const node of placed) {
      const r = role.get(node.index);
      if (r && node.edge) votes.set(node.edge, (votes.get(node.edge) ?? 0) + (r === 'output' ? 1 : -1));
    }
    return votes;
  };
  const learned = (votes: Map<string, number>, node: PlacedNode): Role | null => {
    const seen = node.edge ? (votes.get(node.edge) ?? 0) : 0;
    return seen > 0 ? 'output' : seen < 0 ? 'input' : null;
  };
  // First what the settled nodes teach (twice: each round settles more), then the edge's guess.
  for (let round = 0; round < 2; round++) {
    const votes = edgeVotes();
    for (const node of placed) {
      const guess = node.owner && !role.has(node.index) ? learned(votes, node) : null;
      if (guess === null) continue;
      enqueue(node, guess);
      settle();
    }
  }
  for (const node of placed) {
    if (!node.owner || role.has(node.index) || node.role === null) continue;
    enqueue(node, node.role);
    settle();
  }
  return placed.map((node) => ({ ...node, role: role.get(node.index) ?? node.role }));
}
