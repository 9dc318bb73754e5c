package dev.ariadne.server.api.zipkin;

import dev.ariadne.query.BadParameterException;
import zipkin2.storage.QueryRequest;

/**
 * The parameters of Zipkin's GET /api/v2/traces, read with Zipkin's rules and defaults: serviceName,
 * remoteServiceName and spanName (lowercased; spanName "all" means any), annotationQuery ("error and
 * http.method=GET"), minDuration and maxDuration in µs (maxDuration only with minDuration), endTs in
 * ms since the epoch (default now), lookback in ms (default a day) and limit (default 10). The result
 * is Zipkin's own {@link QueryRequest}, whose test decides which traces match.
 */
final class ZipkinSearchParams {
  static final long DEFAULT_LOOKBACK_MILLIS = 86_400_000L;
  static final long DEFAULT_LIMIT = 10;
  /** Times and durations are compared in µs and stored in ns: larger values would overflow. */
  static final long MAX_MILLIS = Long.MAX_VALUE / 1_000_000;
  static final long MAX_MICROS = Long.MAX_VALUE / 1_000;

  private ZipkinSearchParams() {}

  static QueryRequest parse(ZipkinParams params, long nowMillis) throws BadParameterException {
    Long minDuration = params.positiveLong("minDuration", null, MAX_MICROS);
    Long maxDuration = params.positiveLong("maxDuration", null, MAX_MICROS);
    if (maxDuration != null && minDuration == null) {
      throw new BadParameterException("maxDuration", "is only valid with minDuration");
    }
    if (maxDuration != null && maxDuration < minDuration) {
      throw new BadParameterException("maxDuration", "must be at least minDuration (" + minDuration + ")");
    }
    long limit = params.positiveLong("limit", DEFAULT_LIMIT, Integer.MAX_VALUE);
    return QueryRequest.newBuilder()
        .serviceName(params.optional("serviceName"))
        .remoteServiceName(params.optional("remoteServiceName"))
        .spanName(params.optional("spanName"))
        .parseAnnotationQuery(params.optional("annotationQuery"))
        .minDuration(minDuration)
        .maxDuration(maxDuration)
        .endTs(params.positiveLong("endTs", nowMillis, MAX_MILLIS))
        .lookback(params.positiveLong("lookback", DEFAULT_LOOKBACK_MILLIS, MAX_MILLIS))
        .limit((int) limit)
        .build();
  }
}
