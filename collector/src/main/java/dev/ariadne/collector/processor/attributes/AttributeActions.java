package dev.ariadne.collector.processor.attributes;

import com.google.re2j.Matcher;
import dev.ariadne.model.Attributes;
import java.util.ArrayList;
import java.util.List;

/** Applies a list of actions, in order, to one set of attributes; the attributes of the model are immutable, so a changed copy is returned. */
final class AttributeActions {
  private final List<AttributeAction> actions;

  AttributeActions(List<AttributeAction> actions) {
    this.actions = List.copyOf(actions);
  }

  /** The attributes after every action; {@code attributes} itself when no action changed anything. */
  Attributes apply(Attributes attributes) {
    Editor editor = new Editor(attributes);
    for (AttributeAction action : actions) editor.apply(action);
    return editor.changed ? editor.build() : attributes;
  }

  /** The attributes as two mutable lists while actions run. */
  private static final class Editor {
    private final List<String> keys = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();
    private boolean changed;

    Editor(Attributes attributes) {
      for (int i = 0; i < attributes.size(); i++) {
        keys.add(attributes.key(i));
        values.add(attributes.value(i));
      }
    }

    void apply(AttributeAction action) {
      int at = keys.indexOf(action.key());
      switch (action.action()) {
        case INSERT -> {
          if (at < 0) insert(action);
        }
        case UPDATE -> {
          if (at >= 0) set(at, sourceValue(action));
        }
        case UPSERT -> {
          if (at < 0) insert(action);
          else set(at, sourceValue(action));
        }
        case DELETE -> {
          for (int i = keys.size() - 1; i >= 0; i--) {
            if (selected(action, i)) remove(i);
          }
        }
        case HASH -> {
          for (int i = 0; i < keys.size(); i++) {
            if (selected(action, i)) set(i, AttributeValues.sha1Hex(values.get(i)));
          }
        }
        case EXTRACT -> {
          if (at >= 0 && values.get(at) instanceof String text) extract(action, text);
        }
        case CONVERT -> {
          if (at >= 0) set(at, AttributeValues.convert(values.get(at), action.convertedType()));
        }
      }
    }

    private boolean selected(AttributeAction action, int i) {
      String key = keys.get(i);
      return key.equals(action.key()) || (action.pattern() != null && action.pattern().matcher(key).find());
    }

    /** The value to write, or null when it comes from an attribute that is absent. */
    private Object sourceValue(AttributeAction action) {
      if (action.value() != null) return action.value();
      int from = keys.indexOf(action.fromAttribute());
      return from < 0 ? null : values.get(from);
    }

    private void insert(AttributeAction action) {
      Object value = sourceValue(action);
      if (value == null) return;
      keys.add(action.key());
      values.add(value);
      changed = true;
    }

    private void set(int i, Object value) {
      if (value == null || value.equals(values.get(i))) return;
      values.set(i, value);
      changed = true;
    }

    private void remove(int i) {
      keys.remove(i);
      values.remove(i);
      changed = true;
    }

    private void extract(AttributeAction action, String text) {
      Matcher matcher = action.pattern().matcher(text);
      if (!matcher.find()) return;
      // In the pattern's order: namedGroups() is a hash map.
      List<String> groups = action.pattern().namedGroups().entrySet().stream()
          .sorted(java.util.Map.Entry.comparingByValue()).map(java.util.Map.Entry::getKey).toList();
      for (String group : groups) {
        String match = matcher.group(group);
        if (match == null) continue;
        int at = keys.indexOf(group);
        if (at < 0) {
          keys.add(group);
          values.add(match);
          changed = true;
        } else {
          set(at, match);
        }
      }
    }

    Attributes build() {
      Attributes.Builder builder = Attributes.builder(keys.size());
      for (int i = 0; i < keys.size(); i++) builder.put(keys.get(i), values.get(i));
      return builder.build();
    }
  }
}
