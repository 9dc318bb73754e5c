package dev.ariadne.codec.zipkin;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import zipkin2.Endpoint;
import zipkin2.Span;

/**
 * Random Zipkin spans within what the mapping keeps: every field Zipkin has, the tags the translator
 * gives meaning to written the way the exporter writes them, and none of the shapes the mapping is
 * documented to change (an endpoint with both IPv4 and IPv6, net.* or peer.service tags next to
 * endpoints, annotation values with '|' that are not the event form, a span without a local service,
 * status tags in other spellings, trace ids of 17 to 31 digits).
 */
final class RandomZipkinSpans {
  private static final String[] RESOURCE_KEYS = {"host.name", "deployment.environment", "telemetry.sdk.language",
      "service.version", "k8s.pod.name"};
  private static final String[] SERVICES = {"frontend", "checkout", "db", "cache"};

  private final Random random;

  RandomZipkinSpans(long seed) {
    this.random = new Random(seed);
  }

  /** Spans of a few services, some of which share local endpoints. */
  List<Span> spans() {
    int count = 1 + random.nextInt(8);
    List<Span> spans = new ArrayList<>(count);
    for (int i = 0; i < count; i++) spans.add(span());
    return spans;
  }

  Span span() {
    Span.Builder b = Span.newBuilder();
    if (random.nextBoolean()) b.traceId(nonZero(), random.nextLong());
    else b.traceId(0, nonZero());
    b.id(nonZero());
    if (random.nextBoolean()) b.parentId(nonZero());
    if (random.nextInt(4) > 0) b.name(word() + " /" + word());
    Span.Kind kind = random.nextInt(5) == 0 ? null : Span.Kind.values()[random.nextInt(Span.Kind.values().length)];
    b.kind(kind);
    if (kind == null && random.nextBoolean()) b.putTag("span.kind", "internal");
    if (random.nextInt(6) > 0) b.timestamp(1_600_000_000_000_000L + random.nextInt(1_000_000_000));
    if (random.nextInt(6) > 0) b.duration(1 + random.nextInt(10_000_000));
    b.localEndpoint(endpoint(SERVICES[random.nextInt(SERVICES.length)]));
    if (random.nextBoolean()) b.remoteEndpoint(endpoint(random.nextBoolean() ? word() : null));
    int annotations = random.nextInt(4);
    for (int i = 0; i < annotations; i++) {
      b.addAnnotation(1_600_000_000_000_000L + random.nextInt(1_000_000), annotationValue());
    }
    int tags = random.nextInt(5);
    for (int i = 0; i < tags; i++) b.putTag("tag." + word(), random.nextBoolean() ? word() : "" + random.nextInt());
    if (random.nextBoolean()) b.putTag(RESOURCE_KEYS[random.nextInt(RESOURCE_KEYS.length)], word());
    boolean failed = status(b);
    if (random.nextInt(3) == 0) b.putTag("otel.scope.name", "io.lib." + word());
    if (random.nextInt(3) == 0) b.putTag("otel.scope.version", "1." + random.nextInt(9));
    if (random.nextInt(4) == 0) b.putTag("w3c.tracestate", "vendor=" + word());
    // Brave's error messages; with an error status the exporter writes error=true instead.
    if (!failed && random.nextInt(4) == 0) b.putTag("error", "timeout after " + random.nextInt(100) + "ms");
    int links = random.nextInt(3);
    for (int i = 0; i < links; i++) b.putTag("otlp.link." + i, linkValue());
    // Only true travels: neither encoding writes a false flag.
    if (random.nextBoolean()) b.shared(true);
    if (random.nextBoolean()) b.debug(true);
    return b.build();
  }

  /** Adds status tags as the exporter writes them; true when the status is an error. */
  private boolean status(Span.Builder b) {
    switch (random.nextInt(4)) {
      case 0 -> {
        b.putTag("error", "true").putTag("otel.status_code", "STATUS_CODE_ERROR");
        if (random.nextBoolean()) b.putTag("otel.status_description", "failed: " + word());
        return true;
      }
      case 1 -> b.putTag("otel.status_code", "STATUS_CODE_OK");
      default -> { }
    }
    return false;
  }

  private Endpoint endpoint(String serviceName) {
    Endpoint.Builder e = Endpoint.newBuilder().serviceName(serviceName);
    // A remote endpoint needs a service or an address to be an endpoint at all.
    boolean needsIp = serviceName == null;
    switch (needsIp ? 1 + random.nextInt(2) : random.nextInt(3)) {
      case 1 -> e.ip("10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254)));
      case 2 -> e.ip("2001:db8::" + Integer.toHexString(1 + random.nextInt(0xfffe)));
      default -> { }
    }
    if (random.nextBoolean()) e.port(1 + random.nextInt(65535));
    return e.build();
  }

  private String annotationValue() {
    if (random.nextBoolean()) return word();
    // An event without attributes and drops is written as its bare name, so "name|{}|0" is not generated.
    if (random.nextBoolean()) return word() + "|{}|" + (1 + random.nextInt(3));
    String attributes = "{\"" + word() + "\":\"" + word() + "\",\"n\":" + random.nextInt(1000) + ",\"ok\":true,\"ratio\":0.25}";
    return word() + "|" + attributes + "|" + random.nextInt(3);
  }

  private String linkValue() {
    String traceId = String.format("%016x%016x", nonZero(), random.nextLong());
    String spanId = String.format("%016x", nonZero());
    String state = random.nextBoolean() ? "" : "k=" + word();
    String attributes = random.nextBoolean() ? "{}" : "{\"reason\":\"" + word() + "\",\"n\":" + random.nextInt(9) + "}";
    return traceId + "|" + spanId + "|" + state + "|" + attributes + "|" + random.nextInt(4);
  }

  private long nonZero() {
    long v;
    do v = random.nextLong(); while (v == 0);
    return v;
  }

  private String word() {
    int length = 1 + random.nextInt(8);
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) sb.append((char) ('a' + random.nextInt(26)));
    return sb.toString();
  }
}
