/**
 * Strongly connected parts of a graph of `n` nodes (`succ[i]`: the nodes after node i; nodes n
 * and above are ignored) restricted to the nodes `include`d, that contain a cycle: two or more
 * nodes, or a node leading to itself. Tarjan's algorithm, iterative.
 */
export function findCycles(
  succ: readonly (readonly number[])[],
  n: number,
  include: (node: number) => boolean,
): number[][] {
  const ok = new Uint8Array(n);
  for (let i = 0; i < n; i++) ok[i] = include(i) ? 1 : 0;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const result: number[][] = [];
  let counter = 0;
  // Explicit stacks instead of recursion: flows of thousands of steps would overflow it.
  const frameNode = new Int32Array(n);
  const frameEdge = new Int32Array(n);
  for (let root = 0; root < n; root++) {
    if (!ok[root] || index[root] !== -1) continue;
    let depth = 0;
    frameNode[0] = root;
    frameEdge[0] = 0;
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (depth >= 0) {
      const v = frameNode[depth] as number;
      const edges = succ[v] as number[];
      const k = frameEdge[depth] as number;
      if (k < edges.length) {
        frameEdge[depth] = k + 1;
        const w = edges[k] as number;
        if (w >= n || !ok[w]) continue;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          depth++;
          frameNode[depth] = w;
          frameEdge[depth] = 0;
        } else if (onStack[w] && (index[w] as number) < (low[v] as number)) {
          low[v] = index[w] as number;
        }
        continue;
      }
      depth--;
      if (depth >= 0) {
        const parent = frameNode[depth] as number;
        if ((low[v] as number) < (low[parent] as number)) low[parent] = low[v] as number;
      }
      if (low[v] !== index[v]) continue;
      const component: number[] = [];
      let w: number;
      do {
        w = stack.pop() as number;
        onStack[w] = 0;
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || edges.includes(v)) {
        result.push(component);
      }
    }
  }
  return result;
}
