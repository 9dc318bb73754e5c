package dev.ariadne.server.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A span as Jaeger's query API shows it (the JSON Jaeger UI reads), built two ways: {@link #expected}
 * from what the store holds, by Jaeger's rules for OTel spans written out below, and {@link #read} from
 * an answer. Tags and fields are maps, since their order carries no meaning; a repeated key is refused
 * when reading, not hidden.
 */
record JaegerView(String traceID, String spanID, String operationName, List<Ref> references, long startTime,
    long duration, int flags, Map<String, Tag> tags, List<Log> logs, Process process, boolean warned) {

  record Ref(String refType, String traceID, String spanID) {}

  /** A typed tag: type is Jaeger's (string, bool, int64, float64), value a String, Boolean, Long or Double. */
  record Tag(String type, Object value) {}

  record Log(long timestamp, Map<String, Tag> fields) {}

  record Process(String serviceName, Map<String, Tag> tags) {}

  static JaegerView expected(StoredSpan s) {
    List<Ref> refs = new ArrayList<>();
    // Jaeger prints a 64-bit trace id (high half zero) in 16 hex digits.
    String traceId = SentTrace.shortTraceIdHex(s.traceId());
    if (!s.parentId().isEmpty()) refs.add(new Ref("CHILD_OF", traceId, s.parentId()));
    // Links become references, FOLLOWS_FROM unless the translator marked them child_of; their
    // attributes have nowhere to go.
    for (StoredSpan.Link link : s.links()) {
      String type = "child_of".equals(link.attributes().get("opentracing.ref_type")) ? "CHILD_OF" : "FOLLOWS_FROM";
      refs.add(new Ref(type, SentTrace.shortTraceIdHex(link.traceId()), link.spanId()));
    }
    Map<String, Tag> tags = tags(s.attributes());
    // The tags Jaeger derives from OTel's fields.
    if (!s.scopeName().isEmpty()) tags.put("otel.scope.name", string(s.scopeName()));
    if (!s.scopeVersion().isEmpty()) tags.put("otel.scope.version", string(s.scopeVersion()));
    tags.put("span.kind", string(s.kind().toLowerCase(Locale.ROOT)));
    if (s.status().equals("ERROR")) tags.put("error", new Tag("bool", true));
    if (!s.status().equals("UNSET")) tags.put("otel.status_code", string(s.status()));
    if (!s.statusMessage().isEmpty()) tags.put("otel.status_description", string(s.statusMessage()));

    List<Log> logs = new ArrayList<>();
    for (StoredSpan.Event e : s.events()) {
      Map<String, Tag> fields = new LinkedHashMap<>();
      fields.put("event", string(e.name()));
      fields.putAll(tags(e.attributes()));
      logs.add(new Log(e.epochNanos() / 1_000, fields));
    }
    Map<String, Object> processTags = new LinkedHashMap<>(s.resource());
    processTags.remove("service.name");
    return new JaegerView(traceId, s.spanId(), s.name(), refs, s.startNanos() / 1_000,
        // Jaeger's duration is the nanosecond duration truncated, not the difference of truncated times.
        (s.endNanos() - s.startNanos()) / 1_000, s.w3cFlags() & 1, tags, logs,
        new Process(s.serviceName(), tags(processTags)), false);
  }

  private static Map<String, Tag> tags(Map<String, Object> attributes) {
    Map<String, Tag> tags = new LinkedHashMap<>();
    attributes.forEach((key, value) -> tags.put(key, switch (value) {
      case String s -> string(s);
      case Boolean b -> new Tag("bool", b);
      case Long l -> new Tag("int64", l);
      case Double d -> new Tag("float64", d);
      // Jaeger has no arrays: JSON text.
      case List<?> list -> string(ValueText.of(list));
      default -> throw new IllegalArgumentException("not a ShopTrace value: " + value);
    }));
    return tags;
  }

  private static Tag string(String value) {
    return new Tag("string", value);
  }

  /**
   * One span of a trace in an answer, with the process its processID names. Objects must have exactly
   * Jaeger's fields: anything more (link attributes on a reference, say) would be content this view
   * does not compare.
   */
  static JaegerView read(JsonNode span, JsonNode processes) {
    assertFields(span, "traceID", "spanID", "flags?", "operationName", "references", "startTime", "duration", "tags",
        "logs", "processID", "warnings");
    List<Ref> refs = new ArrayList<>();
    for (JsonNode ref : span.get("references")) {
      assertFields(ref, "refType", "traceID", "spanID");
      refs.add(new Ref(ref.get("refType").asText(), ref.get("traceID").asText(), ref.get("spanID").asText()));
    }
    List<Log> logs = new ArrayList<>();
    for (JsonNode log : span.get("logs")) {
      assertFields(log, "timestamp", "fields");
      logs.add(new Log(log.get("timestamp").asLong(), readTags(log.get("fields"))));
    }
    JsonNode process = processes.get(span.get("processID").asText());
    assertFields(process, "serviceName", "tags");
    return new JaegerView(span.get("traceID").asText(), span.get("spanID").asText(),
        span.get("operationName").asText(), refs, span.get("startTime").asLong(), span.get("duration").asLong(),
        span.has("flags") ? span.get("flags").asInt() : 0, readTags(span.get("tags")), logs,
        new Process(process.get("serviceName").asText(), readTags(process.get("tags"))),
        !span.get("warnings").isNull());
  }

  /** {@code node} has exactly these fields; a name ending in '?' may be absent. */
  private static void assertFields(JsonNode node, String... names) {
    Set<String> allowed = new HashSet<>();
    for (String name : names) {
      boolean optional = name.endsWith("?");
      String field = optional ? name.substring(0, name.length() - 1) : name;
      allowed.add(field);
      if (!optional && !node.has(field)) throw new AssertionError("no " + field + " in " + node);
    }
    node.fieldNames().forEachRemaining(field -> {
      if (!allowed.contains(field)) throw new AssertionError("unexpected field " + field + " in " + node);
    });
  }

  private static Map<String, Tag> readTags(JsonNode list) {
    Map<String, Tag> tags = new LinkedHashMap<>();
    for (JsonNode tag : list) {
      assertFields(tag, "key", "type", "value");
      String type = tag.get("type").asText();
      JsonNode v = tag.get("value");
      // The JSON type must match the declared one: a "true" string under type bool is not a bool.
      Object value = switch (type) {
        case "bool" -> v.isBoolean() ? v.booleanValue() : null;
        case "int64" -> v.isIntegralNumber() ? v.longValue() : null;
        case "float64" -> v.isNumber() ? v.doubleValue() : null;
        default -> v.isTextual() ? v.asText() : null;
      };
      if (value == null) throw new AssertionError("tag value does not have its type: " + tag);
      if (tags.put(tag.get("key").asText(), new Tag(type, value)) != null) {
        throw new AssertionError("tag " + tag.get("key") + " appears twice: " + list);
      }
    }
    return tags;
  }
}
