package dev.ariadne.server.fidelity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one trace every ingest path sends, in no format's terms: three services, server/client pairs
 * across them, internal and producer spans, typed attributes (string, bool, int, double, a string array),
 * events with and without attributes, an error with a message, an OK status, a link, integers beyond a
 * double's precision, non-ASCII text and an empty string. Times are
 * nanoseconds with sub-microsecond digits, so the formats that carry only microseconds visibly truncate.
 *
 * <pre>
 * frontend  GET /cart        server    root
 * ├ frontend  load cart        internal
 * ├ frontend  POST /checkout   client    peer.service=checkout
 * │ └ checkout  POST /checkout   server
 * │   └ checkout  charge card      client    ERROR "card declined", event "exception"
 * │     └ Payments  Authorize        server    OK
 * └ frontend  send receipt ✉   producer  link to charge card
 * </pre>
 *
 * Attribute values are String, Boolean, Long, Double or List of String. Each service name carries a
 * suffix naming the ingest path, so searches on one server find one trace per path.
 */
record ShopTrace(List<Service> services, List<SpecSpan> spans) {
  /** Nanoseconds; the last three digits (789) make every µs truncation visible. */
  static final long T0 = 1_700_000_000_123_456_789L;

  enum Kind { SERVER, CLIENT, PRODUCER, INTERNAL }

  enum Status { UNSET, OK, ERROR }

  /** A service: its resource attributes (service.name first) and the instrumentation scope of its spans. */
  record Service(String name, Map<String, Object> resource, String scopeName, String scopeVersion) {}

  record SpecEvent(long epochNanos, String name, Map<String, Object> attributes) {}

  /** A link to another span of the same trace, named by its key. */
  record SpecLink(String targetKey, Map<String, Object> attributes) {}

  /**
   * One span. {@code key} names it within the trace (ids are chosen by each client); {@code parentKey}
   * is null for the root.
   */
  record SpecSpan(String key, Service service, String name, Kind kind, String parentKey, long startNanos,
      long endNanos, Map<String, Object> attributes, List<SpecEvent> events, Status status,
      String statusMessage, List<SpecLink> links) {}

  static ShopTrace forSuffix(String suffix) {
    Service frontend = new Service("frontend-" + suffix,
        map("service.name", "frontend-" + suffix, "deployment.environment", "fidelity",
            "service.version", "1.4.2", "team", "web", "replicas", 3L),
        "shop.frontend", "1.4.2");
    Service checkout = new Service("checkout-" + suffix,
        map("service.name", "checkout-" + suffix, "deployment.environment", "fidelity",
            "service.version", "2.0.0", "team", "shop", "replicas", 2L),
        "shop.checkout", "2.0.0");
    // Mixed case on purpose: Zipkin lowercases service names.
    Service payments = new Service("Payments-" + suffix,
        map("service.name", "Payments-" + suffix, "deployment.environment", "fidelity",
            "service.version", "0.9.1", "team", "payments", "replicas", 1L),
        "shop.payments", "");

    List<SpecSpan> spans = List.of(
        span("root", frontend, "GET /cart", Kind.SERVER, null, 0, 12_345_678,
            map("http.request.method", "GET", "http.route", "/cart", "http.response.status_code", 200L,
                "cache.hit", true, "sampling.ratio", 0.25, "cart.tags", List.of("gift", "express"),
            // Beyond a double's 53 bits, non-ASCII text, and an empty string.
            "order.id", 9_007_199_254_740_993L, "cart.note", "Grüße ☕ 日本", "cart.coupon", ""),
            List.of(new SpecEvent(T0 + 1_500_999, "cart.loaded",
                map("items", 3L, "currency", "EUR", "weight.kg", 2.0))),
            Status.UNSET, "", List.of()),
        span("load", frontend, "load cart", Kind.INTERNAL, "root", 10_001, 1_400_500,
            map("db.system", "redis", "cart.items", 3L), List.of(), Status.UNSET, "", List.of()),
        span("call", frontend, "POST /checkout", Kind.CLIENT, "root", 2_000_100, 10_000_050,
            map("peer.service", checkout.name(), "http.request.method", "POST"),
            List.of(), Status.UNSET, "", List.of()),
        span("serve", checkout, "POST /checkout", Kind.SERVER, "call", 2_100_200, 9_900_300,
            map("http.route", "/checkout", "http.request.method", "POST"), List.of(), Status.UNSET, "", List.of()),
        span("charge", checkout, "charge card", Kind.CLIENT, "serve", 3_000_333, 8_000_777,
            map("peer.service", payments.name(), "payment.amount", 19.99, "payment.retries", 2L),
            List.of(new SpecEvent(T0 + 7_900_001, "exception",
                map("exception.type", "CardDeclinedException", "exception.message", "card declined",
                    "exception.escaped", false))),
            Status.ERROR, "card declined", List.of()),
        span("authorize", payments, "Authorize", Kind.SERVER, "charge", 3_100_000, 7_800_999,
            map("fraud.score", 0.00015, "approved", false), List.of(), Status.OK, "", List.of()),
        span("receipt", frontend, "send receipt ✉", Kind.PRODUCER, "root", 10_500_000, 11_000_001,
            map("messaging.system", "kafka", "messaging.destination.name", "receipts"),
            List.of(new SpecEvent(T0 + 10_900_500, "enqueued", Map.of())),
            Status.UNSET, "",
            List.of(new SpecLink("charge", map("link.reason", "receipt for charge", "link.attempt", 1L)))));
    return new ShopTrace(List.of(frontend, checkout, payments), spans);
  }

  SpecSpan span(String key) {
    return spans.stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
  }

  private static SpecSpan span(String key, Service service, String name, Kind kind, String parentKey,
      long startOffset, long endOffset, Map<String, Object> attributes, List<SpecEvent> events, Status status,
      String statusMessage, List<SpecLink> links) {
    return new SpecSpan(key, service, name, kind, parentKey, T0 + startOffset, T0 + endOffset, attributes,
        events, status, statusMessage, links);
  }

  /** An insertion-ordered map from alternating keys and values. */
  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    return map;
  }
}
