package dev.ariadne.tracegen;

import io.grpc.Status;
import java.util.concurrent.CompletionException;

/**
 * Which refusals a sender retries, as OpenTelemetry's exporters do: the receiver said "not now" (gRPC
 * UNAVAILABLE or RESOURCE_EXHAUSTED, HTTP 429, 502, 503, 504), not "never" (bad request, too large).
 * Backs off exponentially from 10 ms to 1 s, at most {@value #MAX_ATTEMPTS} attempts in all.
 */
final class Retry {
  static final int MAX_ATTEMPTS = 8;

  private Retry() {}

  static boolean isRetryable(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof HttpSender.RefusedException refused) {
      int status = refused.status();
      return status == 429 || status == 502 || status == 503 || status == 504;
    }
    Status.Code code = Status.fromThrowable(cause).getCode();
    return code == Status.Code.UNAVAILABLE || code == Status.Code.RESOURCE_EXHAUSTED;
  }

  /** The pause before attempt {@code attempt} (2 for the first retry). */
  static long backoffMillis(int attempt) {
    return Math.min(1_000, 10L << Math.min(attempt - 2, 7));
  }
}
