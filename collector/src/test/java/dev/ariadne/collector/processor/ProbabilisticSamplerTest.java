package dev.ariadne.collector.processor;

import static dev.ariadne.collector.TestSpans.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ariadne.collector.ManualScheduler;
import dev.ariadne.collector.Processor;
import dev.ariadne.collector.RecordingConsumer;
import dev.ariadne.collector.RecordingCounters;
import dev.ariadne.collector.config.ConfigException;
import dev.ariadne.collector.processor.sampling.TraceIdHash;
import dev.ariadne.model.Span;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ProbabilisticSamplerTest {
  private final RecordingCounters counters = new RecordingCounters();

  /** Trace ids 1…10000, one span each, through a sampler; the trace ids kept. */
  private List<Long> kept(String settings) {
    RecordingConsumer next = new RecordingConsumer();
    Processor sampler = Processors.build("probabilistic_sampler:\n" + settings.indent(2), next, new ManualScheduler(), counters);
    sampler.consume(LongStream.rangeClosed(1, 10_000).mapToObj(i -> of(i, "s")).toList());
    return next.spans().stream().map(Span::traceIdLow).toList();
  }

  @Test
  void hashesMatchAReferenceFnv1a() {
    // Values from an independent FNV-1a implementation over seed (4 bytes LE) + trace id (16 bytes BE).
    assertEquals(0xd2019f43, TraceIdHash.fnv32a(0, 7, 1));
    assertEquals(0x21a9b515, TraceIdHash.fnv32a(22, 7, 1));
    assertEquals(0xd9ace25fc17ef36bL, TraceIdHash.fnv64a("default-hash-seed", 7, 1));
  }

  @Test
  void keepsTheTracesWhoseHashFallsBelowThePercentage() {
    // An independent implementation of the Collector's rule keeps 1002 of these 10000 traces at 10%.
    assertEquals(1002, kept("sampling_percentage: 10").size());
    assertEquals(1002, counters.get("otelcol_processor_probabilistic_sampler_count_traces_sampled", "sampled", "true"));
    assertEquals(8998, counters.get("otelcol_processor_probabilistic_sampler_count_traces_sampled", "sampled", "false"));
  }

  @Test
  void decisionsDependOnlyOnTraceIdAndSeed() {
    assertEquals(kept("sampling_percentage: 25\nhash_seed: 7"), kept("sampling_percentage: 25\nhash_seed: 7"));
    assertNotEquals(kept("sampling_percentage: 25\nhash_seed: 7"), kept("sampling_percentage: 25\nhash_seed: 8"));
  }

  @Test
  void zeroAndHundredPercent() {
    assertEquals(0, kept("sampling_percentage: 0").size());
    assertEquals(10_000, kept("sampling_percentage: 100").size());
  }

  @Test
  void allSpansOfATraceShareTheDecision() {
    RecordingConsumer next = new RecordingConsumer();
    Processor sampler = Processors.build("probabilistic_sampler:\n  sampling_percentage: 50", next, new ManualScheduler(), counters);
    List<Span> spans = LongStream.rangeClosed(1, 200).mapToObj(i -> of(i / 4 + 1, "s" + i)).toList();
    sampler.consume(spans);
    long kept = next.spans().stream().map(Span::traceIdLow).distinct().count();
    assertEquals(kept, next.spans().stream().filter(s -> s.traceIdLow() <= 50).map(Span::traceIdLow).distinct().count());
    for (long trace = 1; trace <= 51; trace++) {
      long t = trace;
      long inOut = next.spans().stream().filter(s -> s.traceIdLow() == t).count();
      long inIn = spans.stream().filter(s -> s.traceIdLow() == t).count();
      assertEquals(inOut == 0 ? 0 : inIn, inOut, "trace " + trace);
    }
  }

  @Test
  void otherModesAreRefused() {
    ConfigException e = assertThrows(ConfigException.class, () -> kept("sampling_percentage: 10\nmode: proportional"));
    assertEquals("processors.probabilistic_sampler.mode: only hash_seed is supported (line 8)", e.getMessage());
  }
}
