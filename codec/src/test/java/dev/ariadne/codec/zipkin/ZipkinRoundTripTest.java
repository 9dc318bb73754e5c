package dev.ariadne.codec.zipkin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ariadne.codec.otlp.DecodedSpans;
import dev.ariadne.model.SpanKind;
import dev.ariadne.model.StatusCode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import zipkin2.Span;
import zipkin2.codec.SpanBytesDecoder;
import zipkin2.codec.SpanBytesEncoder;

/**
 * Zipkin spans decoded into the model and encoded back are the spans sent, for random spans within
 * what the mapping keeps (see {@link RandomZipkinSpans}), in both encodings of the v2 model.
 */
class ZipkinRoundTripTest {
  private static final int BATCHES = 400;

  enum Encoding {
    JSON_V2(SpanBytesEncoder.JSON_V2, SpanBytesDecoder.JSON_V2),
    PROTO3(SpanBytesEncoder.PROTO3, SpanBytesDecoder.PROTO3);

    final SpanBytesEncoder encoder;
    final SpanBytesDecoder decoder;

    Encoding(SpanBytesEncoder encoder, SpanBytesDecoder decoder) {
      this.encoder = encoder;
      this.decoder = decoder;
    }
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void zipkinToModelToZipkinGivesBackTheSpans(Encoding encoding) throws Exception {
    for (long seed = 1; seed <= BATCHES; seed++) {
      List<Span> sent = new RandomZipkinSpans(seed).spans();

      DecodedSpans decoded = ZipkinDecoder.decode(encoding.decoder, encoding.encoder.encodeList(sent));

      String where = "seed " + seed;
      assertEquals(0, decoded.rejected(), where);
      List<Span> back = ZipkinEncoder.toZipkin(decoded.spans());
      assertEquals(sent.size(), back.size(), where);
      for (int i = 0; i < sent.size(); i++) assertEquals(sent.get(i), back.get(i), where + ", span " + i);
    }
  }

  /** Keeps the test above honest: a generator that stopped producing some shape would weaken it silently. */
  @Test
  void theSpansCoverEveryPartOfTheMapping() throws Exception {
    Map<String, Predicate<dev.ariadne.model.Span>> shapes = Map.ofEntries(
        Map.entry("128-bit trace id", s -> s.traceIdHigh() != 0),
        Map.entry("64-bit trace id", s -> s.traceIdHigh() == 0),
        Map.entry("root", dev.ariadne.model.Span::isRoot),
        Map.entry("child", s -> !s.isRoot()),
        Map.entry("internal kind", s -> s.kind() == SpanKind.INTERNAL),
        Map.entry("server kind", s -> s.kind() == SpanKind.SERVER),
        Map.entry("no kind", s -> s.kind() == SpanKind.UNSPECIFIED),
        Map.entry("error status with message", s -> s.statusCode() == StatusCode.ERROR && !s.statusMessage().isEmpty()),
        Map.entry("ok status", s -> s.statusCode() == StatusCode.OK),
        Map.entry("error message attribute", s -> s.attributes().get("error") != null),
        Map.entry("trace state", s -> !s.traceState().isEmpty()),
        Map.entry("scope name", s -> !s.scope().name().isEmpty()),
        Map.entry("scope version", s -> !s.scope().version().isEmpty()),
        Map.entry("resource tag", s -> s.resource().attributes().size() > 1),
        Map.entry("link", s -> !s.links().isEmpty()),
        Map.entry("event with attributes", s -> s.events().stream().anyMatch(e -> !e.attributes().isEmpty())),
        Map.entry("event with drops only", s -> s.events().stream().anyMatch(e -> e.attributes().isEmpty() && e.droppedAttributesCount() > 0)),
        Map.entry("plain event", s -> s.events().stream().anyMatch(e -> e.droppedAttributesCount() == 0)),
        Map.entry("absent timestamp", s -> s.attributes().get("otel.zipkin.absentField.startTime") != null),
        Map.entry("shared", s -> s.attributes().get("zipkin.shared") != null),
        Map.entry("debug", s -> s.attributes().get("zipkin.debug") != null),
        Map.entry("local ipv6", s -> s.attributes().getString("net.host.ip") instanceof String ip && ip.contains(":")),
        Map.entry("local port", s -> s.attributes().get("net.host.port") != null),
        Map.entry("remote service", s -> s.attributes().get("peer.service") != null),
        Map.entry("remote ip", s -> s.attributes().get("net.peer.ip") != null),
        Map.entry("remote port", s -> s.attributes().get("net.peer.port") != null));
    Set<String> missing = new TreeSet<>(shapes.keySet());
    for (long seed = 1; seed <= BATCHES; seed++) {
      List<Span> sent = new RandomZipkinSpans(seed).spans();
      for (dev.ariadne.model.Span span : ZipkinDecoder.decode(SpanBytesDecoder.JSON_V2,
          SpanBytesEncoder.JSON_V2.encodeList(sent)).spans()) {
        shapes.forEach((name, test) -> {
          if (test.test(span)) missing.remove(name);
        });
      }
    }
    assertEquals(Set.of(), missing, "shapes no generated span has");
  }
}
