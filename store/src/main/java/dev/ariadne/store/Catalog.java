package dev.ariadne.store;

import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanKind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a store has seen, for the lists UIs fill their pickers with: services, each service's operations,
 * and the attribute keys and values per scope (bounded as {@link TagIndex} says). Kept incrementally on
 * append and never shrunk by eviction or retention, like Jaeger's stores. Thread-safe. The append path
 * hashes; the read side sorts.
 */
public final class Catalog {
  private final Map<String, Set<Operation>> operations = new HashMap<>();
  private final TagIndex spanTags = new TagIndex();
  private final TagIndex resourceTags = new TagIndex();

  /** Records the services, operations and attributes of a batch. */
  public synchronized void add(List<Span> spans) {
    addOperations(spans);
    addTags(spans, spanTags, resourceTags);
  }

  /** Records only the services and operations of a batch; the owner records attributes its own way. */
  public synchronized void addOperations(List<Span> spans) {
    Resource seen = null;
    Set<Operation> ops = null;
    for (Span span : spans) {
      // Spans of a batch share their Resource object: look its service up once per run, not once per span.
      if (span.resource() != seen) {
        seen = span.resource();
        ops = operations.computeIfAbsent(span.serviceName(), s -> new HashSet<>());
      }
      ops.add(new Operation(span.name(), span.kind()));
    }
  }

  /** Adds the span and resource attributes of {@code spans} to the two indexes; a null index is skipped. */
  public static void addTags(Iterable<Span> spans, TagIndex spanTags, TagIndex resourceTags) {
    Resource indexed = null;
    for (Span span : spans) {
      if (spanTags != null) spanTags.add(span.attributes());
      if (resourceTags != null && span.resource() != indexed) {
        indexed = span.resource();
        resourceTags.add(indexed.attributes());
      }
    }
  }

  public synchronized void addOperation(String service, Operation operation) {
    operations.computeIfAbsent(service, s -> new HashSet<>()).add(operation);
  }

  public synchronized void addTag(TagScope scope, String key, Object value) {
    tags(scope).add(key, value);
  }

  public synchronized List<String> services() {
    return operations.keySet().stream().sorted().toList();
  }

  /** The operations of {@code service}, sorted; {@code kind} null means any kind. */
  public synchronized List<Operation> operations(String service, SpanKind kind) {
    Set<Operation> ops = operations.getOrDefault(service, Set.of());
    return ops.stream().filter(op -> kind == null || op.kind() == kind).sorted().toList();
  }

  public synchronized List<String> tagNames(TagScope scope) {
    return tags(scope).keys();
  }

  public synchronized List<Object> tagValues(TagScope scope, String key, int limit) {
    return tags(scope).values(key, limit);
  }

  /** Attribute keys and values left out because one of the tag index's bounds was reached. */
  public synchronized long tagsNotIndexed() {
    return spanTags.notIndexed() + resourceTags.notIndexed();
  }

  private TagIndex tags(TagScope scope) {
    return scope == TagScope.SPAN ? spanTags : resourceTags;
  }
}
