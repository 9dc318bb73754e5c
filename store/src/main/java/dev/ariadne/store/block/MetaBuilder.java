package dev.ariadne.store.block;

import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.store.DependencyLinker;
import dev.ariadne.store.Operation;
import dev.ariadne.store.Trace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Accumulates a block's meta from the traces written into it. */
final class MetaBuilder {
  private final Map<String, Set<Operation>> operations = new HashMap<>();
  private final DependencyLinker dependencies = new DependencyLinker();
  private final TagCollector spanTags = new TagCollector();
  private final TagCollector resourceTags = new TagCollector();
  private long minStart = Long.MAX_VALUE;
  private long maxStart = Long.MIN_VALUE;
  private long maxEnd = Long.MIN_VALUE;
  private long minDuration = Long.MAX_VALUE;
  private long maxDuration = Long.MIN_VALUE;
  private long spans;
  private long traces;

  void add(Trace trace) {
    Resource summarized = null;
    Set<Operation> serviceOperations = null;
    for (Span span : trace.spans()) {
      // Spans of a batch share their Resource object: look it up once per run of spans.
      if (span.resource() != summarized) {
        summarized = span.resource();
        serviceOperations = operations.computeIfAbsent(span.serviceName(), s -> new HashSet<>());
        resourceTags.add(summarized.attributes());
      }
      serviceOperations.add(new Operation(span.name(), span.kind()));
      minStart = Math.min(minStart, span.startEpochNanos());
      maxStart = Math.max(maxStart, span.startEpochNanos());
      maxEnd = Math.max(maxEnd, span.endEpochNanos());
      minDuration = Math.min(minDuration, span.durationNanos());
      maxDuration = Math.max(maxDuration, span.durationNanos());
      spanTags.add(span.attributes());
    }
    dependencies.add(trace);
    spans += trace.spans().size();
    traces++;
  }

  BlockMeta build(String blockId, int level, long sizeBytes, long createdEpochMillis, int rowGroups) {
    Map<String, List<Operation>> ops = new TreeMap<>();
    operations.forEach((service, set) -> ops.put(service, set.stream().sorted().toList()));
    boolean empty = spans == 0;
    return new BlockMeta(blockId, level, empty ? 0 : minStart, empty ? 0 : maxEnd, spans, traces, sizeBytes,
        createdEpochMillis, new ArrayList<>(ops.keySet()), ops, dependencies.links(),
        empty ? 0 : maxStart, empty ? 0 : minDuration, empty ? 0 : maxDuration, rowGroups,
        spanTags.summary(), resourceTags.summary());
  }
}
