package dev.ariadne.store.block;

import dev.ariadne.store.DependencyLink;
import dev.ariadne.store.Operation;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a block holds, written as its last object: a block without it is incomplete. Enough to skip the
 * block for a search and to answer services, operations, dependencies and tag lookups without opening it.
 *
 * @param level 0 for blocks cut from the head, n + 1 for blocks compacted from level n
 * @param minStartNanos earliest span start; {@code maxStartNanos} the latest; {@code maxEndNanos} the latest end
 * @param sizeBytes bytes of the data parts, index and bloom filter (not the meta itself)
 * @param services the service names of its spans, sorted
 * @param operations service → its operations, sorted
 * @param dependencies calls between services within its traces ({@link dev.ariadne.store.DependencyLinker})
 * @param minDurationNanos shortest span; {@code maxDurationNanos} the longest
 * @param spanTags span attribute keys and values, bounded (see {@link TagSummary})
 * @param resourceTags resource attribute keys and values, bounded
 */
public record BlockMeta(
    String blockId,
    int level,
    long minStartNanos,
    long maxEndNanos,
    long spanCount,
    long traceCount,
    long sizeBytes,
    long createdEpochMillis,
    List<String> services,
    Map<String, List<Operation>> operations,
    List<DependencyLink> dependencies,
    long maxStartNanos,
    long minDurationNanos,
    long maxDurationNanos,
    int rowGroupCount,
    TagSummary spanTags,
    TagSummary resourceTags) {

  public BlockMeta {
    services = List.copyOf(services);
    operations = Collections.unmodifiableMap(new TreeMap<>(operations));
    dependencies = List.copyOf(dependencies);
  }
}
