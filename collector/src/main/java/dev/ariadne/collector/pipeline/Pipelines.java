package dev.ariadne.collector.pipeline;

import dev.ariadne.collector.Counters;
import dev.ariadne.collector.Processor;
import dev.ariadne.collector.ProcessorContext;
import dev.ariadne.collector.Scheduler;
import dev.ariadne.collector.TracesConsumer;
import dev.ariadne.collector.config.CollectorConfig;
import dev.ariadne.collector.config.ComponentId;
import dev.ariadne.collector.config.ExporterConfig;
import dev.ariadne.collector.config.PipelineConfig;
import dev.ariadne.collector.config.PipelineId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running traces pipelines of a configuration. Each pipeline gets its own instance of each of its
 * processors, chained in order and ending in a fan-out to its exporters; exporters are made once per id
 * and shared; a receiver listed by several pipelines feeds all of them. The server starts the receivers
 * of {@link #receivers()} and hands each decoded batch to {@link #consumerFor}.
 */
public final class Pipelines {
  private final Map<ComponentId, TracesConsumer> receiverConsumers;
  private final List<List<Processor>> processors;

  private Pipelines(Map<ComponentId, TracesConsumer> receiverConsumers, List<List<Processor>> processors) {
    this.receiverConsumers = receiverConsumers;
    this.processors = processors;
  }

  /** Builds every traces pipeline; processors start their timers on {@code scheduler}. */
  public static Pipelines build(CollectorConfig config, ExporterProvider exporterProvider, Scheduler scheduler, Counters counters) {
    Map<ComponentId, TracesConsumer> exporters = new LinkedHashMap<>();
    Map<ComponentId, List<TracesConsumer>> byReceiver = new LinkedHashMap<>();
    Map<String, Object> sharedState = new ConcurrentHashMap<>();
    List<List<Processor>> processors = new ArrayList<>();
    for (Map.Entry<PipelineId, PipelineConfig> entry : config.service().pipelines().entrySet()) {
      PipelineConfig pipeline = entry.getValue();
      List<TracesConsumer> sinks = new ArrayList<>();
      for (ComponentId id : pipeline.exporters()) {
        ExporterConfig exporter = config.exporters().get(id);
        sinks.add(exporters.computeIfAbsent(id, key -> exporterProvider.exporter(key, exporter)));
      }
      TracesConsumer head = FanOut.of(sinks);
      List<Processor> chain = new ArrayList<>();
      for (ComponentId id : pipeline.processors().reversed()) {
        ProcessorContext context = new ProcessorContext(id.toString(), entry.getKey().toString(), scheduler, counters, sharedState);
        Processor processor = config.processors().get(id).create(head, context);
        chain.addFirst(processor);
        head = processor;
      }
      processors.add(chain);
      for (ComponentId receiver : pipeline.receivers()) byReceiver.computeIfAbsent(receiver, key -> new ArrayList<>()).add(head);
    }
    Map<ComponentId, TracesConsumer> receiverConsumers = new LinkedHashMap<>();
    byReceiver.forEach((id, heads) -> receiverConsumers.put(id, FanOut.of(heads)));
    return new Pipelines(receiverConsumers, processors);
  }

  /** The receivers that feed a traces pipeline, in the order pipelines list them. */
  public Set<ComponentId> receivers() {
    return receiverConsumers.keySet();
  }

  /** Where receiver {@code id} hands its batches: the start of every traces pipeline that lists it. */
  public TracesConsumer consumerFor(ComponentId id) {
    TracesConsumer consumer = receiverConsumers.get(id);
    if (consumer == null) throw new IllegalArgumentException("receiver " + id + " feeds no traces pipeline");
    return consumer;
  }

  /**
   * Shuts every processor down, first to last in each pipeline, so spans held upstream flow through
   * the rest before those stop. Call after the receivers stopped and before the exporters do.
   */
  public void shutdown() {
    for (List<Processor> chain : processors) chain.forEach(Processor::shutdown);
  }
}
