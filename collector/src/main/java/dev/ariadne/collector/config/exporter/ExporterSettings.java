package dev.ariadne.collector.config.exporter;

import dev.ariadne.collector.config.ConfigNode;
import dev.ariadne.collector.config.TlsSettings;
import java.time.Duration;
import java.util.Map;

/**
 * What every network exporter takes (the Collector's exporterhelper and client settings): the timeout
 * of one send, retries, the sending queue, TLS, extra headers, and compression.
 */
public record ExporterSettings(
    Duration timeout,
    RetrySettings retryOnFailure,
    QueueSettings sendingQueue,
    TlsSettings tls,
    Map<String, String> headers,
    String compression) {

  /** Compression defaults to gzip, as for the OTLP exporters. */
  static ExporterSettings parse(ConfigNode node, Duration defaultTimeout) {
    return parse(node, defaultTimeout, "gzip");
  }

  static ExporterSettings parse(ConfigNode node, Duration defaultTimeout, String defaultCompression) {
    String compression = node.has("compression")
        ? node.oneOf("compression", "gzip", "none", "zstd", "snappy", "zlib", "deflate", "")
        : defaultCompression;
    return new ExporterSettings(
        node.duration("timeout", defaultTimeout),
        RetrySettings.parse(node.child("retry_on_failure")),
        QueueSettings.parse(node.child("sending_queue")),
        TlsSettings.parse(node.child("tls")),
        node.stringMap("headers"),
        compression);
  }
}
