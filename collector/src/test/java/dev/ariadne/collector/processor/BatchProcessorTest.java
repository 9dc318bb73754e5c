package dev.ariadne.collector.processor;

import static dev.ariadne.collector.TestSpans.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ariadne.collector.ManualScheduler;
import dev.ariadne.collector.Processor;
import dev.ariadne.collector.RecordingConsumer;
import dev.ariadne.collector.RecordingCounters;
import dev.ariadne.collector.config.ConfigException;
import dev.ariadne.model.Span;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BatchProcessorTest {
  private final ManualScheduler scheduler = new ManualScheduler();
  private final RecordingConsumer next = new RecordingConsumer();
  private final RecordingCounters counters = new RecordingCounters();

  private Processor batch(String settings) {
    return Processors.build("batch:\n" + settings.indent(2), next, scheduler, counters);
  }

  private static List<Span> spans(int n) {
    return LongStream.range(0, n).mapToObj(i -> of(i + 1, "s" + i)).toList();
  }

  private List<Integer> sizes() {
    return next.batches.stream().map(List::size).toList();
  }

  @Test
  void sendsOnceSendBatchSizeSpansWait() {
    Processor batch = batch("send_batch_size: 3\ntimeout: 1s");
    batch.consume(spans(2));
    assertEquals(List.of(), sizes());
    batch.consume(spans(2));
    assertEquals(List.of(4), sizes());
    assertEquals(1, counters.get("otelcol_processor_batch_batch_size_trigger_send"));
  }

  @Test
  void splitsBatchesAtSendBatchMaxSize() {
    Processor batch = batch("send_batch_size: 2\nsend_batch_max_size: 3");
    batch.consume(spans(7));
    assertEquals(List.of(3, 3, 1), sizes());
  }

  @Test
  void sendsWhatWaitsWhenTheTimeoutPasses() {
    Processor batch = batch("send_batch_size: 100\ntimeout: 200ms");
    batch.consume(spans(1));
    scheduler.advance(Duration.ofMillis(199));
    assertEquals(List.of(), sizes());
    scheduler.advance(Duration.ofMillis(1));
    assertEquals(List.of(1), sizes());
    assertEquals(1, counters.get("otelcol_processor_batch_timeout_trigger_send"));
    assertEquals(0, scheduler.pending());
  }

  @Test
  void timeoutCountsFromTheFirstWaitingSpan() {
    Processor batch = batch("send_batch_size: 100\ntimeout: 200ms");
    batch.consume(spans(1));
    scheduler.advance(Duration.ofMillis(150));
    batch.consume(spans(2));
    scheduler.advance(Duration.ofMillis(50));
    assertEquals(List.of(3), sizes());
    batch.consume(spans(1));
    scheduler.advance(Duration.ofMillis(199));
    assertEquals(List.of(3), sizes());
    scheduler.advance(Duration.ofMillis(1));
    assertEquals(List.of(3, 1), sizes());
  }

  @Test
  void aSizeTriggeredSendStopsTheTimer() {
    Processor batch = batch("send_batch_size: 2\ntimeout: 200ms");
    batch.consume(spans(1));
    batch.consume(spans(1));
    assertEquals(0, scheduler.pending());
    scheduler.advance(Duration.ofSeconds(1));
    assertEquals(List.of(2), sizes());
  }

  @Test
  void zeroTimeoutSendsAtOnce() {
    Processor batch = batch("send_batch_size: 100\ntimeout: 0s\nsend_batch_max_size: 100");
    batch.consume(spans(1));
    assertEquals(List.of(1), sizes());
  }

  @Test
  void aRefusedTimedBatchIsDroppedAndCounted() {
    Processor batch = batch("timeout: 1s");
    next.failure = new IllegalStateException("exporter down");
    batch.consume(spans(5));
    scheduler.advance(Duration.ofSeconds(1));
    assertEquals(5, counters.get("otelcol_processor_dropped_spans"));
  }

  @Test
  void shutdownSendsWhatWaits() {
    Processor batch = batch("timeout: 10s");
    batch.consume(spans(2));
    batch.shutdown();
    assertEquals(List.of(2), sizes());
    assertEquals(0, scheduler.pending());
  }

  @Test
  void maxSizeBelowBatchSizeIsAConfigError() {
    ConfigException e = assertThrows(ConfigException.class, () -> batch("send_batch_size: 10\nsend_batch_max_size: 5"));
    assertEquals("processors.batch.send_batch_max_size", e.path());
  }
}
