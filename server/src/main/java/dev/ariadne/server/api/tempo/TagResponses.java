package dev.ariadne.server.api.tempo;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import dev.ariadne.model.SpanKind;
import dev.ariadne.query.BadParameterException;
import dev.ariadne.query.traceql.AttributeScope;
import dev.ariadne.query.traceql.FieldExpr;
import dev.ariadne.query.traceql.Intrinsic;
import dev.ariadne.store.Operation;
import dev.ariadne.store.SpanReader;
import dev.ariadne.store.TagScope;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tempo's tag autocompletion: names ({@code {"tagNames":[…]}}, v2 {@code {"scopes":[{"name","tags"}]}}) and
 * values ({@code {"tagValues":["…"]}}, v2 {@code {"tagValues":[{"type","value"}]}}), empty lists left out as
 * jsonpb leaves them out. Names and values come from the store's tag index, which is bounded (see the
 * store); values of the intrinsics status and kind are their keywords, and of name the operation names.
 */
final class TagResponses {
  /** At most this many values per answer; the store's index holds at most 1,000 per key and scope. */
  static final int MAX_VALUES = 1_000;
  private static final JsonFactory JSON = new JsonFactory();
  private static final List<String> SCOPE_NAMES =
      List.of("", "none", "span", "resource", "intrinsic", "event", "link", "instrumentation");
  /** What Tempo offers for autocompletion in the intrinsic scope, of the intrinsics this implementation runs. */
  private static final List<String> INTRINSIC_TAGS = intrinsicTags();

  private TagResponses() {}

  /** The {@code scope} parameter: empty or "none" for all scopes; Tempo's scope names otherwise. */
  static String scope(Map<String, List<String>> params) throws BadParameterException {
    List<String> values = params.get("scope");
    String scope = values == null || values.isEmpty() ? "" : values.getFirst();
    if (!SCOPE_NAMES.contains(scope)) {
      throw new BadParameterException("scope", "expected one of span, resource, intrinsic, event, link, "
          + "instrumentation or none, got \"" + scope + "\"");
    }
    return scope.equals("none") ? "" : scope;
  }

  static HttpResponse tagNames(SpanReader reader, String scope, boolean v2) {
    return json(g -> {
      if (v2) {
        List<String> scopes = scope.isEmpty() ? List.of("span", "resource", "intrinsic") : List.of(scope);
        g.writeArrayFieldStart("scopes");
        for (String s : scopes) {
          g.writeStartObject();
          g.writeStringField("name", s);
          strings(g, "tags", names(reader, s));
          g.writeEndObject();
        }
        g.writeEndArray();
      } else {
        Set<String> all = new TreeSet<>();
        if (scope.isEmpty()) {
          all.addAll(names(reader, "span"));
          all.addAll(names(reader, "resource"));
        } else {
          all.addAll(names(reader, scope));
        }
        strings(g, "tagNames", List.copyOf(all));
      }
    });
  }

  private static List<String> names(SpanReader reader, String scope) {
    return switch (scope) {
      case "span" -> reader.tagNames(TagScope.SPAN);
      case "resource" -> reader.tagNames(TagScope.RESOURCE);
      case "intrinsic" -> INTRINSIC_TAGS;
      default -> List.of(); // event, link and instrumentation attributes are not indexed
    };
  }

  /** v1: the string values of an attribute on spans or resources, and Tempo's two virtual tags. */
  static HttpResponse tagValues(SpanReader reader, String name) {
    Set<String> values = new TreeSet<>();
    switch (name) {
      case "status.code" -> values.addAll(List.of("unset", "ok", "error"));
      case "error" -> values.add("true");
      default -> {
        for (TagScope scope : TagScope.values()) {
          for (Object v : reader.tagValues(scope, name, MAX_VALUES)) {
            if (v instanceof String s && values.size() < MAX_VALUES) values.add(s);
          }
        }
      }
    }
    return json(g -> strings(g, "tagValues", List.copyOf(values)));
  }

  /** v2: typed values of an attribute ({@code span.x}, {@code resource.x}, {@code .x}) or intrinsic. */
  static HttpResponse tagValuesV2(SpanReader reader, FieldExpr tag) {
    List<TypedValue> values = switch (tag) {
      case FieldExpr.AttributeRef a -> attributeValues(reader, a);
      case FieldExpr.IntrinsicRef i -> intrinsicValues(reader, i.intrinsic());
      default -> throw new IllegalArgumentException("not a tag: " + tag);
    };
    return json(g -> {
      if (values.isEmpty()) return;
      g.writeArrayFieldStart("tagValues");
      for (TypedValue v : values) {
        g.writeStartObject();
        g.writeStringField("type", v.type());
        g.writeStringField("value", v.value());
        g.writeEndObject();
      }
      g.writeEndArray();
    });
  }

  private record TypedValue(String type, String value) {}

  private static List<TypedValue> attributeValues(SpanReader reader, FieldExpr.AttributeRef a) {
    Set<TypedValue> out = new LinkedHashSet<>();
    if (a.scope() != AttributeScope.RESOURCE) add(out, reader.tagValues(TagScope.SPAN, a.name(), MAX_VALUES));
    if (a.scope() != AttributeScope.SPAN) add(out, reader.tagValues(TagScope.RESOURCE, a.name(), MAX_VALUES));
    return List.copyOf(out);
  }

  private static void add(Set<TypedValue> out, List<Object> values) {
    for (Object v : values) {
      if (out.size() >= MAX_VALUES) return;
      out.add(switch (v) {
        case String s -> new TypedValue("string", s);
        case Long l -> new TypedValue("int", l.toString());
        case Double d -> new TypedValue("float", decimal(d));
        case Boolean b -> new TypedValue("bool", b.toString());
        default -> throw new IllegalStateException("the tag index holds scalars only: " + v);
      });
    }
  }

  private static List<TypedValue> intrinsicValues(SpanReader reader, Intrinsic intrinsic) {
    return switch (intrinsic) {
      // Tempo's order for these keywords.
      case STATUS -> keywords(List.of("ok", "error", "unset"));
      case KIND -> keywords(List.of(SpanKind.CLIENT, SpanKind.SERVER, SpanKind.PRODUCER, SpanKind.CONSUMER,
          SpanKind.INTERNAL, SpanKind.UNSPECIFIED).stream().map(k -> k.name().toLowerCase(Locale.ROOT)).toList());
      case NAME -> {
        Set<String> names = new TreeSet<>();
        for (String service : reader.services()) {
          for (Operation op : reader.operations(service, null)) {
            if (names.size() < MAX_VALUES) names.add(op.name());
          }
        }
        yield names.stream().map(n -> new TypedValue("string", n)).toList();
      }
      // Not indexed: durations have no list of values in Tempo either; the rest would need a scan of every trace.
      default -> List.of();
    };
  }

  private static List<TypedValue> keywords(List<String> words) {
    return words.stream().map(w -> new TypedValue("keyword", w)).toList();
  }

  /** A double as Go's strconv.FormatFloat(f, 'g', -1) would mostly print it: no trailing ".0". */
  private static String decimal(double d) {
    if (!Double.isFinite(d) || d != 0 && (Math.abs(d) < 1e-4 || Math.abs(d) >= 1e21)) return Double.toString(d);
    return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
  }

  private static List<String> intrinsicTags() {
    Set<String> names = new TreeSet<>();
    for (Intrinsic i : Intrinsic.values()) {
      // Ids and child counts are queryable but, as in Tempo, not offered for autocompletion.
      if (i != Intrinsic.SPAN_ID && i != Intrinsic.PARENT_ID && i != Intrinsic.TRACE_ID && i != Intrinsic.CHILD_COUNT) {
        names.addAll(i.names());
      }
    }
    return List.copyOf(names);
  }

  @FunctionalInterface
  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static HttpResponse json(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      body.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return HttpResponse.of(HttpStatus.OK, MediaType.JSON, out.toByteArray());
  }

  private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
    if (values.isEmpty()) return;
    g.writeArrayFieldStart(field);
    for (String v : values) g.writeString(v);
    g.writeEndArray();
  }
}
