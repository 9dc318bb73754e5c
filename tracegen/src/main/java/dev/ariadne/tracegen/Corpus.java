package dev.ariadne.tracegen;

import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.model.TraceId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's traces cut into export batches. A batch holds the spans of a few whole traces, grouped by
 * the resource that produced them, as SDKs export them; so each encoded request carries each resource
 * once.
 */
public final class Corpus {
  /** One export request's worth of spans. */
  public record Batch(List<Span> spans) {}

  /**
   * The ids and span counts of the traces generated, for the query mode to check against.
   *
   * @param rootEndEpochNanos when the root span ended; every span of the trace ends by then
   */
  public record TraceSummary(TraceId traceId, int spanCount, String rootService, String rootName,
      long rootEndEpochNanos) {}

  private Corpus() {}

  /** How many traces of the corpus of this seed it takes to hold at least {@code spans} spans. */
  public static int tracesToReach(long seed, long startEpochNanos, long spans) {
    TraceGenerator generator = new TraceGenerator(seed, startEpochNanos);
    int traces = 0;
    for (long total = 0; total < spans; traces++) total += generator.nextTrace().size();
    return traces;
  }

  /**
   * Generates {@code traces} traces from {@code seed} and calls {@code sink} with each batch of
   * {@code tracesPerBatch} traces, in order.
   */
  public static void generate(long seed, long startEpochNanos, int traces, int tracesPerBatch,
      java.util.function.Consumer<Batch> sink, java.util.function.Consumer<TraceSummary> summaries) {
    TraceGenerator generator = new TraceGenerator(seed, startEpochNanos);
    Map<Resource, List<Span>> byResource = new LinkedHashMap<>();
    int inBatch = 0;
    for (int i = 0; i < traces; i++) {
      List<Span> trace = generator.nextTrace();
      Span root = trace.getFirst();
      summaries.accept(new TraceSummary(root.traceId(), trace.size(), root.serviceName(), root.name(),
          root.endEpochNanos()));
      for (Span span : trace) byResource.computeIfAbsent(span.resource(), r -> new ArrayList<>()).add(span);
      if (++inBatch == tracesPerBatch || i == traces - 1) {
        List<Span> spans = new ArrayList<>();
        byResource.values().forEach(spans::addAll);
        sink.accept(new Batch(spans));
        byResource.clear();
        inBatch = 0;
      }
    }
  }
}
