package dev.ariadne.server.admin;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.ServerBuilder;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * The admin port (Jaeger's 14269): GET / and /health answer Jaeger's health-check JSON, /ready is 200
 * only once every component serves (503 before and during shutdown), /metrics is the Prometheus text
 * exposition.
 */
public final class AdminService {
  private final PrometheusMeterRegistry registry;
  private final BooleanSupplier ready;
  private final Instant upSince = Instant.now();

  public AdminService(PrometheusMeterRegistry registry, BooleanSupplier ready) {
    this.registry = registry;
    this.ready = ready;
  }

  public void bind(ServerBuilder sb) {
    sb.service("/", (ctx, req) -> health());
    sb.service("/health", (ctx, req) -> health());
    sb.service("/ready", (ctx, req) -> ready.getAsBoolean()
        ? HttpResponse.of(HttpStatus.OK, MediaType.PLAIN_TEXT_UTF_8, "ready\n")
        : HttpResponse.of(HttpStatus.SERVICE_UNAVAILABLE, MediaType.PLAIN_TEXT_UTF_8, "not ready\n"));
    MetricsService.bind(sb, registry);
  }

  private HttpResponse health() {
    boolean up = ready.getAsBoolean();
    String json = "{\"status\":\"" + (up ? "Server available" : "Server not available")
        + "\",\"upSince\":\"" + upSince + "\",\"uptime\":\"" + Duration.between(upSince, Instant.now()) + "\"}";
    return HttpResponse.of(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE, MediaType.JSON_UTF_8, json);
  }
}
