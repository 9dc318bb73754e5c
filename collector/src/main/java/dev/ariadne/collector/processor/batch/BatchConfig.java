package dev.ariadne.collector.processor.batch;

import dev.ariadne.collector.Processor;
import dev.ariadne.collector.ProcessorContext;
import dev.ariadne.collector.TracesConsumer;
import dev.ariadne.collector.config.ComponentFactory;
import dev.ariadne.collector.config.ConfigNode;
import dev.ariadne.collector.config.ProcessorConfig;
import java.time.Duration;

/**
 * The {@code batch} processor's settings, with the Collector's defaults.
 *
 * @param timeout how long spans may wait for a batch to fill (200ms); 0 sends at once
 * @param sendBatchSize a batch is sent once it holds this many spans (8192)
 * @param sendBatchMaxSize batches are split to at most this many spans; 0 for no limit
 */
public record BatchConfig(Duration timeout, int sendBatchSize, int sendBatchMaxSize) implements ProcessorConfig {
  public static final ComponentFactory<BatchConfig> FACTORY = new ComponentFactory<>("batch", BatchConfig::parse);

  static BatchConfig parse(ConfigNode node) {
    BatchConfig config = new BatchConfig(
        node.duration("timeout", Duration.ofMillis(200)),
        node.integer("send_batch_size", 8192),
        node.integer("send_batch_max_size", 0));
    if (config.sendBatchMaxSize > 0 && config.sendBatchMaxSize < config.sendBatchSize) {
      throw node.child("send_batch_max_size").error("must be at least send_batch_size (" + config.sendBatchSize + ")");
    }
    return config;
  }

  @Override
  public Processor create(TracesConsumer next, ProcessorContext context) {
    return new BatchProcessor(this, next, context);
  }
}
