// The critical path: the chain of work that set the trace's end-to-end latency. From the root's end, walk
// back in time: the last child to finish before the current point was what the parent waited for, so the
// path goes into it (recursively), and resumes in the parent where that child started. Time in a parent
// between children is the parent's own. Children are clipped to their parent's span first, so an async
// child that outlives its parent only counts while the parent lasted.
import { SpanNode, TraceModel } from './trace';

export interface Segment {
  spanId: string;
  start: number;
  end: number;
}

/** The path's segments, latest first; empty for an empty trace. */
export function criticalPath(model: TraceModel): Segment[] {
  const root = model.roots.reduce<SpanNode | undefined>(
    (longest, r) => (!longest || r.start + r.duration > longest.start + longest.duration ? r : longest), undefined);
  if (!root) return [];
  const path: Segment[] = [];
  walk(root, root.start, root.start + root.duration, path);
  return path;
}

/** Adds the path through {@code span}, clipped to [spanStart, spanEnd]. */
function walk(span: SpanNode, spanStart: number, spanEnd: number, path: Segment[]): void {
  const children = span.children
    .filter((c) => c.start < spanEnd && c.start + c.duration > spanStart)
    .map((c) => ({ node: c, start: Math.max(c.start, spanStart), end: Math.min(c.start + c.duration, spanEnd) }))
    .sort((a, b) => b.end - a.end);
  let cursor = spanEnd;
  for (const child of children) {
    if (child.end > cursor) continue; // overlaps the child already on the path: not what we waited for
    if (child.end < cursor) path.push({ spanId: span.id, start: child.end, end: cursor });
    walk(child.node, child.start, child.end, path);
    cursor = child.start;
    if (cursor <= spanStart) break;
  }
  if (cursor > spanStart) path.push({ spanId: span.id, start: spanStart, end: cursor });
}

/** The path's segments by span id, for drawing on each span's bar. */
export function segmentsBySpan(path: Segment[]): Map<string, Segment[]> {
  const out = new Map<string, Segment[]>();
  for (const s of path) {
    const list = out.get(s.spanId);
    if (list) list.push(s);
    else out.set(s.spanId, [s]);
  }
  return out;
}
