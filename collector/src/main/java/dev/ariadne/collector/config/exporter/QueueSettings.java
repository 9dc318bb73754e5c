package dev.ariadne.collector.config.exporter;

import dev.ariadne.collector.config.ComponentId;
import dev.ariadne.collector.config.ConfigNode;
import java.util.Optional;

/**
 * An exporter's {@code sending_queue}, with the Collector's defaults.
 *
 * @param queueSize batches held before new ones are refused
 * @param storage the storage extension that makes the queue persistent, if any
 */
public record QueueSettings(boolean enabled, int numConsumers, int queueSize, Optional<ComponentId> storage) {

  static QueueSettings parse(ConfigNode node) {
    ConfigNode storage = node.child("storage");
    Optional<ComponentId> storageId = Optional.empty();
    if (storage.isPresent()) {
      try {
        storageId = Optional.of(ComponentId.parse(storage.text()));
      } catch (IllegalArgumentException e) {
        throw storage.error(e.getMessage());
      }
    }
    return new QueueSettings(
        node.bool("enabled", true), node.integer("num_consumers", 10, 1), node.integer("queue_size", 1000, 1), storageId);
  }
}
