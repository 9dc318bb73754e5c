// Search within a trace (Jaeger's uiFind): a span matches when each word of the query is in its service,
// operation, span id, or one of its tags' or its process's tags' keys or values (case-insensitive).
import { JaegerTag } from './jaeger';
import { SpanNode, TraceModel } from './trace';

export function findSpans(model: TraceModel, query: string): Set<string> {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const found = new Set<string>();
  if (!words.length) return found;
  for (const node of model.spans) {
    const text = searchableText(node);
    if (words.every((w) => text.includes(w))) found.add(node.id);
  }
  return found;
}

function searchableText(node: SpanNode): string {
  const tags = (list: JaegerTag[] | null | undefined) => (list ?? []).map((t) => `${t.key}=${t.value}`).join(' ');
  return `${node.service} ${node.operation} ${node.id} ${tags(node.span.tags)} ${tags(node.process.tags)}`.toLowerCase();
}
