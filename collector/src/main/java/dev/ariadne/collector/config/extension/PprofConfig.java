package dev.ariadne.collector.config.extension;

import dev.ariadne.collector.config.ComponentFactory;
import dev.ariadne.collector.config.ExtensionConfig;

/**
 * The {@code pprof} extension. A JVM has no pprof; the server maps it to Java Flight Recorder: the
 * endpoint serves a JFR recording on request, and {@code save_to_file} names a recording written from
 * start to shutdown. The block and mutex profile fractions are Go runtime knobs, read and unused.
 */
public record PprofConfig(String endpoint, int blockProfileFraction, int mutexProfileFraction, String saveToFile)
    implements ExtensionConfig {
  public static final ComponentFactory<PprofConfig> FACTORY = new ComponentFactory<>("pprof",
      node -> new PprofConfig(
          node.string("endpoint", "localhost:1777"),
          node.integer("block_profile_fraction", 0),
          node.integer("mutex_profile_fraction", 0),
          node.string("save_to_file", "")));
}
