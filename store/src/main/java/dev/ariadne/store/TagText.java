package dev.ariadne.store;

import dev.ariadne.model.AnyValue;
import java.util.List;
import java.util.function.Consumer;

/**
 * How a tag condition compares with an attribute value: as text ({@link AnyValue#asString}), as Jaeger's
 * search compares tags, or, for an array, as the text of any one of its scalar elements, as TraceQL's
 * {@code =} matches an array attribute. Every store decides tags through here, and blocks put the element
 * texts in their tag bloom filters too, so a search may pass TraceQL's attribute equalities on as tags.
 */
public final class TagText {
  private TagText() {}

  public static boolean matches(Object value, String text) {
    if (AnyValue.asString(value).equals(text)) return true;
    if (!(value instanceof List<?> items)) return false;
    for (Object item : items) {
      if (isScalar(item) && AnyValue.asString(item).equals(text)) return true;
    }
    return false;
  }

  /** Strings, integers, doubles and booleans: the values the tag index lists too. */
  private static boolean isScalar(Object value) {
    return TagIndex.typeRank(value) >= 0;
  }

  /** The texts of an array value's scalar elements, which a tag can match besides the whole value's. */
  public static void forEachElementText(Object value, Consumer<String> action) {
    if (!(value instanceof List<?> items)) return;
    for (Object item : items) if (isScalar(item)) action.accept(AnyValue.asString(item));
  }
}
