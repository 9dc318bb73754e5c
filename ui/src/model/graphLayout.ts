// Places the service graph in layers from left to right: a service sits one layer right of the furthest
// caller that reaches it along edges which do not close a cycle, so calls flow rightwards; then orders
// each layer top to bottom.

export interface LaidOutNode {
  name: string;
  layer: number;
  index: number;
}

export function layoutGraph(edges: { parent: string; child: string }[]): Map<string, LaidOutNode> {
  const out = new Map<string, string[]>();
  const names = new Set<string>();
  for (const e of edges) {
    names.add(e.parent);
    names.add(e.child);
    if (e.parent !== e.child) (out.get(e.parent) ?? out.set(e.parent, []).get(e.parent)!).push(e.child);
  }
  // Depth-first from every node, those called least and calling most first (the entry points): an edge
  // to a node still on the stack closes a cycle and is ignored for layering; the rest form a DAG, walked
  // in reverse post-order.
  const state = new Map<string, 'open' | 'done'>();
  const order: string[] = [];
  const dag = new Map<string, string[]>();
  const visit = (n: string) => {
    state.set(n, 'open');
    for (const c of out.get(n) ?? []) {
      if (state.get(c) === 'open') continue;
      (dag.get(n) ?? dag.set(n, []).get(n)!).push(c);
      if (!state.has(c)) visit(c);
    }
    state.set(n, 'done');
    order.push(n);
  };
  const calledBy = new Map<string, number>();
  for (const e of edges) calledBy.set(e.child, (calledBy.get(e.child) ?? 0) + 1);
  const entryFirst = (a: string, b: string) => (calledBy.get(a) ?? 0) - (calledBy.get(b) ?? 0)
    || (out.get(b)?.length ?? 0) - (out.get(a)?.length ?? 0) || a.localeCompare(b);
  [...names].sort(entryFirst).forEach((n) => state.has(n) || visit(n));
  const layer = new Map<string, number>();
  for (const n of order.reverse()) {
    const l = layer.get(n) ?? 0;
    layer.set(n, l);
    for (const c of dag.get(n) ?? []) layer.set(c, Math.max(layer.get(c) ?? 0, l + 1));
  }
  // Within a layer, a service sits near the mean position of its callers in earlier layers (the
  // barycentre heuristic), which uncrosses most edges; the first layer is in name order.
  const callers = new Map<string, string[]>();
  for (const [from, tos] of dag) for (const to of tos) (callers.get(to) ?? callers.set(to, []).get(to)!).push(from);
  const nodes = new Map<string, LaidOutNode>();
  const layers = Math.max(0, ...layer.values()) + 1;
  for (let l = 0; l < layers; l++) {
    const placed = (name: string) => {
      const above = (callers.get(name) ?? []).map((c) => nodes.get(c)).filter((c) => c !== undefined);
      return above.length ? above.reduce((sum, c) => sum + c.index, 0) / above.length : 0;
    };
    [...names].filter((n) => (layer.get(n) ?? 0) === l)
      .map((name) => ({ name, at: placed(name) }))
      .sort((a, b) => a.at - b.at || a.name.localeCompare(b.name))
      .forEach(({ name }, index) => nodes.set(name, { name, layer: l, index }));
  }
  return nodes;
}
