package dev.ariadne.server.fidelity;

import java.util.List;
import java.util.Map;

/**
 * A span as the store should hold it and as Tempo shows it (Tempo's answer is the span model as OTLP):
 * ids in hex, kind and status by OTLP's names without prefix, typed values (String, Boolean, Long,
 * Double, List), attributes as maps since order carries no meaning. Only the W3C flags byte is kept
 * (the SDK adds OTLP's is-remote bits above it).
 */
record StoredSpan(String traceId, String spanId, String parentId, String name, String kind,
    Map<String, Object> resource, String scopeName, String scopeVersion, long startNanos, long endNanos,
    Map<String, Object> attributes, List<Event> events, List<Link> links, String status,
    String statusMessage, int w3cFlags) {

  record Event(long epochNanos, String name, Map<String, Object> attributes) {}

  record Link(String traceId, String spanId, Map<String, Object> attributes) {}

  String serviceName() {
    return (String) resource.get("service.name");
  }
}
