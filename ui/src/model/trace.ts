// Builds the span tree of a Jaeger trace: parents from references, children in start order, spans
// listed depth first, and what the header and the result list show (services, depth, errors).
import { JaegerProcess, JaegerSpan, JaegerTrace, tagValue } from './jaeger';

export interface SpanNode {
  span: JaegerSpan;
  id: string;
  service: string;
  process: JaegerProcess;
  operation: string;
  kind: string;
  /** Start and duration in µs; start may differ from the span's own after clock-skew adjustment. */
  start: number;
  duration: number;
  error: boolean;
  parent: SpanNode | null;
  children: SpanNode[];
  depth: number;
  /** The span's own warnings, plus those the UI adds (missing parent, clock skew). */
  warnings: string[];
}

export interface TraceModel {
  traceId: string;
  trace: JaegerTrace;
  roots: SpanNode[];
  /** Every span, depth first, children in start order: the waterfall's row order. */
  spans: SpanNode[];
  byId: Map<string, SpanNode>;
  start: number;
  end: number;
  duration: number;
  /** Span count per service, in first-seen order. */
  services: Map<string, number>;
  depth: number;
  errorCount: number;
}

export function isError(span: JaegerSpan): boolean {
  const error = tagValue(span.tags, 'error');
  return error === true || error === 'true' || tagValue(span.tags, 'otel.status_code') === 'ERROR';
}

/** The parent a span names in this trace: its CHILD_OF reference first, else its first reference. */
function parentReference(span: JaegerSpan): { spanID: string; traceID: string } | undefined {
  const refs = span.references ?? [];
  return refs.find((r) => r.refType === 'CHILD_OF' && r.traceID === span.traceID)
    ?? refs.find((r) => r.traceID === span.traceID);
}

export function buildTrace(trace: JaegerTrace): TraceModel {
  const byId = new Map<string, SpanNode>();
  for (const span of trace.spans) {
    if (byId.has(span.spanID)) continue; // a span sent twice is shown once
    const process = trace.processes[span.processID] ?? { serviceName: 'unknown' };
    byId.set(span.spanID, {
      span,
      id: span.spanID,
      service: process.serviceName,
      process,
      operation: span.operationName,
      kind: String(tagValue(span.tags, 'span.kind') ?? ''),
      start: span.startTime,
      duration: span.duration,
      error: isError(span),
      parent: null,
      children: [],
      depth: 0,
      warnings: [...(span.warnings ?? [])],
    });
  }
  const roots: SpanNode[] = [];
  for (const node of byId.values()) {
    const ref = parentReference(node.span);
    const parent = ref ? byId.get(ref.spanID) : undefined;
    if (parent && parent !== node) {
      node.parent = parent;
      parent.children.push(node);
    } else {
      if (ref && !parent && node.warnings.length === 0) {
        node.warnings.push(`parent span ${ref.spanID} is not in this trace`);
      }
      roots.push(node);
    }
  }
  const byStart = (a: SpanNode, b: SpanNode) => a.start - b.start;
  roots.sort(byStart);
  const spans: SpanNode[] = [];
  const visited = new Set<SpanNode>();
  const visit = (root: SpanNode) => {
    // Iterative, so a 10,000-deep chain does not exhaust the stack.
    const stack: SpanNode[] = [root];
    while (stack.length) {
      const node = stack.pop()!;
      if (visited.has(node)) continue;
      visited.add(node);
      node.depth = node.parent ? node.parent.depth + 1 : 0;
      spans.push(node);
      node.children.sort(byStart);
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
    }
  };
  roots.forEach(visit);
  // Spans in a reference cycle are reachable from no root: show them as roots.
  for (const node of byId.values()) {
    if (!visited.has(node)) {
      node.parent?.children.splice(node.parent.children.indexOf(node), 1);
      node.parent = null;
      node.warnings.push('its references form a cycle');
      roots.push(node);
      visit(node);
    }
  }
  return summarize(trace, roots, spans, byId);
}

function summarize(trace: JaegerTrace, roots: SpanNode[], spans: SpanNode[], byId: Map<string, SpanNode>): TraceModel {
  let start = Infinity;
  let end = -Infinity;
  let depth = 0;
  let errorCount = 0;
  const services = new Map<string, number>();
  for (const node of spans) {
    start = Math.min(start, node.start);
    end = Math.max(end, node.start + node.duration);
    depth = Math.max(depth, node.depth + 1);
    if (node.error) errorCount++;
    services.set(node.service, (services.get(node.service) ?? 0) + 1);
  }
  if (!spans.length) start = end = 0;
  return { traceId: trace.traceID, trace, roots, spans, byId, start, end, duration: end - start, services, depth, errorCount };
}

/** Recomputes the trace's bounds after span times moved (clock-skew adjustment). */
export function refreshBounds(model: TraceModel): TraceModel {
  return summarize(model.trace, model.roots, model.spans, model.byId);
}

/** The span that names the trace: the earliest root, which a complete trace has just one of. */
export function rootSpan(model: TraceModel): SpanNode | undefined {
  return model.roots[0];
}

/** Every span under {@code node}, itself included, depth first. */
export function subtree(node: SpanNode): SpanNode[] {
  const out: SpanNode[] = [];
  const stack = [node];
  while (stack.length) {
    const n = stack.pop()!;
    out.push(n);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return out;
}
