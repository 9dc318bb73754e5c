package dev.ariadne.server.extension;

import com.linecorp.armeria.server.ServerBuilder;
import dev.ariadne.collector.ExecutorScheduler;
import dev.ariadne.collector.config.CollectorConfig;
import dev.ariadne.collector.config.ComponentId;
import dev.ariadne.collector.config.ExtensionConfig;
import dev.ariadne.collector.config.extension.FileStorageConfig;
import dev.ariadne.collector.config.extension.HealthCheckConfig;
import dev.ariadne.collector.config.extension.PprofConfig;
import dev.ariadne.collector.config.extension.RemoteSamplingConfig;
import dev.ariadne.collector.config.extension.ZPagesConfig;
import dev.ariadne.model.Span;
import dev.ariadne.server.listener.HttpComponent;
import dev.ariadne.server.pipeline.Receivers;
import dev.ariadne.server.sampling.RemoteSampling;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extensions a configuration's {@code service.extensions} lists, running: health_check, zpages, pprof
 * and Jaeger's remote_sampling, each on its own endpoint. {@code file_storage} is not a service: sending
 * queues use it. Lifecycle: {@link #startFor} before the receivers' listeners start (a bad strategies file
 * fails here), {@link #ready()} once the process serves, {@link #notReady()} when it begins to stop,
 * {@link #close()} once the listeners have stopped.
 */
public final class Extensions implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Extensions.class);

  private final ExecutorScheduler scheduler = new ExecutorScheduler();
  /** Each extension by its id in the configuration, in the order service.extensions lists them. */
  private final SequencedMap<String, HttpComponent> components = new LinkedHashMap<>();
  private final List<HealthCheckExtension> healthChecks = new ArrayList<>();
  private final List<ZPagesExtension> zpages = new ArrayList<>();
  private final List<RemoteSampling> samplings = new ArrayList<>();
  private final List<PprofExtension> profilers = new ArrayList<>();

  /**
   * Starts the extensions of {@code config}: remote sampling's gRPC side joins the Jaeger gRPC
   * receiver's listener (as on Jaeger's collector), and zpages and adaptive sampling see every batch.
   */
  public static Extensions startFor(CollectorConfig config, Receivers receivers) {
    Extensions extensions = new Extensions(config);
    receivers.pending("Jaeger gRPC").ifPresent(extensions::bindJaegerGrpc);
    extensions.start();
    if (extensions.observes()) receivers.observeWith(extensions::observe);
    return extensions;
  }

  private Extensions(CollectorConfig config) {
    Clock clock = Clock.systemUTC();
    for (ComponentId id : config.service().extensions()) {
      ExtensionConfig extension = config.extensions().get(id);
      HttpComponent component = switch (extension) {
        case HealthCheckConfig health -> add(healthChecks, new HealthCheckExtension(health, clock));
        case ZPagesConfig pages -> add(zpages, new ZPagesExtension(pages, config.service(), clock));
        case PprofConfig pprof -> add(profilers, new PprofExtension(pprof));
        case RemoteSamplingConfig sampling -> add(samplings, new RemoteSampling(sampling, scheduler));
        case FileStorageConfig files -> null;
        default -> {
          log.warn("extensions.{}: not run by Ariadne", id);
          yield null;
        }
      };
      if (component != null) components.put(id.toString(), component);
    }
  }

  private void bindJaegerGrpc(ServerBuilder jaegerGrpc) {
    samplings.forEach(sampling -> sampling.bindGrpc(jaegerGrpc));
  }

  private static <T extends HttpComponent> T add(List<T> kind, T component) {
    kind.add(component);
    return component;
  }

  /** Binds every extension's endpoint; on failure closes those already bound. */
  private void start() {
    try {
      healthChecks.forEach(HealthCheckExtension::start);
      zpages.forEach(ZPagesExtension::start);
      profilers.forEach(PprofExtension::start);
      samplings.forEach(RemoteSampling::start);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Whether any extension wants to see received spans (zpages' tracez, adaptive sampling). */
  private boolean observes() {
    return !zpages.isEmpty() || !samplings.isEmpty();
  }

  private void observe(List<Span> spans) {
    zpages.forEach(z -> z.observe(spans));
    samplings.forEach(s -> s.observe(spans));
  }

  public void ready() {
    healthChecks.forEach(HealthCheckExtension::ready);
  }

  public void notReady() {
    healthChecks.forEach(HealthCheckExtension::notReady);
  }

  /** Each extension's id and bound port, for the start-up banner and tests. */
  public SequencedMap<String, Integer> ports() {
    SequencedMap<String, Integer> ports = new LinkedHashMap<>();
    components.forEach((id, component) -> ports.put(id, component.port()));
    return ports;
  }

  /** Closes every extension's listener (those never bound have nothing to close). */
  @Override
  public void close() {
    components.values().forEach(HttpComponent::close);
    scheduler.close();
  }
}
