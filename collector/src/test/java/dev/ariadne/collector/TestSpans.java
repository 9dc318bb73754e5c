package dev.ariadne.collector;

import dev.ariadne.model.Attributes;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;

/** Spans for tests. */
public final class TestSpans {
  private TestSpans() {}

  /** A span of trace {@code traceLow} named {@code name}, starting at 1s and lasting 1ms. */
  public static Span.Builder span(long traceLow, String name) {
    return Span.builder()
        .resource(Resource.of(Attributes.of(Resource.SERVICE_NAME, "shop")))
        .traceId(7, traceLow)
        .spanId(((traceLow * 100 + name.hashCode()) & 0xffff) + 1)
        .name(name)
        .startEpochNanos(1_000_000_000L)
        .endEpochNanos(1_001_000_000L);
  }

  public static Span of(long traceLow, String name) {
    return span(traceLow, name).build();
  }

  public static ProcessorContext context(Scheduler scheduler, Counters counters) {
    return new ProcessorContext("test", "traces", scheduler, counters);
  }
}
