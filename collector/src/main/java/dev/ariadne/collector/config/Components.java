package dev.ariadne.collector.config;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The component types a loader knows, by kind: the factories it reads each section with, sorted by type. */
public final class Components {
  private final Map<ComponentKind, Map<String, ComponentFactory<?>>> factories;

  private Components(Map<ComponentKind, Map<String, ComponentFactory<?>>> factories) {
    this.factories = factories;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<ComponentFactory<?>> factory(ComponentKind kind, String type) {
    return Optional.ofNullable(factories.get(kind).get(type));
  }

  public Set<String> types(ComponentKind kind) {
    return factories.get(kind).keySet();
  }

  public static final class Builder {
    private final Map<ComponentKind, Map<String, ComponentFactory<?>>> factories = new EnumMap<>(ComponentKind.class);

    private Builder() {
      for (ComponentKind kind : ComponentKind.values()) factories.put(kind, new LinkedHashMap<>());
    }

    public Builder receiver(ComponentFactory<? extends ReceiverConfig> factory) {
      return add(ComponentKind.RECEIVER, factory);
    }

    public Builder processor(ComponentFactory<? extends ProcessorConfig> factory) {
      return add(ComponentKind.PROCESSOR, factory);
    }

    public Builder exporter(ComponentFactory<? extends ExporterConfig> factory) {
      return add(ComponentKind.EXPORTER, factory);
    }

    public Builder extension(ComponentFactory<? extends ExtensionConfig> factory) {
      return add(ComponentKind.EXTENSION, factory);
    }

    private Builder add(ComponentKind kind, ComponentFactory<?> factory) {
      if (factories.get(kind).putIfAbsent(factory.type(), factory) != null) {
        throw new IllegalArgumentException(kind.singular() + " type " + factory.type() + " registered twice");
      }
      return this;
    }

    public Components build() {
      Map<ComponentKind, Map<String, ComponentFactory<?>>> copy = new EnumMap<>(ComponentKind.class);
      factories.forEach((kind, byType) -> copy.put(kind, Collections.unmodifiableMap(new TreeMap<>(byType))));
      return new Components(copy);
    }
  }
}
