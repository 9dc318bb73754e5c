// Two traces merged into one tree for the compare page. Spans match by their path of (service,
// operation) from the root, so the same call in two runs lines up even though its ids differ; a node
// holds the spans of each trace at that place, so repeated calls (a loop, retries) count.
import { SpanNode, TraceModel } from './trace';

export type Presence = 'both' | 'onlyA' | 'onlyB';

export interface MergedNode {
  service: string;
  operation: string;
  a: SpanNode[];
  b: SpanNode[];
  presence: Presence;
  /** Mean duration in µs of the spans of each side; 0 where a side has none. */
  meanA: number;
  meanB: number;
  children: MergedNode[];
  depth: number;
}

export function mergeTraces(a: TraceModel, b: TraceModel): MergedNode[] {
  return mergeLevel(a.roots, b.roots, 0);
}

function mergeLevel(aNodes: SpanNode[], bNodes: SpanNode[], depth: number): MergedNode[] {
  const groups = new Map<string, { a: SpanNode[]; b: SpanNode[] }>();
  const group = (node: SpanNode) => {
    const key = `${node.service}\u0000${node.operation}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { a: [], b: [] }));
    return g;
  };
  for (const n of aNodes) group(n).a.push(n);
  for (const n of bNodes) group(n).b.push(n);
  const out: MergedNode[] = [];
  for (const { a, b } of groups.values()) {
    const first = a[0] ?? b[0];
    out.push({
      service: first.service,
      operation: first.operation,
      a,
      b,
      presence: a.length && b.length ? 'both' : a.length ? 'onlyA' : 'onlyB',
      meanA: mean(a),
      meanB: mean(b),
      children: mergeLevel(a.flatMap((n) => n.children), b.flatMap((n) => n.children), depth + 1),
      depth,
    });
  }
  return out;
}

function mean(nodes: SpanNode[]): number {
  return nodes.length ? nodes.reduce((sum, n) => sum + n.duration, 0) / nodes.length : 0;
}

/** The merged tree depth first, the compare page's row order. */
export function flattenMerged(roots: MergedNode[]): MergedNode[] {
  const out: MergedNode[] = [];
  const stack = [...roots].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    out.push(n);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return out;
}
