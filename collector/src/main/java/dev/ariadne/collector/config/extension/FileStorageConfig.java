package dev.ariadne.collector.config.extension;

import dev.ariadne.collector.config.ComponentFactory;
import dev.ariadne.collector.config.ConfigNode;
import dev.ariadne.collector.config.ExtensionConfig;
import java.time.Duration;

/**
 * The {@code file_storage} extension: a directory where components keep state across restarts; an
 * exporter's {@code sending_queue.storage} naming it makes its queue persistent.
 *
 * @param directory where the files go (the Collector's Linux default, {@code /var/lib/otelcol/file_storage})
 * @param createDirectory whether to create the directory when missing (the Collector: false)
 * @param fsync whether each write is forced to disk before it counts as done
 * @param timeout how long to wait for the directory's lock (read; Ariadne takes no lock)
 */
public record FileStorageConfig(String directory, boolean createDirectory, boolean fsync, Duration timeout)
    implements ExtensionConfig {
  public static final ComponentFactory<FileStorageConfig> FACTORY = new ComponentFactory<>("file_storage", FileStorageConfig::parse);

  static FileStorageConfig parse(ConfigNode node) {
    return new FileStorageConfig(
        node.string("directory", "/var/lib/otelcol/file_storage"),
        node.bool("create_directory", false),
        node.bool("fsync", false),
        node.duration("timeout", Duration.ofSeconds(1)));
  }
}
