package dev.ariadne.collector.processor;

import dev.ariadne.collector.Counters;
import dev.ariadne.collector.Processor;
import dev.ariadne.collector.Scheduler;
import dev.ariadne.collector.TestSpans;
import dev.ariadne.collector.TracesConsumer;
import dev.ariadne.collector.config.CollectorConfig;
import dev.ariadne.collector.config.ComponentId;
import dev.ariadne.collector.config.Yaml;

/** Builds one processor from YAML written as under {@code processors:}, through the loader. */
public final class Processors {
  private Processors() {}

  public static Processor build(String yaml, TracesConsumer next, Scheduler scheduler, Counters counters) {
    String id = yaml.substring(0, yaml.indexOf(':'));
    CollectorConfig config = Yaml.load(Yaml.withProcessors(yaml, id));
    return config.processors().get(ComponentId.parse(id)).create(next, TestSpans.context(scheduler, counters));
  }
}
