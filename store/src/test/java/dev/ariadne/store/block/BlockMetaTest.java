package dev.ariadne.store.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.model.Attributes;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanKind;
import dev.ariadne.model.TraceId;
import dev.ariadne.store.DependencyLink;
import dev.ariadne.store.Operation;
import dev.ariadne.store.Trace;
import dev.ariadne.store.object.FileSystemObjectStore;
import dev.ariadne.store.object.ObjectStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockMetaTest {
  @TempDir Path dir;

  @Test
  void metaSummarizesTheBlockAndReadsBackAsWritten() throws Exception {
    ObjectStore store = new FileSystemObjectStore(dir);
    Resource front = Resource.of(Attributes.of("service.name", "front", "region", "eu"));
    Resource back = Resource.of(Attributes.of("service.name", "back", "region", "us"));
    TraceId id = new TraceId(3, 4);
    List<Span> spans = List.of(
        span(id, 1, 0, front, "GET /", SpanKind.SERVER, 100, 900, Attributes.of("http.status_code", 200L, "ok", true)),
        span(id, 2, 1, front, "call back", SpanKind.CLIENT, 200, 500, Attributes.of("ratio", 0.5, "blob", List.of("x"))),
        span(id, 3, 2, back, "handle", SpanKind.SERVER, 250, 450, Attributes.of("http.status_code", 404L)));
    BlockMeta written = BlockWriter.write(store, "m", 0, List.of(new Trace(id, spans)));

    assertEquals(List.of("back", "front"), written.services());
    assertEquals(Map.of("back", List.of(new Operation("handle", SpanKind.SERVER)),
        "front", List.of(new Operation("GET /", SpanKind.SERVER), new Operation("call back", SpanKind.CLIENT))),
        written.operations());
    assertEquals(List.of(new DependencyLink("front", "back", 1)), written.dependencies());
    assertEquals(100, written.minStartNanos());
    assertEquals(250, written.maxStartNanos());
    assertEquals(900, written.maxEndNanos());
    assertEquals(200, written.minDurationNanos());
    assertEquals(800, written.maxDurationNanos());
    assertEquals(3, written.spanCount());
    assertEquals(1, written.traceCount());
    assertEquals(List.of("blob", "http.status_code", "ok", "ratio"), written.spanTags().names());
    assertEquals(List.of(200L, 404L), written.spanTags().values("http.status_code", 10));
    assertEquals(List.of(), written.spanTags().values("blob", 10), "arrays are not summarised");
    assertEquals(List.of("eu", "us"), written.resourceTags().values("region", 10));
    assertTrue(written.sizeBytes() > 0);

    try (BlockReader reader = BlockReader.open(store, "m")) {
      assertEquals(written, reader.meta());
    }
  }

  @Test
  void tagSummariesStayWithinTheirBoundsAndSaySo() throws Exception {
    ObjectStore store = new FileSystemObjectStore(dir);
    List<Span> spans = new ArrayList<>();
    TraceId id = new TraceId(5, 6);
    Attributes.Builder many = Attributes.builder(TagCollector.MAX_KEYS + 10);
    for (int k = 0; k < TagCollector.MAX_KEYS + 10; k++) many.put(String.format("key.%05d", k), "v");
    spans.add(span(id, 1, 0, Resource.EMPTY, "a", SpanKind.INTERNAL, 1, 2, many.build()));
    for (int v = 0; v < TagCollector.MAX_VALUES_PER_KEY + 5; v++) {
      spans.add(span(id, 100 + v, 1, Resource.EMPTY, "a", SpanKind.INTERNAL, 1, 2, Attributes.of("key.00000", "value-" + v)));
    }
    BlockMeta meta = BlockWriter.write(store, "bounded", 0, List.of(new Trace(id, spans)));
    assertEquals(TagCollector.MAX_KEYS, meta.spanTags().names().size());
    assertTrue(meta.spanTags().keysOverflowed());
    assertEquals(List.of("key.00000"), meta.spanTags().valuesOverflowed());
    assertEquals(TagCollector.MAX_VALUES_PER_KEY, meta.spanTags().values("key.00000", 1_000).size());
    assertFalse(meta.resourceTags().keysOverflowed());
    try (BlockReader reader = BlockReader.open(store, "bounded")) {
      assertEquals(meta.spanTags(), reader.meta().spanTags());
    }
  }

  @Test
  void blockIdsSortByCreationAndAreUnique() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) ids.add(BlockIds.next());
    List<String> sorted = new ArrayList<>(ids);
    sorted.sort(null);
    assertEquals(sorted, ids);
    assertEquals(ids.size(), ids.stream().distinct().count());
    assertTrue(ids.stream().allMatch(s -> s.length() == 26 && BlockIds.isValid(s)));
  }

  private static Span span(TraceId id, long spanId, long parent, Resource resource, String name, SpanKind kind,
      long start, long end, Attributes attributes) {
    return Span.builder().traceId(id).spanId(spanId).parentSpanId(parent).resource(resource).name(name).kind(kind)
        .startEpochNanos(start).endEpochNanos(end).attributes(attributes).build();
  }
}
