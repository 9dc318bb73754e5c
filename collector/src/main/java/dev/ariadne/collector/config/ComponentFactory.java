package dev.ariadne.collector.config;

import java.util.function.Function;

/**
 * Reads one component type's configuration, as a Collector component factory does: the {@code type}
 * it serves and a parser that applies the type's defaults to what the file wrote (an absent or null
 * value gives the defaults).
 */
public record ComponentFactory<C>(String type, Function<ConfigNode, C> parser) {

  public C parse(ConfigNode node) {
    return parser.apply(node);
  }
}
