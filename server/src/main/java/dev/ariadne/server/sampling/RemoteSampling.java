package dev.ariadne.server.sampling;

import com.linecorp.armeria.server.ServerBuilder;
import dev.ariadne.collector.Scheduler;
import dev.ariadne.collector.config.extension.RemoteSamplingConfig;
import dev.ariadne.model.Span;
import dev.ariadne.server.listener.HttpComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Jaeger remote sampling: strategies from a file (reloaded every {@code reload_interval}), optionally
 * adapted to observed traffic, served over HTTP on their own port (5778) and over gRPC on a listener the
 * caller owns (the Jaeger gRPC port, 14250).
 *
 * <p>Lifecycle: construct (reads and checks the file: a bad one fails here), {@link #bindGrpc} before the
 * gRPC listener is built, {@link #start()}, feed {@link #observe} with received spans, {@link #close()}.
 */
public final class RemoteSampling extends HttpComponent {
  private final RemoteSamplingConfig config;
  private final Scheduler scheduler;
  private final StrategiesFile file;
  private final AdaptiveSampler adaptive;
  private final StrategyProvider strategies;
  private final List<Scheduler.Cancellable> timers = new ArrayList<>();

  public RemoteSampling(RemoteSamplingConfig config, Scheduler scheduler) {
    super(config.httpEndpoint());
    this.config = config;
    this.scheduler = scheduler;
    StrategiesParser parser = new StrategiesParser(config.defaultSamplingProbability());
    this.file = config.strategiesFile().map(path -> new StrategiesFile(path, parser)).orElse(null);
    StrategyProvider fromFile = file != null ? file : Strategies.probabilistic(config.defaultSamplingProbability());
    this.adaptive = config.adaptive().map(a -> new AdaptiveSampler(a, fromFile, scheduler::nanoTime)).orElse(null);
    this.strategies = adaptive != null ? adaptive : fromFile;
  }

  /** Adds {@code jaeger.api_v2.SamplingManager} to a gRPC listener being built. */
  public void bindGrpc(ServerBuilder sb) {
    new SamplingGrpcService(strategies).bind(sb);
  }

  /** Binds the HTTP endpoint and starts the reload and calculation timers. */
  public RemoteSampling start() {
    listen();
    if (file != null && config.reloadInterval().isPositive()) {
      timers.add(scheduler.scheduleAtFixedRate(config.reloadInterval(), file::reload));
    }
    if (adaptive != null) {
      timers.add(scheduler.scheduleAtFixedRate(config.adaptive().orElseThrow().calculationInterval(), adaptive::recalculate));
    }
    return this;
  }

  /** Counts received spans for adaptive sampling; does nothing without it. */
  public void observe(List<Span> spans) {
    if (adaptive != null) adaptive.observe(spans);
  }

  @Override
  protected void bind(ServerBuilder sb) {
    new SamplingHttpService(strategies).bind(sb);
  }

  /** What the endpoints serve. */
  public StrategyProvider strategies() {
    return strategies;
  }

  @Override
  public void close() {
    timers.forEach(Scheduler.Cancellable::cancel);
    super.close();
  }
}
