// Places the service graph in layers from left to right: a service sits one layer right of the furthest
// caller that reaches it along edges which do not close a cycle, so calls flow rightwards.

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
  const nodes = new Map<string, LaidOutNode>();
  const perLayer = new Map<number, number>();
  for (const name of [...names].sort()) {
    const l = layer.get(name) ?? 0;
    const index = perLayer.get(l) ?? 0;
    perLayer.set(l, index + 1);
    nodes.set(name, { name, layer: l, index });
  }
  return nodes;
}
