package dev.ariadne.store.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.codec.otlp.DecodedSpans;
import dev.ariadne.codec.otlp.OtlpProtoDecoder;
import dev.ariadne.codec.otlp.OtlpProtoWriter;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanKind;
import dev.ariadne.model.TraceId;
import dev.ariadne.store.DependencyLink;
import dev.ariadne.store.Operation;
import dev.ariadne.store.TagScope;
import dev.ariadne.store.Trace;
import dev.ariadne.store.TraceQuery;
import dev.ariadne.store.block.BlockIds;
import dev.ariadne.store.block.Blocks;
import dev.ariadne.store.object.FileSystemObjectStore;
import dev.ariadne.store.wal.FsyncPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSpanStoreTest {
  private static final long NOW = System.currentTimeMillis() * 1_000_000;
  private static final long MS = 1_000_000;

  @TempDir Path dir;

  /** Background work slowed to a crawl so each test drives flush and compaction itself. */
  private LocalStoreConfig config() {
    return LocalStoreConfig.defaults(dir).toBuilder()
        .fsync(FsyncPolicy.ALWAYS)
        .flushCheckPeriod(Duration.ofHours(1))
        .compactionCycle(Duration.ofHours(1))
        .compactedBlockRetention(Duration.ZERO)
        .build();
  }

  private static Span span(String service, long traceLow, long spanId, long parentId, String name, long startNanos,
      long durationNanos, Object... attributes) {
    return Span.builder()
        .resource(Resource.of(Attributes.of("service.name", service)))
        .traceId(7, traceLow).spanId(spanId).parentSpanId(parentId)
        .name(name).kind(parentId == 0 ? SpanKind.SERVER : SpanKind.CLIENT)
        .startEpochNanos(startNanos).endEpochNanos(startNanos + durationNanos)
        .attributes(Attributes.of(attributes))
        .build();
  }

  /** Trace {@code t}: a frontend root calling a backend, started {@code t} ms after NOW minus a minute. */
  private static List<Span> trace(long t) {
    long start = NOW - 60_000 * MS + t * MS;
    return List.of(
        span("frontend", t, t * 10 + 1, 0, "GET /", start, 50 * MS, "http.route", "/", "user.id", "u" + t),
        span("backend", t, t * 10 + 2, t * 10 + 1, "query", start + MS, 20 * MS, "db.system", "postgresql"));
  }

  private static List<Long> spanIds(Trace trace) {
    return trace.spans().stream().map(Span::spanId).sorted().toList();
  }

  @Test
  void tracesComeBackWholeFromHeadBlocksAndAfterRestart() throws IOException {
    try (LocalSpanStore store = LocalSpanStore.open(config())) {
      for (long t = 1; t <= 20; t++) store.append(trace(t));
      assertEquals(List.of(11L, 12L), spanIds(store.trace(new TraceId(7, 1))), "from the head");
      store.flush();
      assertEquals(1, store.blocks().size());
      assertEquals(0, store.headTraces());
      assertEquals(List.of(11L, 12L), spanIds(store.trace(new TraceId(7, 1))), "from a block");
      // A late span of trace 1 lands in the head while the rest of it sits in a block.
      store.append(List.of(span("cache", 1, 13, 12, "get", NOW, MS)));
      assertEquals(List.of(11L, 12L, 13L), spanIds(store.trace(new TraceId(7, 1))), "block + head");
    }
    try (LocalSpanStore reopened = LocalSpanStore.open(config())) {
      assertEquals(List.of(11L, 12L, 13L), spanIds(reopened.trace(new TraceId(7, 1))), "block + replayed WAL");
      assertEquals(1, reopened.stats().replayedSpans(), "cutting the block let the WAL drop what it held");
      for (long t = 2; t <= 20; t++) assertEquals(2, reopened.trace(new TraceId(7, t)).spans().size());
      assertEquals(List.of("backend", "cache", "frontend"), reopened.services());
      assertEquals(List.of(new Operation("GET /", SpanKind.SERVER)), reopened.operations("frontend", null));
    }
  }

  @Test
  void tagValuesComeFromTheHeadBeforeACutAndFromBlocksAfterItAndARestart() throws IOException {
    try (LocalSpanStore store = LocalSpanStore.open(config())) {
      store.append(trace(1));
      assertEquals(List.of("u1"), store.tagValues(TagScope.SPAN, "user.id", 10));
      store.flush();
      store.append(trace(2));
      assertEquals(List.of("u1", "u2"), store.tagValues(TagScope.SPAN, "user.id", 10));
      assertEquals(List.of("u1"), store.tagValues(TagScope.SPAN, "user.id", 1));
      assertEquals(List.of("db.system", "http.route", "user.id"), store.tagNames(TagScope.SPAN));
      assertEquals(List.of("backend", "frontend"), store.tagValues(TagScope.RESOURCE, "service.name", 10));
      store.flush();
    }
    try (LocalSpanStore store = LocalSpanStore.open(config())) {
      assertEquals(List.of("u1", "u2"), store.tagValues(TagScope.SPAN, "user.id", 10));
    }
  }

  @Test
  void aBatchThatCameAsOtlpProtobufIsLoggedAsItCameAndReplaysToTheSameSpans() throws IOException {
    List<Span> valid = trace(1);
    // The request also holds a span OTLP rejects (span id 0): decoding it again must reject it again.
    List<Span> sent = new ArrayList<>(valid);
    sent.add(span("frontend", 1, 0, 0, "no id", NOW, MS));
    DecodedSpans decoded = OtlpProtoDecoder.decode(OtlpProtoWriter.write(sent));
    assertEquals(1, decoded.rejected());
    try (LocalSpanStore store = LocalSpanStore.open(config())) {
      store.append(decoded.spans(), decoded.otlpProto());
    }
    try (LocalSpanStore store = LocalSpanStore.open(config())) {
      assertEquals(spanIds(new Trace(new TraceId(7, 1), valid)), spanIds(store.trace(new TraceId(7, 1))));
      assertEquals(0, store.stats().replayedUnreadable());
    }
  }

  @Test
  void searchesHeadAndBlocksNewestFirstWithTheLimit() throws IOException {
    try (LocalSpanStore store = LocalSpanStore.open(config())) {
      for (long t = 1; t <= 10; t++) store.append(trace(t));
      store.flush();
      for (long t = 11; t <= 20; t++) store.append(trace(t));
      store.flush();
      for (long t = 21; t <= 25; t++) store.append(trace(t));
      assertEquals(2, store.blocks().size());

      List<Trace> newest = store.findTraces(TraceQuery.builder().serviceName("frontend").limit(12).build());
      assertEquals(12, newest.size());
      List<Long> ids = newest.stream().map(t -> t.traceId().low()).toList();
      assertEquals(List.of(25L, 24L, 23L, 22L, 21L, 20L, 19L, 18L, 17L, 16L, 15L, 14L), ids);
      assertTrue(newest.stream().allMatch(t -> t.spans().size() == 2), "whole traces, not the matching span");

      List<Trace> byTag = store.findTraces(TraceQuery.builder().serviceName("frontend").tag("user.id", "u3").build());
      assertEquals(List.of(3L), byTag.stream().map(t -> t.traceId().low()).toList());
      List<Trace> slow = store.findTraces(TraceQuery.builder().serviceName("backend").durationNanos(30 * MS, 0).build());
      assertTrue(slow.isEmpty(), "no backend span lasts 30 ms");
      List<Trace> filtered = store.findTraces(TraceQuery.builder().serviceName("frontend")
          .traceFilter(t -> t.traceId().low() % 2 == 0).limit(3).build());
      assertEquals(List.of(24L, 22L, 20L), filtered.stream().map(t -> t.traceId().low()).toList());
    }
  }

  @Test
  void compactionMergesBlocksAndDropsResentSpans() throws IOException {
    try (LocalSpanStore store = LocalSpanStore.open(config())) {
      for (long t = 1; t <= 10; t++) store.append(trace(t));
      store.flush();
      // An at-least-once sender resends traces 5..10 after they were cut.
      for (long t = 5; t <= 15; t++) store.append(trace(t));
      store.flush();
      assertEquals(2, store.blocks().size());
      assertEquals(List.of(51L, 52L), spanIds(store.trace(new TraceId(7, 5))), "queries drop the copies");

      store.compact();
      assertEquals(1, store.blocks().size());
      assertEquals(1, store.blocks().getFirst().meta().level());
      assertEquals(30, store.blocks().getFirst().meta().spanCount(), "15 traces of 2 spans, each once");
      assertEquals(12, store.stats().compactionDuplicatesRemoved());
      for (long t = 1; t <= 15; t++) assertEquals(2, store.trace(new TraceId(7, t)).spans().size());
      assertEquals(1, Blocks.list(new FileSystemObjectStore(dir)).size(), "the inputs were deleted");
    }
  }

  @Test
  void retentionDeletesWholeBlocksPastIt() throws IOException {
    LocalStoreConfig config = config().toBuilder().blockRetention(Duration.ofHours(1)).build();
    try (LocalSpanStore store = LocalSpanStore.open(config)) {
      long twoHoursAgo = NOW - 2 * 3_600_000 * MS;
      store.append(List.of(span("old", 100, 1001, 0, "GET /old", twoHoursAgo, MS)));
      store.flush();
      for (long t = 1; t <= 3; t++) store.append(trace(t));
      store.flush();
      assertEquals(2, store.blocks().size());

      store.compact();
      assertEquals(1, store.stats().retentionDeletions());
      assertTrue(store.trace(new TraceId(7, 100)).isEmpty(), "the expired trace is gone");
      assertEquals(2, store.trace(new TraceId(7, 1)).spans().size());
      assertEquals(1, Blocks.list(new FileSystemObjectStore(dir)).size());
    }
  }

  @Test
  void dependenciesCountCallsInHeadAndBlocks() throws IOException {
    try (LocalSpanStore store = LocalSpanStore.open(config())) {
      for (long t = 1; t <= 4; t++) store.append(trace(t));
      store.flush();
      for (long t = 5; t <= 6; t++) store.append(trace(t));
      List<DependencyLink> links = store.dependencies(NOW / MS, 3_600_000);
      assertEquals(List.of(new DependencyLink("frontend", "backend", 6)), links);
      assertTrue(store.dependencies((NOW - 2 * 3_600_000 * MS) / MS, 60_000).isEmpty(), "none in an empty window");
    }
  }

  @Test
  void theBackgroundFlusherCutsIdleTraces() throws Exception {
    LocalStoreConfig config = config().toBuilder()
        .flushCheckPeriod(Duration.ofMillis(20)).traceIdlePeriod(Duration.ofMillis(50))
        .maxBlockDuration(Duration.ofMillis(100)).build();
    try (LocalSpanStore store = LocalSpanStore.open(config)) {
      for (long t = 1; t <= 5; t++) store.append(trace(t));
      // Waits for the flusher (a condition, not a time: the test fails only if it never happens).
      for (int i = 0; i < 500 && store.blocks().isEmpty(); i++) Thread.sleep(20);
      assertFalse(store.blocks().isEmpty(), "idle traces were cut to a block");
      assertEquals(0, store.headTraces());
      assertEquals(2, store.trace(new TraceId(7, 3)).spans().size());
    }
  }

  @Test
  void aBlockACrashLeftHalfWrittenIsRemovedAtStartAndTheWalStillHasItsSpans() throws IOException {
    FileSystemObjectStore objects = new FileSystemObjectStore(dir);
    try (LocalSpanStore store = LocalSpanStore.open(config())) {
      for (long t = 1; t <= 3; t++) store.append(trace(t));
    }
    // What a crash while writing a block leaves: data objects, no meta (written last).
    String id = BlockIds.next();
    objects.put("blocks/" + id + "/data-00000", new byte[] {1, 2, 3});
    assertEquals(List.of(id), Blocks.incomplete(objects));
    try (LocalSpanStore reopened = LocalSpanStore.open(config())) {
      assertTrue(Blocks.incomplete(objects).isEmpty(), "the leftover objects were removed");
      assertTrue(reopened.blocks().isEmpty());
      assertEquals(2, reopened.trace(new TraceId(7, 1)).spans().size(), "replayed from the WAL");
    }
  }
}
