package dev.ariadne.collector.config.receiver;

import dev.ariadne.collector.config.ComponentFactory;
import dev.ariadne.collector.config.ConfigNode;
import dev.ariadne.collector.config.ReceiverConfig;

/**
 * The {@code zipkin} receiver: Zipkin v1 and v2 over HTTP.
 *
 * @param parseStringTags whether string tags holding numbers or booleans become typed attributes
 */
public record ZipkinReceiverConfig(HttpServerSettings http, boolean parseStringTags) implements ReceiverConfig {
  public static final ComponentFactory<ZipkinReceiverConfig> FACTORY = new ComponentFactory<>("zipkin", ZipkinReceiverConfig::parse);

  static ZipkinReceiverConfig parse(ConfigNode node) {
    return new ZipkinReceiverConfig(HttpServerSettings.parse(node, "0.0.0.0:9411"), node.bool("parse_string_tags", false));
  }
}
