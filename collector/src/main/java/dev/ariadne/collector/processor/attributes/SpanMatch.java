package dev.ariadne.collector.processor.attributes;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.ariadne.collector.config.ConfigNode;
import dev.ariadne.model.AnyValue;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * An {@code include} or {@code exclude} block of the attributes processor (the Collector's filterspan
 * match properties). A span matches when every property written matches: one of {@code services} (the
 * resource's service.name), one of {@code span_names}, one of {@code span_kinds}
 * ({@code SPAN_KIND_SERVER}, …), one of {@code libraries} (scope name, and version if given), all of
 * {@code attributes} and all of {@code resources} (key present, and value equal if given).
 * {@code match_type} is strict (equality) or regexp (Go RE2, found anywhere in the text, as Go's
 * MatchString).
 */
final class SpanMatch implements Predicate<Span> {
  private final List<Predicate<Span>> conditions;

  private SpanMatch(List<Predicate<Span>> conditions) {
    this.conditions = conditions;
  }

  @Override
  public boolean test(Span span) {
    for (Predicate<Span> condition : conditions) {
      if (!condition.test(span)) return false;
    }
    return true;
  }

  static SpanMatch parse(ConfigNode node) {
    boolean regexp = node.oneOf("match_type", "strict", "regexp").equals("regexp");
    if (!node.has("match_type")) throw node.child("match_type").error("must be set: strict or regexp");
    List<Predicate<Span>> conditions = new ArrayList<>();
    anyOf(node, "services", regexp, conditions, Span::serviceName);
    anyOf(node, "span_names", regexp, conditions, Span::name);
    anyOf(node, "span_kinds", regexp, conditions, span -> "SPAN_KIND_" + span.kind().name());
    List<Predicate<Span>> libraries = new ArrayList<>();
    for (ConfigNode library : node.list("libraries")) {
      Predicate<String> name = matcher(library.child("name"), regexp);
      ConfigNode versionNode = library.child("version");
      Predicate<String> version = versionNode.isPresent() ? matcher(versionNode, regexp) : v -> true;
      libraries.add(span -> name.test(span.scope().name()) && version.test(span.scope().version()));
    }
    if (!libraries.isEmpty()) conditions.add(span -> libraries.stream().anyMatch(l -> l.test(span)));
    for (ConfigNode attribute : node.list("attributes")) {
      Predicate<Attributes> match = attributeMatcher(attribute, regexp);
      conditions.add(span -> match.test(span.attributes()));
    }
    for (ConfigNode attribute : node.list("resources")) {
      Predicate<Attributes> match = attributeMatcher(attribute, regexp);
      conditions.add(span -> match.test(span.resource().attributes()));
    }
    if (conditions.isEmpty()) throw node.error("must give at least one property to match");
    return new SpanMatch(List.copyOf(conditions));
  }

  private static void anyOf(ConfigNode node, String key, boolean regexp, List<Predicate<Span>> conditions,
      java.util.function.Function<Span, String> field) {
    List<Predicate<String>> any = new ArrayList<>();
    for (ConfigNode item : node.list(key)) any.add(matcher(item, regexp));
    if (!any.isEmpty()) conditions.add(span -> any.stream().anyMatch(m -> m.test(field.apply(span))));
  }

  private static Predicate<Attributes> attributeMatcher(ConfigNode node, boolean regexp) {
    String key = node.requiredString("key");
    ConfigNode valueNode = node.child("value");
    if (!valueNode.isPresent()) return attributes -> attributes.get(key) != null;
    if (regexp) {
      Predicate<String> value = matcher(valueNode, true);
      return attributes -> attributes.get(key) instanceof Object v && value.test(AnyValue.asString(v));
    }
    Object expected = valueNode.typedValue();
    return attributes -> expected.equals(attributes.get(key));
  }

  private static Predicate<String> matcher(ConfigNode node, boolean regexp) {
    String text = node.text();
    if (!regexp) return text::equals;
    try {
      Pattern pattern = Pattern.compile(text);
      return value -> pattern.matcher(value).find();
    } catch (PatternSyntaxException e) {
      throw node.error("invalid regular expression: " + e.getMessage());
    }
  }
}
