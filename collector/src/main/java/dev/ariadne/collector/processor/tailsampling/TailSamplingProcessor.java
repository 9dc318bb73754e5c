package dev.ariadne.collector.processor.tailsampling;

import dev.ariadne.collector.Counters;
import dev.ariadne.collector.Processor;
import dev.ariadne.collector.ProcessorContext;
import dev.ariadne.collector.Scheduler;
import dev.ariadne.collector.TracesConsumer;
import dev.ariadne.model.Span;
import dev.ariadne.model.TraceId;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Holds each trace's spans for {@code decision_wait} after its first span, then runs every policy on
 * the whole trace and passes it on or drops it, as the Collector's tail sampling processor does.
 *
 * <p>The final decision: not sampled if any policy answered INVERT_NOT_SAMPLED; else sampled if any
 * answered SAMPLED, or if any answered INVERT_SAMPLED and none NOT_SAMPLED; else not sampled.
 *
 * <p>A decided trace stays in the table, with its decision but without its spans, until
 * {@code num_traces} newer traces push it out; spans arriving for it meanwhile follow its decision
 * ("late spans"), and after that so do spans of ids in the decision caches. Pushing out a trace not yet
 * decided loses its spans ({@code …_sampling_trace_dropped_too_early}). Decisions are made by a timer
 * every second, so a trace waits between decision_wait and decision_wait + 1s.
 *
 * <p>All spans of a trace must reach the same instance: with several collectors, route by trace id
 * in front of them (the loadbalancing exporter's pattern).
 */
final class TailSamplingProcessor implements Processor {
  private static final Duration TICK = Duration.ofSeconds(1);
  private static final String PREFIX = "otelcol_processor_tail_sampling_";

  /** One trace in the table: its spans until decided, its decision after. */
  private static final class Trace {
    final TraceId id;
    final long arrivalNanos;
    List<Span> spans = new ArrayList<>();
    Boolean sampled;
    boolean forgotten;

    Trace(TraceId id, long arrivalNanos) {
      this.id = id;
      this.arrivalNanos = arrivalNanos;
    }
  }

  private final TailSamplingConfig config;
  private final TracesConsumer next;
  private final Scheduler scheduler;
  private final List<PolicyEvaluator> evaluators;
  private final Map<TraceId, Trace> table;
  private final ArrayDeque<Trace> undecided = new ArrayDeque<>();
  private final DecisionCache sampledCache;
  private final DecisionCache notSampledCache;
  private final Scheduler.Cancellable timer;
  private final Counters.Counter[] policySampled;
  private final Counters.Counter[] policyNotSampled;
  private final Counters.Counter sampled;
  private final Counters.Counter notSampled;
  private final Counters.Counter newTraces;
  private final Counters.Counter lateSpans;
  private final Counters.Counter droppedTooEarly;
  private final Counters.Counter droppedOnRefusal;

  TailSamplingProcessor(TailSamplingConfig config, TracesConsumer next, ProcessorContext context) {
    this.config = config;
    this.next = next;
    this.scheduler = context.scheduler();
    this.evaluators = config.policies().stream().map(p -> p.evaluator().get()).toList();
    // Sized for the traces one decision wait brings, as expected_new_traces_per_sec is meant for.
    long expected = (long) config.expectedNewTracesPerSec() * Math.max(1, config.decisionWait().toSeconds());
    this.table = new LinkedHashMap<>((int) Math.max(16, Math.min(expected, config.numTraces())) * 4 / 3 + 1);
    this.sampledCache = new DecisionCache(config.sampledCacheSize());
    this.notSampledCache = new DecisionCache(config.nonSampledCacheSize());
    int policies = config.policies().size();
    this.policySampled = new Counters.Counter[policies];
    this.policyNotSampled = new Counters.Counter[policies];
    for (int i = 0; i < policies; i++) {
      String name = config.policies().get(i).name();
      policySampled[i] = context.counter(PREFIX + "count_traces_sampled", "policy", name, "sampled", "true");
      policyNotSampled[i] = context.counter(PREFIX + "count_traces_sampled", "policy", name, "sampled", "false");
    }
    this.sampled = context.counter(PREFIX + "global_count_traces_sampled", "sampled", "true");
    this.notSampled = context.counter(PREFIX + "global_count_traces_sampled", "sampled", "false");
    this.newTraces = context.counter(PREFIX + "new_trace_id_received");
    this.lateSpans = context.counter(PREFIX + "late_spans");
    this.droppedTooEarly = context.counter(PREFIX + "sampling_trace_dropped_too_early");
    this.droppedOnRefusal = context.counter("otelcol_processor_dropped_spans");
    this.timer = scheduler.scheduleAtFixedRate(TICK, this::decideDue);
  }

  @Override
  public void consume(List<Span> spans) {
    Map<TraceId, List<Span>> byTrace = new LinkedHashMap<>();
    for (Span span : spans) byTrace.computeIfAbsent(span.traceId(), id -> new ArrayList<>()).add(span);
    List<Span> forward = new ArrayList<>();
    synchronized (this) {
      byTrace.forEach((id, traceSpans) -> add(id, traceSpans, forward));
    }
    if (!forward.isEmpty()) next.consume(forward);
  }

  private void add(TraceId id, List<Span> spans, List<Span> forward) {
    Trace trace = table.get(id);
    if (trace != null && trace.sampled == null) {
      trace.spans.addAll(spans);
      return;
    }
    Boolean decision = trace != null ? trace.sampled
        : sampledCache.contains(id) ? Boolean.TRUE
        : notSampledCache.contains(id) ? Boolean.FALSE
        : null;
    if (decision != null) {
      lateSpans.add(spans.size());
      if (decision) forward.addAll(spans);
      return;
    }
    trace = new Trace(id, scheduler.nanoTime());
    trace.spans.addAll(spans);
    table.put(id, trace);
    undecided.add(trace);
    newTraces.add(1);
    forgetOldest();
  }

  /** Keeps the table at num_traces by forgetting the traces that arrived first. */
  private void forgetOldest() {
    Iterator<Trace> oldest = table.values().iterator();
    while (table.size() > config.numTraces()) {
      Trace trace = oldest.next();
      oldest.remove();
      trace.forgotten = true;
      if (trace.sampled == null) droppedTooEarly.add(1);
      trace.spans = null; // the undecided queue still holds the trace until its turn
    }
  }

  private void decideDue() {
    long due = scheduler.nanoTime() - config.decisionWait().toNanos();
    decide(trace -> trace.arrivalNanos <= due);
  }

  /** Decides every waiting trace that {@code ready} accepts, oldest first, and passes the sampled ones on. */
  private void decide(Predicate<Trace> ready) {
    List<Span> forward = new ArrayList<>();
    synchronized (this) {
      long now = scheduler.nanoTime();
      while (!undecided.isEmpty() && ready.test(undecided.peek())) {
        Trace trace = undecided.poll();
        if (trace.forgotten) continue;
        trace.sampled = sample(trace.spans, now);
        (trace.sampled ? sampledCache : notSampledCache).put(trace.id);
        (trace.sampled ? sampled : notSampled).add(1);
        if (trace.sampled) forward.addAll(trace.spans);
        trace.spans = null;
      }
    }
    if (forward.isEmpty()) return;
    try {
      next.consume(forward);
    } catch (RuntimeException e) {
      // Decided from a timer: no sender is left to refuse to.
      droppedOnRefusal.add(forward.size());
    }
  }

  /** The final decision from every policy's answer. */
  private boolean sample(List<Span> spans, long now) {
    boolean anySampled = false;
    boolean anyNotSampled = false;
    boolean anyInvertSampled = false;
    boolean anyInvertNotSampled = false;
    for (int i = 0; i < evaluators.size(); i++) {
      Decision decision = evaluators.get(i).evaluate(spans, now);
      (decision.samples() ? policySampled[i] : policyNotSampled[i]).add(1);
      switch (decision) {
        case SAMPLED -> anySampled = true;
        case NOT_SAMPLED -> anyNotSampled = true;
        case INVERT_SAMPLED -> anyInvertSampled = true;
        case INVERT_NOT_SAMPLED -> anyInvertNotSampled = true;
      }
    }
    if (anyInvertNotSampled) return false;
    return anySampled || (anyInvertSampled && !anyNotSampled);
  }

  /** Decides every waiting trace now, on what has arrived, and stops the timer. */
  @Override
  public void shutdown() {
    timer.cancel();
    decide(trace -> true);
  }
}
