package dev.ariadne.store;

import dev.ariadne.model.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the service graph: every parent/child span pair whose services differ is one call from the
 * parent's service to the child's.
 */
public final class DependencyLinker {
  private final Map<String, Map<String, Long>> calls = new TreeMap<>();

  public DependencyLinker add(Trace trace) {
    Map<Long, Span> byId = new HashMap<>(trace.spans().size() * 2);
    for (Span span : trace.spans()) byId.put(span.spanId(), span);
    for (Span child : trace.spans()) {
      if (child.isRoot()) continue;
      Span parent = byId.get(child.parentSpanId());
      if (parent == null) continue;
      String from = parent.serviceName();
      String to = child.serviceName();
      if (!from.equals(to)) {
        calls.computeIfAbsent(from, k -> new TreeMap<>()).merge(to, 1L, Long::sum);
      }
    }
    return this;
  }

  /** The links, sorted by parent then child. */
  public List<DependencyLink> links() {
    List<DependencyLink> out = new ArrayList<>();
    calls.forEach((parent, children) ->
        children.forEach((child, count) -> out.add(new DependencyLink(parent, child, count))));
    return out;
  }
}
