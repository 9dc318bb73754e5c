package dev.ariadne.server.api.zipkin;

import dev.ariadne.codec.zipkin.ZipkinEncoder;
import dev.ariadne.store.SpanReader;
import dev.ariadne.store.Trace;
import dev.ariadne.store.TraceQuery;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Remote service names and tag values as Zipkin shows them, gathered from the newest traces the store
 * returns. The store has no index of either yet, so this is a scan of a bounded recent window (the
 * newest {@value #TRACES} traces): names seen only in older traces are not listed. A store index
 * replaces it.
 */
final class RecentTraceScan {
  static final int TRACES = 1_000;

  private final SpanReader reader;

  RecentTraceScan(SpanReader reader) {
    this.reader = reader;
  }

  /** The remote service names of the spans of {@code serviceName}, sorted. */
  List<String> remoteServiceNames(String serviceName) {
    TraceQuery.Builder query = StoredServices.search(reader, serviceName);
    if (query == null) return List.of();
    return collect(query, span -> serviceName.equals(span.localServiceName()) ? span.remoteServiceName() : null);
  }

  /** The values tag {@code key} takes, sorted. */
  List<String> tagValues(String key) {
    return collect(TraceQuery.builder(), span -> span.tags().get(key));
  }

  private List<String> collect(TraceQuery.Builder query, Function<zipkin2.Span, String> value) {
    Set<String> values = new TreeSet<>();
    for (Trace trace : reader.findTraces(query.limit(TRACES).build())) {
      for (zipkin2.Span span : ZipkinEncoder.toZipkin(trace.spans())) {
        String v = value.apply(span);
        if (v != null) values.add(v);
      }
    }
    return List.copyOf(values);
  }
}
