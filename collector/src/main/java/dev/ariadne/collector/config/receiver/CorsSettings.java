package dev.ariadne.collector.config.receiver;

import dev.ariadne.collector.config.ConfigNode;
import java.util.List;

/** An HTTP receiver's {@code cors} block: browsers from these origins may send spans. */
public record CorsSettings(List<String> allowedOrigins, List<String> allowedHeaders, int maxAgeSeconds) {
  public static final CorsSettings NONE = new CorsSettings(List.of(), List.of(), 0);

  static CorsSettings parse(ConfigNode node) {
    if (!node.isPresent()) return NONE;
    return new CorsSettings(node.strings("allowed_origins"), node.strings("allowed_headers"), node.integer("max_age", 0));
  }
}
