package dev.ariadne.collector.processor;

import static dev.ariadne.collector.TestSpans.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.collector.ManualScheduler;
import dev.ariadne.collector.Processor;
import dev.ariadne.collector.RecordingConsumer;
import dev.ariadne.collector.RecordingCounters;
import dev.ariadne.collector.config.ConfigException;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.Span;
import dev.ariadne.model.StatusCode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TailSamplingProcessorTest {
  private static final Duration WAIT = Duration.ofSeconds(2);
  private final ManualScheduler scheduler = new ManualScheduler();
  private final RecordingConsumer next = new RecordingConsumer();
  private final RecordingCounters counters = new RecordingCounters();

  /** A processor with decision_wait 2s and the given top-level settings (policies and more). */
  private Processor tail(String settings) {
    return Processors.build("tail_sampling:\n  decision_wait: 2s\n" + settings.indent(2), next, scheduler, counters);
  }

  private static Span error(long trace, String name) {
    return span(trace, name).status(StatusCode.ERROR, "").build();
  }

  private static Span ok(long trace, String name) {
    return span(trace, name).build();
  }

  private static Span withAttributes(long trace, Object... attributes) {
    return span(trace, "t" + trace).attributes(Attributes.of(attributes)).build();
  }

  /** The traces sampled after {@code spans} went through a processor with {@code settings} and the decision wait passed. */
  private List<Long> sampled(String settings, Span... spans) {
    tail(settings).consume(List.of(spans));
    scheduler.advance(WAIT);
    return sampledTraces();
  }

  private List<Long> sampledTraces() {
    return next.spans().stream().map(Span::traceIdLow).distinct().toList();
  }

  private static final String ERRORS = """
      policies:
        - name: errors
          type: status_code
          status_code: {status_codes: [ERROR]}""";

  @Test
  void holdsTracesForTheDecisionWaitThenSamplesWholeTraces() {
    Processor tail = tail(ERRORS);
    tail.consume(List.of(ok(1, "root"), ok(2, "root")));
    scheduler.advance(Duration.ofSeconds(1));
    tail.consume(List.of(error(1, "child"), ok(2, "child")));
    assertEquals(List.of(), next.spans());
    scheduler.advance(Duration.ofSeconds(1));
    assertEquals(List.of("root", "child"), next.names());
    assertEquals(List.of(1L), sampledTraces());
    assertEquals(1, counters.get("otelcol_processor_tail_sampling_count_traces_sampled", "policy", "errors", "sampled", "true"));
    assertEquals(1, counters.get("otelcol_processor_tail_sampling_count_traces_sampled", "policy", "errors", "sampled", "false"));
    assertEquals(1, counters.get("otelcol_processor_tail_sampling_global_count_traces_sampled", "sampled", "true"));
    assertEquals(2, counters.get("otelcol_processor_tail_sampling_new_trace_id_received"));
  }

  @Test
  void latencyIsTheWholeTracesSpan() {
    assertEquals(List.of(1L), sampled("policies:\n  - {name: slow, type: latency, latency: {threshold_ms: 500}}",
        span(1, "a").startEpochNanos(0).endEpochNanos(300_000_000).build(),
        span(1, "b").startEpochNanos(250_000_000).endEpochNanos(500_000_000).build(),
        span(2, "a").startEpochNanos(0).endEpochNanos(499_000_000).build()));
  }

  @Test
  void latencyWithAnUpperThreshold() {
    assertEquals(List.of(1L), sampled("policies:\n  - {name: band, type: latency, latency: {threshold_ms: 100, upper_threshold_ms: 200}}",
        span(1, "a").startEpochNanos(0).endEpochNanos(150_000_000).build(),
        span(2, "a").startEpochNanos(0).endEpochNanos(250_000_000).build()));
  }

  @Test
  void anInvertedNotSampledOverridesEveryOtherPolicy() {
    assertEquals(List.of(2L), sampled("""
        policies:
          - {name: all, type: always_sample}
          - name: no-health
            type: string_attribute
            string_attribute: {key: http.route, values: [/health], invert_match: true}""",
        withAttributes(1, "http.route", "/health"), withAttributes(2, "http.route", "/orders")));
  }

  @Test
  void anInvertedSampledSamplesOnlyWhenNoPolicySaidNotSampled() {
    String invert = """
          - name: no-health
            type: string_attribute
            string_attribute: {key: http.route, values: [/health], invert_match: true}""".indent(2).stripTrailing();
    tail("policies:\n" + invert).consume(List.of(withAttributes(1, "http.route", "/orders")));
    scheduler.advance(WAIT);
    assertEquals(List.of(1L), sampledTraces());
    next.batches.clear();
    tail(ERRORS + "\n" + invert).consume(List.of(withAttributes(2, "http.route", "/orders")));
    scheduler.advance(WAIT);
    assertEquals(List.of(), sampledTraces());
  }

  @Test
  void attributePoliciesLookAtSpansAndResources() {
    assertEquals(List.of(1L, 3L, 5L), sampled("""
        policies:
          - name: vip
            type: string_attribute
            string_attribute: {key: customer, values: ["vip-.*"], enabled_regex_matching: true}
          - name: big
            type: numeric_attribute
            numeric_attribute: {key: items, min_value: 10, max_value: 20}
          - name: debug
            type: boolean_attribute
            boolean_attribute: {key: debug, value: true}
          - name: service
            type: string_attribute
            string_attribute: {key: service.name, values: [payments]}""",
        withAttributes(1, "customer", "vip-7"), withAttributes(2, "customer", "regular"),
        withAttributes(3, "items", 15L), withAttributes(4, "items", 25L),
        withAttributes(5, "debug", true), withAttributes(6, "debug", false),
        withAttributes(7, "items", "15")));
  }

  @Test
  void spanCountAndTraceState() {
    assertEquals(List.of(1L, 3L), sampled("""
        policies:
          - {name: big, type: span_count, span_count: {min_spans: 3}}
          - {name: state, type: trace_state, trace_state: {key: vendor, values: [debug]}}""",
        ok(1, "a"), ok(1, "b"), ok(1, "c"), ok(2, "a"), ok(2, "b"),
        span(3, "a").traceState("other=1, vendor=debug").build(), span(4, "a").traceState("vendor=prod").build()));
  }

  @Test
  void probabilisticPolicyHashesSaltAndTraceId() {
    // FNV-1a 64 of "default-hash-seed" + trace (7, 1) is 0xd9ace25fc17ef36b, about 0.85 of 2^64.
    assertEquals(List.of(), sampled("policies:\n  - {name: p, type: probabilistic, probabilistic: {sampling_percentage: 50}}", ok(1, "a")));
    assertEquals(List.of(1L), sampled("policies:\n  - {name: p, type: probabilistic, probabilistic: {sampling_percentage: 90}}", ok(1, "a")));
  }

  @Test
  void andNeedsEverySubPolicy() {
    assertEquals(List.of(1L), sampled("""
        policies:
          - name: slow-errors
            type: and
            and:
              and_sub_policy:
                - {name: errors, type: status_code, status_code: {status_codes: [ERROR]}}
                - {name: slow, type: latency, latency: {threshold_ms: 1}}""",
        error(1, "a"), span(2, "a").status(StatusCode.ERROR, "").endEpochNanos(1_000_000_100L).build(), ok(3, "a")));
  }

  @Test
  void rateLimitingCountsSpansPerSecond() {
    // Sampled while the second's count stays strictly below spans_per_second, as the Collector compares.
    Processor tail = tail("policies:\n  - {name: rate, type: rate_limiting, rate_limiting: {spans_per_second: 5}}");
    tail.consume(List.of(ok(1, "a"), ok(1, "b"), ok(2, "a"), ok(2, "b"), ok(3, "a")));
    scheduler.advance(WAIT);
    assertEquals(List.of(1L, 2L), sampledTraces());
    tail.consume(List.of(ok(4, "a"), ok(4, "b")));
    scheduler.advance(WAIT);
    assertEquals(List.of(1L, 2L, 4L), sampledTraces());
  }

  @Test
  void compositeGivesEachSubPolicyItsShareInOrder() {
    assertEquals(List.of(1L, 2L, 3L, 4L), sampled("""
        policies:
          - name: budget
            type: composite
            composite:
              max_total_spans_per_second: 4
              policy_order: [errors, rest]
              composite_sub_policy:
                - {name: rest, type: always_sample}
                - {name: errors, type: status_code, status_code: {status_codes: [ERROR]}}
              rate_allocation:
                - {policy: errors, percent: 50}
                - {policy: rest, percent: 50}""",
        error(1, "a"), error(2, "a"), error(3, "a"), ok(4, "a"), ok(5, "a"), ok(6, "a")));
  }

  @Test
  void lateSpansFollowTheDecision() {
    Processor tail = tail(ERRORS);
    tail.consume(List.of(error(1, "a"), ok(2, "a")));
    scheduler.advance(WAIT);
    tail.consume(List.of(ok(1, "late"), ok(2, "late")));
    assertEquals(List.of("a", "late"), next.names());
    assertEquals(2, counters.get("otelcol_processor_tail_sampling_late_spans"));
  }

  @Test
  void numTracesForgetsTheOldestAndCountsUndecidedOnes() {
    Processor tail = tail("num_traces: 2\n" + ERRORS);
    tail.consume(List.of(error(1, "a"), error(2, "a"), error(3, "a")));
    scheduler.advance(WAIT);
    assertEquals(List.of(2L, 3L), sampledTraces());
    assertEquals(1, counters.get("otelcol_processor_tail_sampling_sampling_trace_dropped_too_early"));
  }

  @Test
  void decisionCachesAnswerForTracesNoLongerInTheTable() {
    Processor cached = tail("num_traces: 1\ndecision_cache: {sampled_cache_size: 10}\n" + ERRORS);
    cached.consume(List.of(error(1, "a")));
    scheduler.advance(WAIT);
    cached.consume(List.of(ok(2, "a")));
    cached.consume(List.of(ok(1, "late")));
    assertEquals(List.of("a", "late"), next.names());

    next.batches.clear();
    Processor uncached = tail("num_traces: 1\n" + ERRORS);
    uncached.consume(List.of(error(5, "a")));
    scheduler.advance(WAIT);
    uncached.consume(List.of(ok(6, "a")));
    uncached.consume(List.of(ok(5, "late")));
    assertEquals(List.of("a"), next.names());
  }

  @Test
  void shutdownDecidesWhatWaits() {
    Processor tail = tail(ERRORS);
    tail.consume(List.of(error(1, "a")));
    tail.shutdown();
    assertEquals(List.of(1L), sampledTraces());
  }

  @Test
  void policiesAreCheckedWhenLoaded() {
    ConfigException type = assertThrows(ConfigException.class, () -> tail("policies:\n  - {name: x, type: ottl_condition}"));
    assertEquals("processors.tail_sampling.policies[0].type", type.path());
    ConfigException code = assertThrows(ConfigException.class,
        () -> tail("policies:\n  - {name: x, type: status_code, status_code: {status_codes: [FAILED]}}"));
    assertTrue(code.getMessage().contains("unknown status code \"FAILED\""), code.getMessage());
    ConfigException twice = assertThrows(ConfigException.class,
        () -> tail("policies:\n  - {name: x, type: always_sample}\n  - {name: x, type: always_sample}"));
    assertEquals("processors.tail_sampling.policies[1].name", twice.path());
    ConfigException order = assertThrows(ConfigException.class, () -> tail("""
        policies:
          - name: c
            type: composite
            composite:
              max_total_spans_per_second: 10
              policy_order: [missing]
              composite_sub_policy: [{name: a, type: always_sample}]"""));
    assertEquals("processors.tail_sampling.policies[0].composite.policy_order", order.path());
    ConfigException wrongBlock = assertThrows(ConfigException.class,
        () -> tail("policies:\n  - {name: x, type: latency, latency: {threshold_ms: 5}, status_code: {}}"));
    assertEquals("processors.tail_sampling.policies[0].status_code", wrongBlock.path());
  }
}
