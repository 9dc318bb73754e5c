package dev.ariadne.store.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.model.Attributes;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanKind;
import dev.ariadne.model.TraceId;
import dev.ariadne.store.DependencyLinker;
import dev.ariadne.store.Trace;
import dev.ariadne.store.object.FileSystemObjectStore;
import dev.ariadne.store.object.ObjectStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockCompactorTest {
  @TempDir Path dir;

  @Test
  void mergedBlockHoldsTheUnionWithResentSpansOnce() throws Exception {
    ObjectStore store = new FileSystemObjectStore(dir);
    List<Trace> all = new RandomTraces(21, false).traces(500);
    RandomTraces late = new RandomTraces(22, false);
    // Block a: traces 0-299. Block b: traces 200-499, where 200-299 are resent whole, and 250-299 also
    // gained spans that arrived late.
    List<Trace> a = all.subList(0, 300);
    List<Trace> b = new ArrayList<>();
    Map<TraceId, List<Span>> expected = new TreeMap<>();
    for (Trace t : a) expected.put(t.traceId(), new ArrayList<>(t.spans()));
    for (int i = 200; i < 500; i++) {
      Trace t = all.get(i);
      List<Span> spans = new ArrayList<>(t.spans());
      if (i >= 250 && i < 300) {
        for (Span extra : late.next().spans()) spans.add(withTrace(extra, t.traceId()));
      }
      b.add(new Trace(t.traceId(), spans));
      List<Span> union = expected.computeIfAbsent(t.traceId(), id -> new ArrayList<>());
      for (Span s : spans) if (!union.contains(s)) union.add(s);
    }
    write(store, "a", a, 120);
    write(store, "b", b, 80);

    BlockMeta meta;
    try (BlockReader ra = BlockReader.open(store, "a"); BlockReader rb = BlockReader.open(store, "b")) {
      meta = BlockCompactor.compact(store, List.of(ra, rb), "ab", 1);
    }
    assertEquals(1, meta.level());
    assertEquals(expected.size(), meta.traceCount());
    assertEquals(expected.values().stream().mapToLong(List::size).sum(), meta.spanCount());
    DependencyLinker linker = new DependencyLinker();
    expected.forEach((id, spans) -> linker.add(new Trace(id, spans)));
    assertEquals(linker.links(), meta.dependencies());
    try (BlockReader merged = BlockReader.open(store, "ab")) {
      List<Trace> read = new ArrayList<>();
      merged.forEachTrace(read::add);
      List<Trace> want = new ArrayList<>();
      expected.forEach((id, spans) -> want.add(new Trace(id, spans)));
      assertEquals(want, read);
    }
  }

  @Test
  void sharedClientAndServerSpansAreBothKeptAndExactDuplicatesDropped() throws Exception {
    ObjectStore store = new FileSystemObjectStore(dir);
    TraceId id = new TraceId(1, 2);
    Resource front = Resource.of(Attributes.of("service.name", "front"));
    Resource back = Resource.of(Attributes.of("service.name", "back"));
    Span root = span(id, 1, 0, SpanKind.SERVER, front);
    Span client = span(id, 2, 1, SpanKind.CLIENT, front);
    Span server = span(id, 2, 1, SpanKind.SERVER, back);  // Zipkin's shared span id
    Span serverElsewhere = span(id, 2, 1, SpanKind.SERVER, front);  // same id and kind, other service
    write(store, "x", List.of(new Trace(id, List.of(root, client))), 100);
    write(store, "y", List.of(new Trace(id, List.of(client, server, serverElsewhere, server))), 100);
    try (BlockReader x = BlockReader.open(store, "x"); BlockReader y = BlockReader.open(store, "y")) {
      BlockCompactor.compact(store, List.of(x, y), "xy", 1);
    }
    try (BlockReader merged = BlockReader.open(store, "xy")) {
      assertEquals(List.of(root, client, server, serverElsewhere), merged.trace(id));
    }
  }

  @Test
  void compactingManyBlocksKeepsEveryTraceInOrder() throws Exception {
    ObjectStore store = new FileSystemObjectStore(dir);
    List<Trace> all = new RandomTraces(23, false).traces(400);
    List<BlockReader> readers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      write(store, "p" + i, all.subList(i * 100, (i + 1) * 100), 50);
      readers.add(BlockReader.open(store, "p" + i));
    }
    BlockMeta meta = BlockCompactor.compact(store, readers, "all", 2);
    assertEquals(400, meta.traceCount());
    List<Trace> sorted = new ArrayList<>(all);
    sorted.sort(Comparator.comparing(Trace::traceId));
    try (BlockReader merged = BlockReader.open(store, "all")) {
      List<Trace> read = new ArrayList<>();
      merged.forEachTrace(read::add);
      assertEquals(sorted, read);
      assertTrue(merged.meta().rowGroupCount() >= 1);
    }
  }

  private static void write(ObjectStore store, String id, List<Trace> traces, int rowGroupSpans) throws Exception {
    List<Trace> sorted = new ArrayList<>(traces);
    sorted.sort(Comparator.comparing(Trace::traceId));
    BlockWriter writer = new BlockWriter(store, id, 0, rowGroupSpans);
    for (Trace t : sorted) writer.add(t);
    writer.finish();
  }

  private static Span withTrace(Span s, TraceId id) {
    return new Span(s.resource(), s.scope(), id.high(), id.low(), s.spanId(), s.parentSpanId(), s.traceState(),
        s.flags(), s.name(), s.kind(), s.startEpochNanos(), s.endEpochNanos(), s.attributes(),
        s.droppedAttributesCount(), s.events(), s.droppedEventsCount(), s.links(), s.droppedLinksCount(),
        s.statusCode(), s.statusMessage());
  }

  private static Span span(TraceId id, long spanId, long parent, SpanKind kind, Resource resource) {
    return Span.builder().traceId(id).spanId(spanId).parentSpanId(parent).kind(kind).resource(resource)
        .name("op").startEpochNanos(1_000).endEpochNanos(2_000).build();
  }
}
