package dev.ariadne.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.model.Attributes;
import dev.ariadne.model.Bytes;
import dev.ariadne.store.memory.MemorySpanStore;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tag names and values through the store, and the bounds that keep the index small. */
class TagIndexTest {
  private static Span span(long id, Resource resource, Attributes attributes) {
    return Span.builder().resource(resource).traceId(0, id).spanId(id).name("op").attributes(attributes).build();
  }

  @Test
  void listsSpanAndResourceKeysAndTypedValuesSeparately() {
    MemorySpanStore store = new MemorySpanStore(10);
    Resource web = Resource.of(Attributes.of("service.name", "web", "host.cpus", 8L));
    store.append(List.of(
        span(1, web, Attributes.of("http.status_code", 500L, "http.method", "GET", "sampled", true)),
        span(2, web, Attributes.of("http.status_code", 200L, "http.method", "POST", "ratio", 0.5)),
        span(3, web, Attributes.of("http.status_code", 500L, "blob", Bytes.wrap(new byte[] {1}),
            "list", List.of("a", "b"), "mixed", "x")),
        span(4, web, Attributes.of("mixed", 3L, "mixed", false))));

    assertEquals(List.of("blob", "http.method", "http.status_code", "list", "mixed", "ratio", "sampled"),
        store.tagNames(TagScope.SPAN));
    assertEquals(List.of("host.cpus", "service.name"), store.tagNames(TagScope.RESOURCE));
    assertEquals(List.of(200L, 500L), store.tagValues(TagScope.SPAN, "http.status_code", 10));
    assertEquals(List.of("GET", "POST"), store.tagValues(TagScope.SPAN, "http.method", 10));
    assertEquals(List.of("GET"), store.tagValues(TagScope.SPAN, "http.method", 1));
    assertEquals(List.of("x", 3L, false), store.tagValues(TagScope.SPAN, "mixed", 10));
    assertEquals(List.of(0.5), store.tagValues(TagScope.SPAN, "ratio", 10));
    // Keys of non-scalar values are listed, their values are not.
    assertEquals(List.of(), store.tagValues(TagScope.SPAN, "blob", 10));
    assertEquals(List.of(), store.tagValues(TagScope.SPAN, "list", 10));
    assertEquals(List.of("web"), store.tagValues(TagScope.RESOURCE, "service.name", 10));
    assertEquals(List.of(), store.tagValues(TagScope.SPAN, "service.name", 10));
    assertEquals(List.of(), store.tagValues(TagScope.RESOURCE, "nobody", 10));
    assertEquals(0, store.tagsNotIndexed());
  }

  @Test
  void tagsOutliveEvictionLikeOperationLists() {
    MemorySpanStore store = new MemorySpanStore(1);
    store.append(List.of(span(1, Resource.EMPTY, Attributes.of("k", "old"))));
    store.append(List.of(span(2, Resource.EMPTY, Attributes.of("k", "new"))));
    assertEquals(1, store.traceCount());
    assertEquals(List.of("new", "old"), store.tagValues(TagScope.SPAN, "k", 10));
  }

  @Test
  void valuesPerKeyAreBoundedAndTheRestCounted() {
    MemorySpanStore store = new MemorySpanStore(10);
    List<Span> spans = new ArrayList<>();
    for (long i = 0; i < TagIndex.MAX_VALUES_PER_KEY + 5; i++) {
      spans.add(span(1, Resource.EMPTY, Attributes.of("user.id", i)));
    }
    store.append(spans);
    assertEquals(TagIndex.MAX_VALUES_PER_KEY,
        store.tagValues(TagScope.SPAN, "user.id", Integer.MAX_VALUE).size());
    assertEquals(5, store.tagsNotIndexed());
    // Values seen before the bound keep being found; nothing already indexed is counted again.
    store.append(List.of(span(2, Resource.EMPTY, Attributes.of("user.id", 0L))));
    assertEquals(5, store.tagsNotIndexed());
  }

  @Test
  void keysValuesInAllAndLongStringsAreBounded() {
    TagIndex index = new TagIndex();
    for (int k = 0; k < TagIndex.MAX_VALUES / TagIndex.MAX_VALUES_PER_KEY; k++) {
      Attributes.Builder b = Attributes.builder(TagIndex.MAX_VALUES_PER_KEY);
      for (long v = 0; v < TagIndex.MAX_VALUES_PER_KEY; v++) b.put("k" + k, v);
      index.add(b.build());
    }
    assertEquals(0, index.notIndexed());
    index.add(Attributes.of("k0", "one value too many"));
    assertEquals(1, index.notIndexed());

    TagIndex keys = new TagIndex();
    for (int k = 0; k < TagIndex.MAX_KEYS + 3; k++) keys.add(Attributes.of("key" + k, true));
    assertEquals(TagIndex.MAX_KEYS, keys.keys().size());
    assertEquals(3, keys.notIndexed());

    TagIndex lengths = new TagIndex();
    String tooLong = "x".repeat(TagIndex.MAX_LENGTH + 1);
    lengths.add(Attributes.of(tooLong, "v", "k", tooLong, "k", "short"));
    assertEquals(List.of("k"), lengths.keys());
    assertEquals(List.of("short"), lengths.values("k", 10));
    assertEquals(2, lengths.notIndexed());
    assertTrue(lengths.values(tooLong, 10).isEmpty());
  }
}
