package dev.ariadne.collector.config.receiver;

import dev.ariadne.collector.config.ConfigNode;
import dev.ariadne.collector.config.TlsSettings;

/**
 * An HTTP listener (the Collector's confighttp server settings).
 *
 * @param maxRequestBodySize bytes; the Collector's default is 20 MiB
 * @param tls null for plaintext
 */
public record HttpServerSettings(
    String endpoint, CorsSettings cors, long maxRequestBodySize, boolean includeMetadata, TlsSettings tls) {

  static HttpServerSettings parse(ConfigNode node, String defaultEndpoint) {
    ConfigNode tls = node.child("tls");
    return new HttpServerSettings(
        node.string("endpoint", defaultEndpoint),
        CorsSettings.parse(node.child("cors")),
        node.longValue("max_request_body_size", 20L * 1024 * 1024),
        node.bool("include_metadata", false),
        tls.isPresent() ? TlsSettings.parse(tls) : null);
  }
}
