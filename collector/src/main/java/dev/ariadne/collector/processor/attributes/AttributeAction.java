package dev.ariadne.collector.processor.attributes;

import com.google.re2j.Pattern;
import dev.ariadne.collector.config.ConfigNode;
import java.util.List;
import java.util.Locale;

/**
 * One entry of an {@code actions} list (the attributes and resource processors), checked as the
 * Collector checks it.
 *
 * @param key the attribute acted on; "" when only {@code pattern} is given (delete, hash)
 * @param value the value inserted, typed as YAML typed it; null when {@code fromAttribute} is used
 * @param fromAttribute the attribute whose value is inserted; "" when {@code value} is used
 * @param pattern for delete and hash, which keys; for extract, the regex with named groups; else null
 * @param convertedType for convert: int, double or string; else ""
 */
public record AttributeAction(
    String key, Object value, String fromAttribute, Pattern pattern, ActionType action, String convertedType) {

  static List<AttributeAction> parseList(ConfigNode node, String key) {
    List<ConfigNode> items = node.list(key);
    if (items.isEmpty()) throw node.child(key).error("must list at least one action");
    return items.stream().map(AttributeAction::parse).toList();
  }

  static AttributeAction parse(ConfigNode node) {
    String key = node.string("key", "");
    ConfigNode valueNode = node.child("value");
    Object value = valueNode.isPresent() ? valueNode.typedValue() : null;
    String fromAttribute = node.string("from_attribute", "");
    Pattern pattern = node.regex("pattern");
    ActionType action = actionType(node.child("action"));
    String convertedType = action == ActionType.CONVERT ? node.oneOf("converted_type", "", "int", "double", "string") : "";
    switch (action) {
      case INSERT, UPDATE, UPSERT -> {
        requireKey(node, key, action);
        if ((value == null) == fromAttribute.isEmpty()) throw node.error("give exactly one of value and from_attribute");
      }
      case DELETE, HASH -> {
        if (key.isEmpty() && pattern == null) throw node.error(name(action) + " needs key or pattern");
      }
      case EXTRACT -> {
        requireKey(node, key, action);
        if (pattern == null || pattern.namedGroups().isEmpty()) {
          throw node.error("extract needs a pattern with named groups, such as (?P<name>…)");
        }
      }
      case CONVERT -> {
        requireKey(node, key, action);
        if (convertedType.isEmpty()) throw node.error("convert needs converted_type: int, double or string");
      }
    }
    return new AttributeAction(key, value, fromAttribute, pattern, action, convertedType);
  }

  private static ActionType actionType(ConfigNode node) {
    if (!node.isPresent()) throw node.error("must be set: insert, update, upsert, delete, hash, extract or convert");
    try {
      return ActionType.valueOf(node.text().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw node.error("unknown action \"" + node.text() + "\": use insert, update, upsert, delete, hash, extract or convert");
    }
  }

  private static void requireKey(ConfigNode node, String key, ActionType action) {
    if (key.isEmpty()) throw node.error(name(action) + " needs key");
  }

  private static String name(ActionType action) {
    return action.name().toLowerCase(Locale.ROOT);
  }
}
