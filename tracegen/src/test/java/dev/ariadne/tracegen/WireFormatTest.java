package dev.ariadne.tracegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ariadne.codec.jaeger.JaegerThriftDecoder;
import dev.ariadne.codec.otlp.DecodedSpans;
import dev.ariadne.codec.otlp.OtlpJsonDecoder;
import dev.ariadne.model.Span;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What tracegen posts decodes, with the server's decoders, to the batch it was made from. */
class WireFormatTest {
  private static final long START = 1_700_000_000_000_000_000L;

  private static List<Span> batch() {
    List<Corpus.Batch> batches = new ArrayList<>();
    Corpus.generate(5, START, 10, 10, batches::add, s -> { });
    return batches.getFirst().spans();
  }

  @Test
  void otlpJsonIsOneRequestHoldingTheBatch() throws Exception {
    List<Span> spans = batch();
    List<WireFormat.Request> requests = WireFormat.OTLP_HTTP_JSON.encode(spans);

    assertEquals(1, requests.size());
    assertEquals(spans.size(), requests.getFirst().spans());
    assertEquals(spans, OtlpJsonDecoder.decode(requests.getFirst().body()).spans());
  }

  @Test
  void jaegerThriftIsOneRequestPerResource() throws Exception {
    List<Span> spans = batch();
    Set<Object> resources = new HashSet<>();
    spans.forEach(s -> resources.add(s.resource()));

    List<WireFormat.Request> requests = WireFormat.JAEGER_THRIFT.encode(spans);

    assertEquals(resources.size(), requests.size());
    List<String> names = new ArrayList<>();
    for (WireFormat.Request request : requests) {
      DecodedSpans decoded = JaegerThriftDecoder.decodeBatch(request.body());
      assertEquals(request.spans(), decoded.spans().size());
      assertEquals(1, decoded.spans().stream().map(s -> s.resource().attributes()).distinct().count());
      decoded.spans().forEach(s -> names.add(s.name()));
    }
    assertEquals(spans.stream().map(Span::name).toList(), names);
  }
}
