package dev.ariadne.collector.processor;

import static dev.ariadne.collector.TestSpans.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ariadne.collector.ManualScheduler;
import dev.ariadne.collector.Processor;
import dev.ariadne.collector.RecordingConsumer;
import dev.ariadne.collector.RecordingCounters;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceProcessorTest {
  private final RecordingConsumer next = new RecordingConsumer();

  @Test
  void changesResourceAttributesOncePerSharedResource() {
    Processor processor = Processors.build("""
        resource:
          attributes:
            - {key: environment, value: production, action: upsert}
            - {key: host.ip, action: delete}""", next, new ManualScheduler(), new RecordingCounters());
    Resource shared = Resource.of(Attributes.of("service.name", "shop", "host.ip", "10.0.0.1"));
    Span a = span(1, "a").resource(shared).build();
    Span b = span(1, "b").resource(shared).build();
    processor.consume(List.of(a, b));
    List<Span> out = next.spans();
    assertEquals(Attributes.of("service.name", "shop", "environment", "production"), out.getFirst().resource().attributes());
    assertNotSame(shared, out.getFirst().resource());
    assertSame(out.get(0).resource(), out.get(1).resource());
    assertEquals(a.attributes(), out.getFirst().attributes());
    assertEquals("b", out.get(1).name());
  }
}
