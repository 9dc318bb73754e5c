package dev.ariadne.server.api.zipkin;

import dev.ariadne.store.SpanReader;
import dev.ariadne.store.TraceQuery;
import java.util.List;
import java.util.Locale;

/**
 * Zipkin lowercases service names; the store keeps them as OTLP sent them. This finds the stored names
 * a Zipkin name stands for, so a search can still name its service to the store.
 */
final class StoredServices {
  private StoredServices() {}

  static String zipkinName(String storedName) {
    return storedName.toLowerCase(Locale.ROOT);
  }

  /** The stored names that read as {@code zipkinName} in Zipkin. */
  static List<String> matching(SpanReader reader, String zipkinName) {
    return reader.services().stream().filter(s -> zipkinName(s).equals(zipkinName)).toList();
  }

  /**
   * A search of traces of the service Zipkin calls {@code zipkinName}, or null when the store has no
   * such service. When several stored names read the same, the search names none of them and the
   * caller's own test of the local service decides.
   */
  static TraceQuery.Builder search(SpanReader reader, String zipkinName) {
    TraceQuery.Builder query = TraceQuery.builder();
    if (zipkinName == null) return query;
    List<String> stored = matching(reader, zipkinName);
    if (stored.isEmpty()) return null;
    return stored.size() == 1 ? query.serviceName(stored.getFirst()) : query;
  }
}
