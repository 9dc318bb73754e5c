// The waterfall's rows: every span depth first, minus the descendants of collapsed spans.
import { SpanNode, TraceModel } from './trace';

export function visibleRows(model: TraceModel, collapsed: ReadonlySet<string>): SpanNode[] {
  if (!collapsed.size) return model.spans;
  const rows: SpanNode[] = [];
  let skipBelowDepth = Infinity;
  for (const node of model.spans) {
    // Depth-first order: a collapsed span's descendants follow it, deeper than it, until a span as shallow.
    if (node.depth > skipBelowDepth) continue;
    skipBelowDepth = collapsed.has(node.id) ? node.depth : Infinity;
    rows.push(node);
  }
  return rows;
}

/** Collapses every span with children: what "collapse all" leaves is the roots. */
export function allParents(model: TraceModel): Set<string> {
  return new Set(model.spans.filter((n) => n.children.length).map((n) => n.id));
}

/** The spans to expand so that {@code node} shows: its ancestors. */
export function ancestors(node: SpanNode): SpanNode[] {
  const out: SpanNode[] = [];
  for (let p = node.parent; p; p = p.parent) out.push(p);
  return out;
}
