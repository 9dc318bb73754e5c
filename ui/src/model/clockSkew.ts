// Clock-skew adjustment, as Jaeger does it: a span of another service than its parent's (the server side
// of a call, timed by another host's clock) that starts before its parent or ends after it is moved, with
// everything under it, to sit in the middle of its parent, the network latency split evenly either side.
// A span longer than its parent cannot fit and is left where it is, with a warning.
import { formatDuration } from './format';
import { SpanNode, TraceModel, refreshBounds, subtree } from './trace';

export function adjustClockSkew(model: TraceModel): TraceModel {
  let moved = false;
  for (const node of model.spans) {
    // Depth-first order: a parent is final before its children are looked at.
    const parent = node.parent;
    if (!parent || parent.service === node.service || fitsIn(node, parent)) continue;
    if (node.duration > parent.duration) {
      node.warnings.push('clock skew: this span lasts longer than its parent in another service, so it was not moved');
      continue;
    }
    const shift = parent.start + (parent.duration - node.duration) / 2 - node.start;
    for (const n of subtree(node)) n.start += shift;
    node.warnings.push(`clock skew adjusted: moved by ${shift > 0 ? '+' : '−'}${formatDuration(Math.abs(shift))} to fit in its parent`);
    moved = true;
  }
  return moved ? refreshBounds(model) : model;
}

function fitsIn(node: SpanNode, parent: SpanNode): boolean {
  return node.start >= parent.start && node.start + node.duration <= parent.start + parent.duration;
}
