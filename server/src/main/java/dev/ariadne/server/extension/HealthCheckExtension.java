package dev.ariadne.server.extension;

import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.ServerBuilder;
import dev.ariadne.collector.config.extension.HealthCheckConfig;
import dev.ariadne.server.listener.HttpComponent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The {@code health_check} extension: {@code GET endpoint/path} answers the Collector's JSON,
 * {@code {"status":"Server available","upSince":"…","uptime":"1m2.5s"}} with 200 once {@link #ready()}
 * was called, and {@code {"status":"Server not available","upSince":"0001-01-01T00:00:00Z","uptime":""}}
 * with 503 before that and after {@link #notReady()} (shutdown has begun). The uptime is written as Go
 * writes durations, as the Collector does.
 *
 * <p>Lifecycle: construct, {@link #start()}, {@link #ready()} once every pipeline runs, {@link #notReady()}
 * when shutdown begins, {@link #close()}.
 */
public final class HealthCheckExtension extends HttpComponent {
  private static final String NEVER = "0001-01-01T00:00:00Z";

  private final HealthCheckConfig config;
  private final Clock clock;
  private volatile Instant upSince;

  public HealthCheckExtension(HealthCheckConfig config, Clock clock) {
    if (!config.path().startsWith("/")) throw new IllegalArgumentException("health_check path " + config.path() + ": must start with /");
    super(config.endpoint());
    this.config = config;
    this.clock = clock;
  }

  public HealthCheckExtension start() {
    listen();
    return this;
  }

  /** The collector serves: answer 200 from now on. */
  public void ready() {
    upSince = clock.instant();
  }

  /** The collector stops serving: answer 503. */
  public void notReady() {
    upSince = null;
  }

  @Override
  protected void bind(ServerBuilder sb) {
    sb.route().methods(HttpMethod.GET, HttpMethod.HEAD).path(config.path()).build((ctx, req) -> status());
  }

  private HttpResponse status() {
    Instant since = upSince;
    if (since == null) {
      return HttpResponse.of(HttpStatus.SERVICE_UNAVAILABLE, MediaType.JSON_UTF_8,
          "{\"status\":\"Server not available\",\"upSince\":\"" + NEVER + "\",\"uptime\":\"\"}");
    }
    return HttpResponse.of(HttpStatus.OK, MediaType.JSON_UTF_8, "{\"status\":\"Server available\",\"upSince\":\""
        + since + "\",\"uptime\":\"" + goDuration(Duration.between(since, clock.instant())) + "\"}");
  }

  /** Go's {@code time.Duration.String()} for non-negative durations: {@code 0s}, {@code 250ms}, {@code 1.5s}, {@code 2h0m3s}. */
  static String goDuration(Duration d) {
    if (d.isZero() || d.isNegative()) return "0s";
    long nanos = d.toNanos();
    if (nanos < 1_000) return nanos + "ns";
    if (nanos < 1_000_000) return decimal(nanos, 3) + "µs";
    if (nanos < 1_000_000_000) return decimal(nanos, 6) + "ms";
    long hours = d.toHours();
    int minutes = d.toMinutesPart();
    String seconds = decimal(d.toSecondsPart() * 1_000_000_000L + d.toNanosPart(), 9);
    if (hours > 0) return hours + "h" + minutes + "m" + seconds + "s";
    if (minutes > 0) return minutes + "m" + seconds + "s";
    return seconds + "s";
  }

  private static String decimal(long units, int scale) {
    return BigDecimal.valueOf(units, scale).stripTrailingZeros().toPlainString();
  }
}
