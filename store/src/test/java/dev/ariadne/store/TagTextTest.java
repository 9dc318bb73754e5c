package dev.ariadne.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.model.Attributes;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.store.memory.MemorySpanStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A tag matches an attribute's text, or the text of one scalar element of an array attribute. */
class TagTextTest {
  @Test
  void comparesTheWholeTextOrOneScalarElement() {
    List<Object> array = List.of("eu", 7L, true, List.of("nested"), Attributes.of("k", "inner"));
    assertTrue(TagText.matches("eu", "eu"));
    assertTrue(TagText.matches(7L, "7"));
    assertTrue(TagText.matches(array, "eu"));
    assertTrue(TagText.matches(array, "7"));
    assertTrue(TagText.matches(array, "true"));
    assertFalse(TagText.matches(array, "nested"), "only scalar elements are compared");
    assertFalse(TagText.matches(array, "inner"));
    assertFalse(TagText.matches("europe", "eu"));
  }

  @Test
  void aSearchFindsASpanByAnElementOfItsArrayAttribute() {
    MemorySpanStore store = new MemorySpanStore(10);
    Resource shop = Resource.of(Attributes.of("service.name", "shop", "zones", List.of("a", "b")));
    store.append(List.of(Span.builder().resource(shop).traceId(0, 1).spanId(1).name("op")
        .attributes(Attributes.of("tenant.ids", List.of("t1", "t2"))).build()));
    assertEquals(1, store.findTraces(TraceQuery.builder().tag("tenant.ids", "t2").limit(10).build()).size());
    assertEquals(1, store.findTraces(TraceQuery.builder().tag("zones", "b").limit(10).build()).size());
    assertEquals(0, store.findTraces(TraceQuery.builder().tag("tenant.ids", "t3").limit(10).build()).size());
  }
}
