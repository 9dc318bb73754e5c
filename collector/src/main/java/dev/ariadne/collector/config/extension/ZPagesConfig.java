package dev.ariadne.collector.config.extension;

import dev.ariadne.collector.config.ComponentFactory;
import dev.ariadne.collector.config.ExtensionConfig;

/** The {@code zpages} extension: in-process debugging pages. */
public record ZPagesConfig(String endpoint) implements ExtensionConfig {
  public static final ComponentFactory<ZPagesConfig> FACTORY = new ComponentFactory<>("zpages",
      node -> new ZPagesConfig(node.string("endpoint", "0.0.0.0:55679")));
}
