package dev.ariadne.tracegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.model.Span;
import dev.ariadne.model.SpanKind;
import dev.ariadne.model.StatusCode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TraceGeneratorTest {
  private static final long START = 1_700_000_000_000_000_000L;

  @Test
  void sameSeedGivesTheSameTraces() {
    TraceGenerator a = new TraceGenerator(42, START);
    TraceGenerator b = new TraceGenerator(42, START);
    for (int i = 0; i < 200; i++) assertEquals(a.nextTrace(), b.nextTrace());
    assertNotEquals(new TraceGenerator(43, START).nextTrace(), new TraceGenerator(42, START).nextTrace());
  }

  @Test
  void tracesHaveTheDocumentedShape() {
    TraceGenerator generator = new TraceGenerator(7, START);
    int traces = 5_000;
    int errorTraces = 0;
    Set<String> services = new HashSet<>();
    Set<String> operations = new HashSet<>();
    for (int t = 0; t < traces; t++) {
      List<Span> spans = generator.nextTrace();
      assertTrue(spans.size() >= 5 && spans.size() <= 40, "span count " + spans.size());
      Map<Long, Span> byId = new HashMap<>();
      for (Span s : spans) byId.put(s.spanId(), s);
      assertEquals(spans.size(), byId.size(), "unique span ids");
      Span root = spans.getFirst();
      assertTrue(root.isRoot());
      assertEquals("frontend", root.serviceName());
      int maxDepth = 0;
      for (Span s : spans) {
        assertEquals(root.traceId(), s.traceId());
        int attributes = s.attributes().size();
        assertTrue(attributes >= 5 && attributes <= 15, s.name() + " has " + attributes + " attributes");
        int depth = 1;
        for (Span p = s; !p.isRoot(); p = byId.get(p.parentSpanId())) {
          Span parent = byId.get(p.parentSpanId());
          assertNotNull(parent, "parent present");
          assertTrue(p.startEpochNanos() >= parent.startEpochNanos()
              && p.endEpochNanos() <= parent.endEpochNanos(), "child inside parent");
          depth++;
        }
        maxDepth = Math.max(maxDepth, depth);
        if (s.kind() == SpanKind.SERVER && !s.isRoot()) {
          Span client = byId.get(s.parentSpanId());
          assertEquals(SpanKind.CLIENT, client.kind(), "a server span's parent is a client span");
          assertNotEquals(client.serviceName(), s.serviceName(), "calls cross services");
        }
        services.add(s.serviceName());
        if (s.kind() == SpanKind.SERVER) operations.add(s.serviceName() + " " + s.name());
      }
      assertTrue(maxDepth >= 2 && maxDepth <= 6, "depth " + maxDepth);
      if (spans.stream().anyMatch(s -> s.statusCode() == StatusCode.ERROR)) {
        errorTraces++;
        assertEquals(StatusCode.ERROR, root.statusCode(), "errors propagate to the root");
      }
    }
    assertEquals(10, services.size(), services.toString());
    assertEquals(30, operations.size(), operations.toString());
    double errorRatio = (double) errorTraces / traces;
    assertTrue(errorRatio > 0.01 && errorRatio < 0.035, "error ratio " + errorRatio);
  }
}
