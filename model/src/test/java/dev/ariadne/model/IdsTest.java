package dev.ariadne.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class IdsTest {
  @Test
  void traceIdsParseAndFormat() {
    TraceId id = TraceId.parse("5B8EFFF798038103D269B633813FC60C");
    assertEquals(0x5b8efff798038103L, id.high());
    assertEquals(0xd269b633813fc60cL, id.low());
    assertEquals("5b8efff798038103d269b633813fc60c", id.toHex());
    assertEquals(new TraceId(0, 0xd269b633813fc60cL), TraceId.parse("d269b633813fc60c"));
    assertEquals(new TraceId(0, 0xabcL), TraceId.parse("abc"));
  }

  @Test
  void badTraceIdsAreRejectedWithTheReason() {
    assertThrows(IllegalArgumentException.class, () -> TraceId.parse(""));
    assertThrows(IllegalArgumentException.class, () -> TraceId.parse("0".repeat(33)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TraceId.parse("zz"));
    assertEquals("not a hex character: 'z'", e.getMessage());
  }

  @Test
  void spanIdsParseAndFormat() {
    assertEquals(0xeee19b7ec3c1b174L, SpanId.parse("eee19b7ec3c1b174"));
    assertEquals("00000000000000ff", SpanId.toHex(255));
    assertThrows(IllegalArgumentException.class, () -> SpanId.parse("0".repeat(17)));
  }

  @Test
  void nestedValuesRenderAsJson() {
    Object value = java.util.List.of("a", 1L, true, 2.5, Attributes.of("k", "v\"q"), AnyValue.EMPTY);
    assertEquals("[\"a\",1,true,2.5,{\"k\":\"v\\\"q\"},null]", AnyValue.asString(value));
  }

  @Test
  void attributesRejectValuesOutsideTheModel() {
    assertThrows(IllegalArgumentException.class, () -> Attributes.of("k", 1));
    assertThrows(IllegalArgumentException.class, () -> Attributes.of("k", null));
  }
}
